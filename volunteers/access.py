"""Who sees which part of the ledger: a station its own, the office what its powers allow.

A station user is a member of a station's group (goodpeople.stations). The office's two
powers are permissions on Volunteer, each checked by one function here: reading every
station's ledger with its personal data, and overseeing the stations (dashboard, ranking,
inspections, commendations). The reviewers' group holds both (migration 0002).
"""

from django.db.models import QuerySet

from goodpeople.models import Station
from volunteers.models import ServiceRecord, Volunteer


def reads_all_ledgers(user) -> bool:
    """May read every station's roster and records, ID numbers and phones included."""
    return user.is_active and user.has_perm("volunteers.view_all_ledgers")


def oversees_stations(user) -> bool:
    """May see the city's dashboard and ranking, record inspections and commend volunteers."""
    return user.is_active and user.has_perm("volunteers.oversee_stations")


def managed_stations(user) -> QuerySet:
    """Stations whose ledger user may change: its own stations (all for a superuser)."""
    if user.is_superuser:
        return Station.objects.all()
    return Station.objects.filter(group__in=user.groups.all())


def visible_stations(user) -> QuerySet:
    """Stations whose ledger user may read: its own, or every one for the office."""
    if reads_all_ledgers(user):
        return Station.objects.all()
    return managed_stations(user)


def confirming_stations(user) -> QuerySet:
    """Stations whose records user may confirm: its own, or every one for the office that
    oversees them (a station with a single account cannot confirm its own records, since the
    recorder may not)."""
    if oversees_stations(user):
        return Station.objects.all()
    return managed_stations(user)


def has_ledger_access(user) -> bool:
    return reads_all_ledgers(user) or managed_stations(user).exists()


def volunteers_for(user) -> QuerySet:
    return Volunteer.objects.filter(station__in=visible_stations(user))


def records_for(user) -> QuerySet:
    return ServiceRecord.objects.filter(station__in=visible_stations(user))


def can_manage(user, station: Station) -> bool:
    return managed_stations(user).filter(pk=station.pk).exists()
