"""Running totals of confirmed hours, so the office's dashboard reads a few thousand rows
instead of adding up every record of the city on each view.

Three summaries, always recomputed from the records (never incremented, so a refresh also
repairs them): each volunteer's confirmed hours, and each station's confirmed hours per
month; and each station's roster size, kept on the station for the 五个一 standing. Every
change of what counts (a confirmation, a correction taking effect, a void)
refreshes the volunteers and stations it touched; bulk loads call refresh_all().
"""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth

from goodpeople.models import Station
from volunteers.models import ServiceRecord, StationMonth, Volunteer


@transaction.atomic
def refresh_volunteers(volunteer_ids: Iterable[int] | None = None) -> int:
    """Recomputes Volunteer.confirmed_hours (of every volunteer when ids is None); returns how
    many were wrong."""
    volunteers = Volunteer.objects.only("pk", "confirmed_hours")
    records = ServiceRecord.objects.counted()
    if volunteer_ids is not None:
        volunteer_ids = set(volunteer_ids)
        volunteers = volunteers.filter(pk__in=volunteer_ids)
        records = records.filter(volunteer_id__in=volunteer_ids)
    totals = dict(
        records.values("volunteer_id").annotate(t=Sum("hours")).values_list("volunteer_id", "t")
    )
    changed = []
    for volunteer in volunteers:
        total = totals.get(volunteer.pk) or 0
        if volunteer.confirmed_hours != total:
            volunteer.confirmed_hours = total
            changed.append(volunteer)
    Volunteer.objects.bulk_update(changed, ["confirmed_hours"], batch_size=1000)
    return len(changed)


@transaction.atomic
def refresh_stations(station_ids: Iterable[int] | None = None) -> int:
    """Recomputes the StationMonth rows (of every station when ids is None); returns how many
    rows there are now."""
    records = ServiceRecord.objects.counted()
    months = StationMonth.objects.all()
    if station_ids is not None:
        station_ids = set(station_ids)
        records = records.filter(station_id__in=station_ids)
        months = months.filter(station_id__in=station_ids)
    months.delete()
    written = StationMonth.objects.bulk_create(
        (
            StationMonth(station_id=station_id, month=month, hours=hours, brand_hours=brand or 0)
            for station_id, month, hours, brand in records.annotate(month=TruncMonth("date"))
            .values("station_id", "month")
            .annotate(total=Sum("hours"), brand=Sum("hours", filter=Q(brand_project__isnull=False)))
            .values_list("station_id", "month", "total", "brand")
        ),
        batch_size=1000,
    )
    return len(written)


@transaction.atomic
def refresh_roster_sizes(station_ids: Iterable[int] | None = None) -> int:
    """Recounts Station.roster_size (of every station when ids is None); returns how many
    were wrong."""
    stations = Station.objects.only("pk", "roster_size")
    volunteers = Volunteer.objects.all()
    if station_ids is not None:
        station_ids = set(station_ids)
        stations = stations.filter(pk__in=station_ids)
        volunteers = volunteers.filter(station_id__in=station_ids)
    sizes = dict(
        volunteers.values("station_id").annotate(n=Count("pk")).values_list("station_id", "n")
    )
    changed = []
    for station in stations:
        if station.roster_size != sizes.get(station.pk, 0):
            station.roster_size = sizes.get(station.pk, 0)
            changed.append(station)
    Station.objects.bulk_update(changed, ["roster_size"], batch_size=1000)
    return len(changed)


def refresh_for(records: Iterable[ServiceRecord]) -> None:
    """Refreshes the summaries these records count towards."""
    records = list(records)
    refresh_volunteers({record.volunteer_id for record in records})
    refresh_stations({record.station_id for record in records})


def refresh_all() -> tuple[int, int, int]:
    """(volunteers whose total was wrong, station-month rows written, stations whose roster
    size was wrong)."""
    return refresh_volunteers(), refresh_stations(), refresh_roster_sizes()
