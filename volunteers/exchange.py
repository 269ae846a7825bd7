"""回馈: exchanging service hours for community services.

The exchangeable balance is confirmed hours minus hours already exchanged; it never goes
below zero, and exchanging never lowers the star hours (those count every confirmed hour).
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from volunteers.hours import exchange_balance, lock_volunteer
from volunteers.models import HourExchange, Volunteer, validate_half_hours


@transaction.atomic
def record_exchange(
    volunteer: Volunteer,
    recorded_by,
    service: str,
    hours: Decimal,
    date: datetime.date | None = None,
) -> HourExchange:
    """Spends hours from the balance; refuses (saving nothing) when the balance is short."""
    validate_half_hours(hours)
    lock_volunteer(volunteer)
    balance = exchange_balance(volunteer)
    if hours > balance:
        raise ValidationError(f"可兑换余额只有 {balance} 小时，不够兑换 {hours} 小时。")
    return HourExchange.objects.create(
        station=volunteer.station,
        volunteer=volunteer,
        recorded_by=recorded_by,
        service=service,
        hours=hours,
        date=date or datetime.date.today(),
    )
