"""Excel exports (openpyxl, which Wagtail already ships): a station's ledger, the ranking."""

import io
from collections.abc import Iterable

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from goodpeople.models import Station
from volunteers import hours as hours_of
from volunteers import stars
from volunteers.audit import log_export
from volunteers.models import HourExchange, ServiceRecord, Volunteer

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def add_sheet(workbook: Workbook, title: str, header: list[str], rows: Iterable) -> None:
    """A sheet of header and rows, every text cell written as text.

    openpyxl stores a string starting with "=" as a formula: a volunteer named
    =HYPERLINK(...) would become a live link beside full ID numbers.
    """
    sheet = workbook.create_sheet(title)
    sheet.append(header)
    for row in rows:
        sheet.append(list(row))
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    for index, name in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(10, len(name) * 2 + 4)
    sheet.freeze_panes = "A2"


def workbook_response(workbook: Workbook, filename: str) -> HttpResponse:
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{filename}"
    return response


def ledger_workbook(station: Station) -> Workbook:
    """The station's own roster (with its personal data), records and exchanges."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    volunteers = list(Volunteer.objects.filter(station=station))
    hours = hours_of.hours_by_volunteer([v.pk for v in volunteers])
    add_sheet(
        workbook,
        "志愿者",
        ["姓名", "性别", "联系电话", "身份证号", "住址", "加入日期", "服务队", "累计时长", "星级"],
        (
            [
                v.name,
                v.get_gender_display(),
                v.phone,
                v.id_number,
                v.address,
                v.joined_on,
                v.team,
                float(hours.get(v.pk, 0)),
                stars.star_level(hours.get(v.pk, 0)),
            ]
            for v in volunteers
        ),
    )
    add_sheet(
        workbook,
        "服务记录",
        [
            "日期",
            "志愿者",
            "活动名称",
            "服务地点",
            "服务对象",
            "服务内容",
            "时长",
            "记录人",
            "证明人",
            "状态",
        ],
        (
            [
                r.date,
                r.volunteer.name,
                r.activity,
                r.place,
                r.served,
                r.content,
                float(r.hours),
                r.recorded_by.get_username(),
                r.confirmed_by.get_username() if r.confirmed_by else "",
                r.status_label,
            ]
            for r in ServiceRecord.objects.filter(station=station)
            .select_related("volunteer", "recorded_by", "confirmed_by")
            .iterator()
        ),
    )
    add_sheet(
        workbook,
        "时长兑换",
        ["日期", "志愿者", "兑换的服务", "使用时长", "经办人"],
        (
            [e.date, e.volunteer.name, e.service, float(e.hours), e.recorded_by.get_username()]
            for e in HourExchange.objects.filter(station=station).select_related(
                "volunteer", "recorded_by"
            )
        ),
    )
    return workbook


def ledger_workbook_response(station: Station, user) -> HttpResponse:
    """The station's ledger as a download, logged: it holds every volunteer's personal data."""
    log_export(station, user)
    filename = f"ledger-{station.pk}-{timezone.localdate():%Y%m%d}.xlsx"
    return workbook_response(ledger_workbook(station), filename)
