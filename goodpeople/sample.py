"""A made-up but city-shaped sheet of communities and units, for the sample file and tests."""

import csv
import datetime
import itertools
from pathlib import Path

from openpyxl import Workbook

from goodpeople.onboarding import COLUMNS

DISTRICTS = {
    "浔阳区": ["甘棠街道", "湓浦街道", "白水湖街道", "人民路街道", "向阳街道", "滨兴街道"],
    "濂溪区": ["十里街道", "五里街道", "莲花镇", "新港镇"],
    "柴桑区": ["沙河街道", "狮子街道", "港口街镇"],
    "瑞昌市": ["湓城街道", "桂林街道"],
    "共青城市": ["茶山街道", "江益镇"],
    "庐山市": ["南康镇", "白鹿镇"],
    "武宁县": ["新宁镇", "豫宁街道"],
    "修水县": ["义宁镇", "良塘新区"],
    "永修县": ["涂埠镇", "艾城镇"],
    "德安县": ["蒲亭镇", "丰林镇"],
    "都昌县": ["都昌镇", "芙蓉山"],
    "湖口县": ["双钟镇", "流泗镇"],
    "彭泽县": ["龙城镇", "芙蓉墩镇"],
    "九江经济技术开发区": ["向阳街道", "永安乡"],
    "八里湖新区": ["八里湖街道"],
}
COMMUNITY_NAMES = [
    "甘棠",
    "湓浦",
    "白水湖",
    "八里湖",
    "十里",
    "濂溪",
    "东湖",
    "南湖",
    "庾亮",
    "浔阳",
    "滨江",
    "柴桑",
    "龙开河",
    "琵琶亭",
    "锁江楼",
    "烟水亭",
    "能仁",
    "大中",
    "环城",
    "荷花",
    "长虹",
    "金鸡坡",
    "周岭",
    "莲花",
    "五里",
    "新港",
    "沙河",
    "狮子",
    "桂林",
    "湓城",
]
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
STREET_COUNT = sum(len(streets) for streets in DISTRICTS.values())
CHINESE_ORDINALS = "〇一二三四五六七八九十"
HEAD_SURNAMES = "王李张刘陈杨黄赵吴周徐孙胡朱高林何郭马罗"
HEAD_GIVEN = ["秀英", "建华", "桂兰", "志强", "红梅", "国平", "丽华", "卫东", "小燕", "海军"]


def community_rows(communities: int, units: int, national: int = 8) -> list[dict]:
    """Rows for `communities` communities spread over the districts; the first `units` of them
    paired one-to-one with a unit, the first `national` units being national ones."""
    places = list(
        itertools.islice(
            itertools.cycle(
                (district, street) for district, streets in DISTRICTS.items() for street in streets
            ),
            communities,
        )
    )
    seen: dict[str, int] = {}
    rows = []
    for number, (district, street) in enumerate(places):
        # Names are unique city-wide, so people (and the demo) can name a community alone.
        base = COMMUNITY_NAMES[number % len(COMMUNITY_NAMES)]
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
            row.update(unit_columns(number, district, street, national))
        rows.append(row)
    return rows


def unit_columns(number: int, district: str, street: str, national: int) -> dict:
    if number < national:
        name, kind, level = NATIONAL_UNITS[number % len(NATIONAL_UNITS)], "机关", "全国"
        if number >= len(NATIONAL_UNITS):
            name = f"{name}第{number // len(NATIONAL_UNITS) + 1}分部"
        kind = "企业" if "公司" in name or "银行" in name else kind
    else:
        # A street's rows come round once per cycle of all streets; each round names
        # another department, so no two units share a name.
        department, kind = DEPARTMENTS[(number // STREET_COUNT) % len(DEPARTMENTS)]
        name = f"{district}{street}{department}"
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
