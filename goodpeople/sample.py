"""A made-up but city-shaped sheet of communities and units, for the sample file and tests."""

import csv
import datetime
import itertools
from pathlib import Path

from openpyxl import Workbook

from goodpeople.city import places
from goodpeople.onboarding import COLUMNS

NATIONAL_UNITS = [
    "国网九江供电公司",
    "九江海关",
    "中国银行九江分行",
    "九江市中级人民法院",
    "九江学院",
    "九江市第一人民医院",
    "中国石化九江分公司",
    "九江市公安局",
]
DEPARTMENTS = [
    ("税务局", "机关"),
    ("人民法院", "机关"),
    ("人民检察院", "机关"),
    ("财政局", "机关"),
    ("教育局", "机关"),
    ("卫生健康委员会", "机关"),
    ("自来水公司", "企业"),
    ("农商银行", "企业"),
    ("人民医院", "事业单位"),
    ("中学", "事业单位"),
    ("邮政分公司", "企业"),
    ("图书馆", "事业单位"),
]
CHINESE_ORDINALS = "〇一二三四五六七八九十"
HEAD_SURNAMES = "王李张刘陈杨黄赵吴周徐孙胡朱高林何郭马罗"
HEAD_GIVEN = ["秀英", "建华", "桂兰", "志强", "红梅", "国平", "丽华", "卫东", "小燕", "海军"]


def community_rows(communities: int, units: int, national: int = 8) -> list[dict]:
    """Rows for `communities` communities spread over the districts; the first `units` of them
    paired one-to-one with a unit, the first `national` units being national ones."""
    city = places()
    seen: dict[str, int] = {}
    units_named: set[str] = set()
    rows = []
    for number in range(communities):
        place = city[number % len(city)]
        district, street, base = place.district, place.street, place.base
        # Past the city's own communities, names repeat with an ordinal (甘棠二社区), still
        # unique city-wide, so people (and the demo) can name a community alone.
        seen[base] = seen.get(base, 0) + 1
        name = f"{base}社区" if seen[base] == 1 else f"{base}{CHINESE_ORDINALS[seen[base]]}社区"
        head = HEAD_SURNAMES[number % len(HEAD_SURNAMES)] + HEAD_GIVEN[number % len(HEAD_GIVEN)]
        row = {
            "县市区": district,
            "街道": street,
            "社区": name,
            "站长": head,
            "地址": f"九江市{district}{street}{base}路{number + 1}号",
            "电话": f"0792-8{number:06d}",
            "开放时间": "周一至周五 8:30-17:30",
            "站长账号": f"zhan{number + 1:03d}",
            "记录员": HEAD_SURNAMES[(number + 7) % len(HEAD_SURNAMES)]
            + HEAD_GIVEN[(number + 3) % len(HEAD_GIVEN)],
            "记录员账号": f"jilu{number + 1:03d}",
        }
        if number < units:
            row.update(unit_columns(number, district, street, national, units_named))
            units_named.add(row["帮扶单位"])
        rows.append(row)
    return rows


def unit_columns(number: int, district: str, street: str, national: int, taken: set[str]) -> dict:
    if number < national:
        name, kind, level = NATIONAL_UNITS[number % len(NATIONAL_UNITS)], "机关", "全国"
        if number >= len(NATIONAL_UNITS):
            name = f"{name}第{number // len(NATIONAL_UNITS) + 1}分部"
        kind = "企业" if "公司" in name or "银行" in name else kind
    else:
        # A street with several communities takes the next department that has no unit in
        # it yet, so no two units share a name.
        for offset in itertools.count():
            department, kind = DEPARTMENTS[(number + offset) % len(DEPARTMENTS)]
            name = f"{district}{street}{department}"
            if name not in taken:
                break
            if offset >= len(DEPARTMENTS):
                name = f"{name}（{number}）"
                break
        level = "省级" if number % 3 else "市级"
    start = datetime.date(2014, 3, 5) + datetime.timedelta(days=number * 7)
    return {"帮扶单位": name, "单位类型": kind, "单位级别": level, "结对时间": start.isoformat()}


def write_xlsx(path: Path, rows: list[dict]) -> None:
    """The rows as an Excel file with the import's headers."""

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "社区与帮扶单位"
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append([row.get(header, "") for header in COLUMNS])
    workbook.save(path)


def write_csv(path: Path, rows: list[dict]) -> Path:
    """The rows as a spreadsheet saved as CSV, the way a station might export one."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(COLUMNS))
        writer.writeheader()
        writer.writerows(rows)
    return path
