"""Factories and helpers for ledger tests: volunteers and confirmed hours in a test city."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from goodpeople.factories import UserFactory
from volunteers.models import ServiceRecord, Volunteer
from volunteers.summaries import refresh_for


def days_ago(days: int) -> datetime.date:
    """A day relative to today in the site's time zone, so tests pass on any date."""
    return timezone.localdate() - datetime.timedelta(days=days)


class VolunteerFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"志愿者{n}")
    gender = "female"
    phone = factory.Sequence(lambda n: f"138{n:08d}")
    address = "九江市浔阳区甘棠北路8号"
    team = "爱心理发队"
    public_consent = True

    class Meta:
        model = Volunteer


class ServiceRecordFactory(factory.django.DjangoModelFactory):
    station = factory.SelfAttribute("volunteer.station")
    activity = "爱心理发"
    date = factory.LazyFunction(lambda: days_ago(60))
    place = "社区活动室"
    served = "独居老人"
    content = "上门理发"
    hours = Decimal("2")
    recorded_by = factory.SubFactory(UserFactory)

    class Meta:
        model = ServiceRecord


def give_hours(volunteer, hours, confirmer=None, start: datetime.date | None = None) -> None:
    """Confirmed records adding up to hours, at most 8 a day, on consecutive days from start
    (by default far enough back that every day has passed)."""
    hours = Decimal(str(hours))
    confirmer = confirmer or UserFactory()
    recorder = UserFactory()
    day = start or days_ago(int(hours / 8) + 400)
    records = []
    while hours > 0:
        chunk = min(hours, Decimal("8"))
        records.append(
            ServiceRecord(
                station=volunteer.station,
                volunteer=volunteer,
                activity="巡逻",
                date=day,
                hours=chunk,
                recorded_by=recorder,
                confirmed_by=confirmer,
            )
        )
        hours -= chunk
        day += datetime.timedelta(days=1)
    refresh_for(ServiceRecord.objects.bulk_create(records))
