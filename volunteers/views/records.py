"""Admin views of the service records: entry, confirmation, corrections, import and export.

Records are looked up through the user's visible stations, so another station's record is a
404 whatever id is guessed; changes need a station the user manages.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from volunteers import access, corrections, exports, records
from volunteers.forms import BulkRecordForm, CorrectionForm, ImportForm, VoidForm
from volunteers.importing import import_records
from volunteers.models import RecordCorrection, ServiceRecord
from volunteers.records import Entry
from volunteers.views.roster import (
    PER_PAGE,
    chosen_station,
    require_ledger,
    require_manage,
    station_choices,
    station_to_manage,
)


def record_index(request):
    """服务记录: pending first by default; ticking records and 证明所选 confirms them."""
    station = chosen_station(request)  # a station the user may not read is a 404
    require_ledger(request)
    service = access.records_for(request.user).select_related(
        "volunteer", "station__community", "recorded_by", "confirmed_by"
    )
    if station is not None:
        service = service.filter(station=station)
    status = request.GET.get("status", "pending")
    service = {
        "pending": service.pending(),
        "confirmed": service.counted(),
        "corrected": service.filter(superseded=True),
    }.get(status, service)
    confirming = access.confirming_stations(request.user)
    if request.method == "POST":
        ticked = service.filter(pk__in=request.POST.getlist("records"))
        chosen = list(ticked.filter(station__in=confirming))
        if not ticked.exists():
            messages.warning(request, "请先勾选要证明的记录。")
        elif not chosen:
            messages.error(request, "所选记录不属于您可以证明的工作站。")
        confirmed, refused = records.confirm_records(chosen, request.user)
        if confirmed:
            messages.success(request, f"已证明 {confirmed} 条记录。")
        for reason in refused:
            messages.error(request, reason)
        return redirect(request.get_full_path())
    page = Paginator(service, PER_PAGE).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "volunteers/record_index.html",
        {
            "page": page,
            "station": station,
            "stations": station_choices(request),
            "status": status,
            "can_manage": station is not None and access.can_manage(request.user, station),
            "can_confirm": confirming.exists(),
        },
    )


def record_bulk_add(request):
    """一次活动、多名志愿者: one form records the same activity for everyone ticked."""
    require_ledger(request)
    station = station_to_manage(request)
    form = BulkRecordForm(request.POST or None, station=station)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        entries = [Entry(v, data["date"], data["hours"]) for v in data["volunteers"]]
        try:
            added = records.add_records(station, request.user, entries, **form.activity_fields())
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, f"已记录 {len(added)} 人次，等待另一位工作人员证明。")
            return redirect(f"{reverse('volunteers:records')}?station={station.pk}")
    return TemplateResponse(
        request,
        "volunteers/form.html",
        {"form": form, "title": f"录入服务记录：{station}", "station": station},
    )


def managed_record(request, pk: int) -> ServiceRecord:
    record = get_object_or_404(
        access.records_for(request.user).select_related("volunteer", "station"), pk=pk
    )
    require_manage(request, record.station)
    return record


def record_correct(request, pk: int):
    record = managed_record(request, pk)
    form = CorrectionForm(
        request.POST or None, initial=CorrectionForm.initial_for(record), station=record.station
    )
    if request.method == "POST" and form.is_valid():
        try:
            corrections.correct_record(
                record, request.user, form.cleaned_data["reason"], **form.changes(record)
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, "已提交更正，原记录保留；更正须由另一位工作人员证明后生效。")
            return redirect("volunteers:volunteer", record.volunteer_id)
    return TemplateResponse(
        request,
        "volunteers/form.html",
        {"form": form, "title": f"更正记录：{record}", "record": record},
    )


def record_void(request, pk: int):
    record = managed_record(request, pk)
    form = VoidForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            corrections.void_record(record, request.user, form.cleaned_data["reason"])
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, "已作废这条记录，原记录保留在更正记录中。")
            return redirect("volunteers:volunteer", record.volunteer_id)
    return TemplateResponse(
        request,
        "volunteers/form.html",
        {"form": form, "title": f"作废记录：{record}", "record": record},
    )


def correction_index(request):
    """更正记录: the audit trail, every station's for the office."""
    require_ledger(request)
    trail = RecordCorrection.objects.filter(
        original__station__in=access.visible_stations(request.user)
    ).select_related(
        "original__volunteer",
        "original__station__community",
        "original__recorded_by",
        "original__confirmed_by",
        "replacement__confirmed_by",
        "corrected_by",
    )
    page = Paginator(trail, PER_PAGE).get_page(request.GET.get("p"))
    return TemplateResponse(request, "volunteers/correction_index.html", {"page": page})


def record_import(request):
    """导入表格: every row checked, a report, and nothing imported if any row is bad."""
    require_ledger(request)
    station = station_to_manage(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        report = import_records(form.cleaned_data["file"], station, request.user)
        if report.ok:
            messages.success(request, f"已导入 {report.imported} 条记录，等待另一位工作人员证明。")
    return TemplateResponse(
        request,
        "volunteers/import.html",
        {"form": form, "station": station, "report": report},
    )


def ledger_export(request):
    """A station's ledger as Excel; a station exports only its own, the office any one.

    The station is looked up among those the user may read: any other is a 404."""
    station = chosen_station(request)
    if station is None:
        raise PermissionDenied
    return exports.ledger_workbook_response(station, request.user)
