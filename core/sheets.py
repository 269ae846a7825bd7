"""Reading the spreadsheets that offices and stations already keep (.xlsx, or .csv in UTF-8
or GBK): one reader for every import, so each accepts the same files and says the same
things about a bad one."""

import csv
import datetime
import io
import re

from django.core.exceptions import ValidationError
from openpyxl import load_workbook

DATE_PATTERN = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


class SheetError(Exception):
    """The file cannot be read as a sheet at all (wrong type, unreadable, empty)."""


def read_rows(name: str, data: bytes) -> list[tuple[int, list]]:
    """The sheet's non-blank rows as (spreadsheet row number, cells), header first."""
    name = name.lower()
    if name.endswith(".xlsx"):
        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            rows = [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
            workbook.close()
        except Exception as error:  # openpyxl raises many kinds for a broken file
            raise SheetError("无法读取这个 Excel 文件，请确认是 .xlsx 格式。") from error
    elif name.endswith(".csv"):
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise SheetError("无法识别 CSV 文件的编码，请另存为 UTF-8。")
        rows = list(csv.reader(io.StringIO(text)))
    else:
        raise SheetError("只能导入 .xlsx 或 .csv 文件。")
    numbered = [
        (number, row)
        for number, row in enumerate(rows, start=1)
        if any(cell not in (None, "") for cell in row)
    ]
    if not numbered:
        raise SheetError("表格是空的。")
    return numbered


def cell_text(value) -> str:
    """A cell as text: Excel's 13800001111.0 is the phone number 13800001111."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def parse_date(value) -> datetime.date:
    """A date cell: an Excel date, or text such as 2026-05-01, 2026/5/1 or 2026年5月1日."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    match = DATE_PATTERN.match(cell_text(value))
    if not match:
        raise ValidationError(f"日期“{value}”看不懂，请写成 2026-05-01。")
    try:
        return datetime.date(*(int(part) for part in match.groups()))
    except ValueError as error:
        raise ValidationError(f"没有“{value}”这一天。") from error
