"""Who sees which part of the ledger: a station its own, the office everything.

A station user is a member of a station's group (goodpeople.stations); the office is
whoever may view the 五个一 standing (its reviewers) and superusers.
"""

from django.db.models import QuerySet

from goodpeople.models import ServiceRecord, Station, Volunteer


def is_office(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm("goodpeople.view_standing"))


def managed_stations(user) -> QuerySet:
    """Stations whose ledger user may change: its own stations (all for a superuser)."""
    if user.is_superuser:
        return Station.objects.all()
    return Station.objects.filter(group__in=user.groups.all())


def visible_stations(user) -> QuerySet:
    """Stations whose ledger user may read: its own, or every one for the office."""
    if is_office(user):
        return Station.objects.all()
    return managed_stations(user)


def has_ledger_access(user) -> bool:
    return is_office(user) or managed_stations(user).exists()


def volunteers_for(user) -> QuerySet:
    return Volunteer.objects.filter(station__in=visible_stations(user))


def records_for(user) -> QuerySet:
    return ServiceRecord.objects.filter(station__in=visible_stations(user))


def can_manage(user, station: Station) -> bool:
    return managed_stations(user).filter(pk=station.pk).exists()
