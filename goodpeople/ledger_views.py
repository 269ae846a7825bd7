"""Admin views of the volunteer ledger: each station its own, the office every station's.

Objects are looked up through the user's visible stations, so another station's volunteer
or record is a 404 whatever id is guessed; changes need a station the user manages.
"""

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q, Sum
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from goodpeople.ledger import access, corrections, exchange, exports, records, stars
from goodpeople.ledger.certificates import issue_certificate
from goodpeople.ledger.importing import import_records
from goodpeople.ledger.records import Entry
from goodpeople.ledger_forms import (
    BulkRecordForm,
    CommendationForm,
    CorrectionForm,
    ExchangeForm,
    ImportForm,
    VoidForm,
    VolunteerForm,
)
from goodpeople.models import (
    Certificate,
    HourExchange,
    RecordCorrection,
    ServiceRecord,
    Station,
    Volunteer,
)

PER_PAGE = 50


def require_ledger(request) -> None:
    if not access.has_ledger_access(request.user):
        raise PermissionDenied


def require_manage(request, station: Station) -> None:
    if not access.can_manage(request.user, station):
        raise PermissionDenied


def chosen_station(request) -> Station | None:
    """The station picked with ?station=, or the user's only station; None means all."""
    visible = access.visible_stations(request.user).select_related("community")
    station_id = request.GET.get("station") or request.POST.get("station")
    if station_id and station_id.isdigit():
        return get_object_or_404(visible, pk=station_id)
    managed = list(access.managed_stations(request.user)[:2])
    if len(managed) == 1 and not access.is_office(request.user):
        return managed[0]
    return None


def station_to_manage(request) -> Station:
    station = chosen_station(request)
    if station is None:
        raise PermissionDenied
    require_manage(request, station)
    return station


def station_choices(request):
    return access.visible_stations(request.user).select_related("community", "group")


def with_hours(volunteers: list[Volunteer]) -> list[Volunteer]:
    """Sets confirmed hours, stars, hours to the next star and balance (two queries)."""
    ids = [v.pk for v in volunteers]
    hours = records.hours_by_volunteer(ids)
    spent = dict(
        HourExchange.objects.filter(volunteer_id__in=ids)
        .values_list("volunteer_id")
        .annotate(total=Sum("hours"))
    )
    thresholds = stars.star_thresholds()
    for volunteer in volunteers:
        volunteer.hours = hours.get(volunteer.pk, records.ZERO)
        volunteer.stars = stars.star_level(volunteer.hours, thresholds)
        volunteer.to_next_star = stars.hours_to_next_star(volunteer.hours, thresholds)
        volunteer.balance = volunteer.hours - spent.get(volunteer.pk, Decimal(0))
    return volunteers


def volunteer_index(request):
    """志愿者名册: phone and ID number masked; hours, stars and balance beside each."""
    require_ledger(request)
    station = chosen_station(request)
    volunteers = access.volunteers_for(request.user).select_related("station__community")
    if station is not None:
        volunteers = volunteers.filter(station=station)
    query = request.GET.get("q", "").strip()
    if query:
        volunteers = volunteers.filter(Q(name__contains=query) | Q(team__contains=query))
    page = Paginator(volunteers, PER_PAGE).get_page(request.GET.get("p"))
    with_hours(page.object_list)
    return TemplateResponse(
        request,
        "goodpeople/ledger/volunteer_index.html",
        {
            "page": page,
            "station": station,
            "stations": station_choices(request),
            "query": query,
            "can_add": station is not None and access.can_manage(request.user, station),
        },
    )


def visible_volunteer(request, pk: int) -> Volunteer:
    require_ledger(request)
    return get_object_or_404(
        access.volunteers_for(request.user).select_related("station__community"), pk=pk
    )


def volunteer_form(request, pk: int | None = None):
    if pk is None:
        volunteer, station = None, station_to_manage(request)
    else:
        volunteer = visible_volunteer(request, pk)
        station = volunteer.station
        require_manage(request, station)
    form = VolunteerForm(request.POST or None, instance=volunteer, station=station)
    if request.method == "POST" and form.is_valid():
        volunteer = form.save()
        messages.success(request, f"已保存志愿者 {volunteer.name}。")
        return redirect("goodpeople_ledger:volunteer", volunteer.pk)
    return TemplateResponse(
        request,
        "goodpeople/ledger/form.html",
        {
            "form": form,
            "title": f"编辑志愿者 {volunteer.name}" if volunteer else f"登记志愿者：{station}",
        },
    )


def volunteer_detail(request, pk: int):
    """One volunteer in full (for their own station and the office) with every record."""
    volunteer = visible_volunteer(request, pk)
    with_hours([volunteer])
    service = volunteer.records.select_related("recorded_by", "confirmed_by", "brand_project")
    return TemplateResponse(
        request,
        "goodpeople/ledger/volunteer_detail.html",
        {
            "volunteer": volunteer,
            "records": service,
            "exchanges": volunteer.exchanges.select_related("recorded_by"),
            "commendations": volunteer.commendations.all(),
            "certificates": volunteer.certificates.all(),
            "can_manage": access.can_manage(request.user, volunteer.station),
            "is_office": access.is_office(request.user),
            "star_label": stars.star_label(volunteer.stars),
        },
    )


