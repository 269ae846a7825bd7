"""Admin views of the volunteer roster: volunteers, exchanges, commendations, certificates.

Each station sees its own, the office every station's. Objects are looked up through the
user's visible stations, so another station's volunteer is a 404 whatever id is guessed;
changes need a station the user manages.
"""

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q, Sum
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from core.converters import valid_id
from goodpeople.models import Station
from volunteers import access, audit, exchange, stars
from volunteers import hours as hours_of
from volunteers.certificates import issue_certificate
from volunteers.forms import (
    CommendationForm,
    ExchangeForm,
    VolunteerForm,
)
from volunteers.models import Certificate, HourExchange, ServiceRecord, Volunteer

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
    if valid_id(station_id):
        return get_object_or_404(visible, pk=station_id)
    managed = list(access.managed_stations(request.user)[:2])
    if len(managed) == 1 and not access.reads_all_ledgers(request.user):
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
    hours = hours_of.hours_by_volunteer(ids)
    spent = dict(
        HourExchange.objects.filter(volunteer_id__in=ids)
        .values_list("volunteer_id")
        .annotate(total=Sum("hours"))
    )
    thresholds = stars.star_thresholds()
    for volunteer in volunteers:
        volunteer.hours = hours.get(volunteer.pk, hours_of.ZERO)
        volunteer.stars = stars.star_level(volunteer.hours, thresholds)
        volunteer.to_next_star = stars.hours_to_next_star(volunteer.hours, thresholds)
        volunteer.balance = volunteer.hours - spent.get(volunteer.pk, Decimal(0))
    return volunteers


def volunteer_index(request):
    """志愿者名册: phone and ID number masked; hours, stars and balance beside each."""
    station = chosen_station(request)  # a station the user may not read is a 404
    require_ledger(request)
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
        "volunteers/volunteer_index.html",
        {
            "page": page,
            "station": station,
            "stations": station_choices(request),
            "query": query,
            "can_add": station is not None and access.can_manage(request.user, station),
        },
    )


def visible_volunteer(request, pk: int) -> Volunteer:
    """The volunteer if user may read their station's ledger; a 404 for anyone else."""
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
    before = audit.snapshot(volunteer or Volunteer())
    form = VolunteerForm(request.POST or None, instance=volunteer, station=station)
    if request.method == "POST" and form.is_valid():
        volunteer = form.save()
        audit.log_volunteer(volunteer, request.user, before, added=pk is None)
        messages.success(request, f"已保存志愿者 {volunteer.name}。")
        return redirect("volunteers:volunteer", volunteer.pk)
    return TemplateResponse(
        request,
        "volunteers/form.html",
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
        "volunteers/volunteer_detail.html",
        {
            "volunteer": volunteer,
            "records": service,
            "exchanges": volunteer.exchanges.select_related("recorded_by"),
            "commendations": volunteer.commendations.all(),
            "certificates": volunteer.certificates.all(),
            "can_manage": access.can_manage(request.user, volunteer.station),
            "is_office": access.oversees_stations(request.user),
            "star_label": stars.star_label(volunteer.stars),
        },
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
            return redirect("volunteers:volunteer", volunteer.pk)
    balance = hours_of.exchange_balance(volunteer)
    return TemplateResponse(
        request,
        "volunteers/form.html",
        {"form": form, "title": f"时长兑换：{volunteer.name}（可兑换 {balance} 小时）"},
    )


def commend(request, pk: int):
    """嘉许: the office awards a title shown on the honour roll."""
    volunteer = visible_volunteer(request, pk)
    if not access.oversees_stations(request.user):
        raise PermissionDenied
    form = CommendationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        commendation = form.save(commit=False)
        commendation.volunteer = volunteer
        commendation.awarded_by = request.user
        commendation.save()
        messages.success(request, f"已授予 {volunteer.name}“{commendation.title}”。")
        return redirect("volunteers:volunteer", volunteer.pk)
    return TemplateResponse(
        request, "volunteers/form.html", {"form": form, "title": f"嘉许：{volunteer.name}"}
    )


def certificate_issue(request, pk: int):
    """Issues a numbered certificate (POST) and opens it for printing."""
    volunteer = visible_volunteer(request, pk)
    require_manage(request, volunteer.station)
    if request.method != "POST":
        return redirect("volunteers:volunteer", volunteer.pk)
    certificate = issue_certificate(volunteer, request.user)
    return redirect("volunteers:certificate", certificate.pk)


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
        "volunteers/certificate.html",
        {
            "certificate": certificate,
            "summary": summary,
            "verify_url": request.build_absolute_uri(reverse("certificate_verify")),
        },
    )
