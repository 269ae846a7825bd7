"""回馈: exchanging service hours for community services.

The exchangeable balance is confirmed hours minus hours already exchanged; it never goes
below zero, and exchanging never lowers the star hours (those count every confirmed hour).
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from goodpeople.ledger.records import confirmed_hours, exchanged_hours
from goodpeople.models import HourExchange, Volunteer
from goodpeople.models.ledger import validate_half_hours


def exchange_balance(volunteer: Volunteer) -> Decimal:
    """Hours the volunteer may still exchange."""
    return confirmed_hours(volunteer) - exchanged_hours(volunteer)


def lock_volunteer(volunteer: Volunteer) -> None:
    """Serialises balance changes of one volunteer (a row lock on PostgreSQL)."""
    Volunteer.objects.select_for_update().filter(pk=volunteer.pk).first()


def refusal_for_change(volunteer: Volunteer, confirmed_change: Decimal) -> str | None:
    """Why a change of confirmed hours by confirmed_change would break the balance, or None."""
    balance = exchange_balance(volunteer) + confirmed_change
    if balance < 0:
        return (
            f"{volunteer.name} 已兑换 {exchanged_hours(volunteer)} 小时，"
            f"这样更改后可兑换余额将为 {balance} 小时；余额不能小于 0。"
        )
    return None


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