def record_index(request):
    """服务记录: pending first by default; ticking records and 证明所选 confirms them."""
    require_ledger(request)
    station = chosen_station(request)
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
    if request.method == "POST":
        chosen = service.filter(pk__in=request.POST.getlist("records"))
        chosen = chosen.filter(station__in=access.managed_stations(request.user))
        confirmed, refused = records.confirm_records(list(chosen), request.user)
        if confirmed:
            messages.success(request, f"已证明 {confirmed} 条记录。")
        for reason in refused:
            messages.error(request, reason)
        return redirect(request.get_full_path())
    page = Paginator(service, PER_PAGE).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "goodpeople/ledger/record_index.html",
        {
            "page": page,
            "station": station,
            "stations": station_choices(request),
            "status": status,
            "can_manage": station is not None and access.can_manage(request.user, station),
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
            return redirect(f"{reverse('goodpeople_ledger:records')}?station={station.pk}")
    return TemplateResponse(
        request,
        "goodpeople/ledger/form.html",
        {"form": form, "title": f"录入服务记录：{station}", "station": station},
    )


def managed_record(request, pk: int) -> ServiceRecord:
    require_ledger(request)
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
            return redirect("goodpeople_ledger:volunteer", record.volunteer_id)
    return TemplateResponse(
        request,
        "goodpeople/ledger/form.html",
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
            return redirect("goodpeople_ledger:volunteer", record.volunteer_id)
    return TemplateResponse(
        request,
        "goodpeople/ledger/form.html",
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
    return TemplateResponse(request, "goodpeople/ledger/correction_index.html", {"page": page})


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
        "goodpeople/ledger/import.html",
        {"form": form, "station": station, "report": report},
    )


def exchange_add(request, pk: int):
    """回馈兑换: spends hours from the balance, never below zero."""
    volunteer = visible_volunteer(request, pk)
    require_manage(request, volunteer.station)
    form = ExchangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            exchange.record_exchange(
                volunteer, request.user, data["service"], data["hours"], data["date"]
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error("hours", message)
        else:
            messages.success(request, f"已登记兑换：{data['service']}。")
            return redirect("goodpeople_ledger:volunteer", volunteer.pk)
    balance = exchange.exchange_balance(volunteer)
    return TemplateResponse(
        request,
        "goodpeople/ledger/form.html",
        {"form": form, "title": f"时长兑换：{volunteer.name}（可兑换 {balance} 小时）"},
    )


def commend(request, pk: int):
    """嘉许: the office awards a title shown on the honour roll."""
    volunteer = visible_volunteer(request, pk)
    if not access.is_office(request.user):
        raise PermissionDenied
    form = CommendationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        commendation = form.save(commit=False)
        commendation.volunteer = volunteer
        commendation.awarded_by = request.user
        commendation.save()
        messages.success(request, f"已授予 {volunteer.name}“{commendation.title}”。")
        return redirect("goodpeople_ledger:volunteer", volunteer.pk)
    return TemplateResponse(
        request, "goodpeople/ledger/form.html", {"form": form, "title": f"嘉许：{volunteer.name}"}
    )


def certificate_issue(request, pk: int):
    """Issues a numbered certificate (POST) and opens it for printing."""
    volunteer = visible_volunteer(request, pk)
    require_manage(request, volunteer.station)
    if request.method != "POST":
        return redirect("goodpeople_ledger:volunteer", volunteer.pk)
    certificate = issue_certificate(volunteer, request.user)
    return redirect("goodpeople_ledger:certificate", certificate.pk)


def certificate_print(request, pk: int):
    """The certificate as a printable page (the print stylesheet hides the admin)."""
    require_ledger(request)
    certificate = get_object_or_404(
        Certificate.objects.filter(
            station__in=access.visible_stations(request.user)
        ).select_related("volunteer", "station__community", "issued_by"),
        pk=pk,
    )
    summary = (
        ServiceRecord.objects.counted()
        .filter(volunteer=certificate.volunteer, date__lte=certificate.issued_on)
        .values("activity")
        .annotate(times=Count("pk"), total=Sum("hours"))
        .order_by("-total")[:10]
    )
    return TemplateResponse(
        request,
        "goodpeople/ledger/certificate.html",
        {
            "certificate": certificate,
            "summary": summary,
            "verify_url": request.build_absolute_uri(reverse("certificate_verify")),
        },
    )


def ledger_export(request):
    """A station's ledger as Excel; a station exports only its own, the office any one."""
    require_ledger(request)
    station = chosen_station(request)
    if station is None:
        raise PermissionDenied
    return exports.ledger_workbook_response(station)
