"""The hours and balance arithmetic that records, exchanges and corrections share.

Star hours count every confirmed, uncorrected record; the exchangeable balance is those
hours minus the hours already exchanged, and it never goes below zero.
"""

from decimal import Decimal

from django.db.models import Sum

from volunteers.models import HourExchange, ServiceRecord, Volunteer

ZERO = Decimal("0.0")


def tenths(value: Decimal | None) -> Decimal:
    """Hours with one decimal place, as SQLite's sums come back without one."""
    return (value or ZERO).quantize(Decimal("0.1"))


def confirmed_hours(volunteer: Volunteer) -> Decimal:
    """Star hours: the sum of the volunteer's confirmed, uncorrected records."""
    total = ServiceRecord.objects.counted().filter(volunteer=volunteer).aggregate(t=Sum("hours"))
    return tenths(total["t"])


def exchanged_hours(volunteer: Volunteer) -> Decimal:
    total = HourExchange.objects.filter(volunteer=volunteer).aggregate(t=Sum("hours"))
    return tenths(total["t"])


def hours_by_volunteer(volunteer_ids) -> dict[int, Decimal]:
    """Confirmed hours of many volunteers in one query."""
    rows = (
        ServiceRecord.objects.counted()
        .filter(volunteer_id__in=volunteer_ids)
        .values_list("volunteer_id")
        .annotate(total=Sum("hours"))
    )
    return {volunteer_id: tenths(total) for volunteer_id, total in rows}


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
