"""Import of service records from the spreadsheets stations already keep (.xlsx or .csv).

Every row is checked first and the report names each bad row by its spreadsheet row
number; if any row is bad nothing is imported. Volunteers are matched on the station's
roster by ID number, then by name and phone, then by a name that is unique on the
roster; a row with a new name and a phone or ID number adds the volunteer.
"""

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction

from core.sheets import SheetError, parse_date, read_rows
from core.sheets import cell_text as text_of
from goodpeople.models import Station
from volunteers.audit import log_volunteer, snapshot
from volunteers.models import (
    ServiceRecord,
    Volunteer,
    phone_validator,
    validate_hours,
    validate_id_number,
)
from volunteers.records import Entry, add_records, day_limit_errors

# Header spellings seen in stations' sheets, mapped to our fields.
HEADERS = {
    "name": ["姓名", "志愿者", "志愿者姓名"],
    "phone": ["手机号", "手机", "联系电话", "电话"],
    "id_number": ["身份证号", "身份证号码", "身份证"],
    "activity": ["活动名称", "活动", "服务项目"],
    "date": ["服务日期", "日期", "活动日期"],
    "place": ["服务地点", "地点"],
    "served": ["服务对象"],
    "content": ["服务内容", "内容"],
    "hours": ["服务时长", "时长", "服务时长（小时）", "小时"],
}
REQUIRED = ["name", "activity", "date", "hours"]


@dataclass
class ImportReport:
    rows: int = 0
    errors: list[str] = field(default_factory=list)
    new_volunteers: list[str] = field(default_factory=list)
    imported: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


def column_map(header: list) -> dict[str, int]:
    titles = [str(cell or "").strip() for cell in header]
    columns = {}
    for key, names in HEADERS.items():
        for index, title in enumerate(titles):
            if title in names:
                columns[key] = index
                break
    missing = [HEADERS[key][0] for key in REQUIRED if key not in columns]
    if missing:
        raise SheetError(f"第一行缺少这些列：{'、'.join(missing)}。")
    return columns


def parse_hours(value) -> Decimal:
    try:
        hours = Decimal(str(value).strip())
    except InvalidOperation as error:
        raise ValidationError(f"时长“{value}”不是数字。") from error
    validate_hours(hours)
    return hours


def cell_text(row: list, columns: dict[str, int], key: str) -> str:
    """The text of the row's cell in the column of key; empty when the column is missing."""
    index = columns.get(key)
    return text_of(row[index]) if index is not None and index < len(row) else ""


class Roster:
    """The station's volunteers, found the way a station clerk would recognise them."""

    def __init__(self, station: Station):
        self.station = station
        self.volunteers = list(Volunteer.objects.filter(station=station))
        self.added: dict[tuple, Volunteer] = {}

    def find(self, name: str, phone: str, id_number: str) -> Volunteer | None:
        if id_number:
            found = next((v for v in self.volunteers if v.id_number == id_number), None)
            if found is not None and found.name != name:
                raise ValidationError(f"身份证号属于本站的“{found.name}”，与姓名“{name}”不符。")
            return found
        if phone:
            return next((v for v in self.volunteers if v.name == name and v.phone == phone), None)
        same_name = [v for v in self.volunteers if v.name == name]
        if len(same_name) > 1:
            raise ValidationError(f"本站有 {len(same_name)} 位“{name}”，请补充手机号或身份证号。")
        return same_name[0] if same_name else None

    def new(self, name: str, phone: str, id_number: str) -> Volunteer:
        """An unsaved volunteer for a name not on the roster; one per person in the sheet."""
        if not (phone or id_number):
            raise ValidationError(f"“{name}”不在本站名册中；新志愿者请填写手机号或身份证号。")
        if id_number:
            validate_id_number(id_number)
        if phone:
            phone_validator(phone)
        key = (name, phone, id_number)
        if key not in self.added:
            volunteer = Volunteer(station=self.station, name=name, phone=phone, id_number=id_number)
            # A stand-in key so the day-limit check can tell new volunteers apart.
            volunteer.pk = -len(self.added) - 1
            self.added[key] = volunteer
        return self.added[key]


def check_row(number: int, row: list, columns: dict, roster: Roster) -> Entry:
    """One row as an entry with its activity fields; ValidationError names what is wrong."""
    text = {key: cell_text(row, columns, key) for key in HEADERS}
    for key in REQUIRED:
        if not text[key] and not (key == "date" and row[columns["date"]] is not None):
            raise ValidationError(f"“{HEADERS[key][0]}”为空。")
    date = parse_date(row[columns["date"]])
    hours = parse_hours(text["hours"])
    name, phone, id_number = text["name"], text["phone"], text["id_number"].upper()
    volunteer = roster.find(name, phone, id_number) or roster.new(name, phone, id_number)
    activity = {
        key: text[key][: ServiceRecord._meta.get_field(key).max_length or None]
        for key in ("activity", "place", "served")
    } | {"content": text["content"]}
    return Entry(volunteer, date, hours, label=f"第 {number} 行：", activity=activity)


def import_records(upload, station: Station, user, commit: bool = True) -> ImportReport:
    """Checks every row, then imports all of them or none; the report says which and why."""
    report = ImportReport()
    try:
        rows = read_rows(upload.name, upload.read())
        columns = column_map(rows[0][1])
    except SheetError as error:
        report.errors.append(str(error))
        return report
    roster = Roster(station)
    checked = []
    for number, row in rows[1:]:
        report.rows += 1
        try:
            checked.append(check_row(number, row, columns, roster))
        except ValidationError as error:
            report.errors.extend(f"第 {number} 行：{m}" for m in error.messages)
    report.errors += day_limit_errors(checked)
    if not report.rows:
        report.errors.append("表格只有标题行，没有记录。")
    report.new_volunteers = [volunteer.name for volunteer in roster.added.values()]
    if report.errors or not commit:
        return report
    with transaction.atomic():
        for volunteer in roster.added.values():
            volunteer.pk = None
            volunteer.save()
            log_volunteer(volunteer, user, snapshot(Volunteer()), added=True)
        add_records(station, user, checked)
    report.imported = len(checked)
    return report
