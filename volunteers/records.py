"""Service records: the hours that count, the daily limit, entry in bulk and confirmation.

谁组织谁记录、谁记录谁证明: whoever enters a record is its recorder; another person of the
station confirms it, and only confirmed records count towards stars and balances.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from goodpeople.models import Station
from volunteers.hours import ZERO, lock_volunteer, refusal_for_change
from volunteers.models import MAX_HOURS_PER_DAY, ServiceRecord, Volunteer, validate_hours
from volunteers.summaries import refresh_for


@dataclass
class Entry:
    """One volunteer's hours on one day, about to be recorded."""

    volunteer: Volunteer
    date: datetime.date
    hours: Decimal
    label: str = ""
    activity: dict = field(default_factory=dict)
    """This entry's own activity fields (a spreadsheet row's), over the shared ones."""


def day_limit_errors(entries: list[Entry], exclude_ids=()) -> list[str]:
    """Messages for every volunteer-day whose current records plus entries pass 24 hours.

    Counts confirmed and unconfirmed records alike (a pending record is still a claim on
    that day); exclude_ids leaves out records about to be replaced. A volunteer not saved yet
    (a stand-in negative id) has no records, so only the entries count.
    """
    if not entries:
        return []
    wanted: dict[tuple[int, datetime.date], Decimal] = defaultdict(Decimal)
    for entry in entries:
        wanted[(entry.volunteer.pk, entry.date)] += entry.hours
    existing = (
        ServiceRecord.objects.current()
        .filter(
            volunteer_id__in={key[0] for key in wanted},
            date__in={key[1] for key in wanted},
        )
        .exclude(pk__in=list(exclude_ids))
        .values_list("volunteer_id", "date")
        .annotate(total=Sum("hours"))
    )
    recorded = {(volunteer_id, date): total for volunteer_id, date, total in existing}
    errors = []
    reported = set()
    for entry in entries:
        key = (entry.volunteer.pk, entry.date)
        total = wanted[key] + recorded.get(key, ZERO)
        if total > MAX_HOURS_PER_DAY and key not in reported:
            reported.add(key)
            errors.append(
                f"{entry.label}{entry.volunteer.name} 在 {entry.date:%Y-%m-%d} 的服务时长"
                f"合计 {total} 小时，超过一天 24 小时。"
            )
    return errors


@transaction.atomic
def add_records(
    station: Station, recorded_by, entries: list[Entry], **activity
) -> list[ServiceRecord]:
    """Records one activity for many volunteers, all or none.

    activity holds the shared fields (activity, brand_project, place, served, content); an
    entry's own activity fields override them.
    """
    errors = []
    for entry in entries:
        if entry.volunteer.station_id != station.pk:
            errors.append(f"{entry.label}{entry.volunteer.name} 不是本站的志愿者。")
        try:
            validate_hours(entry.hours)
        except ValidationError as error:
            errors.extend(f"{entry.label}{entry.volunteer.name}：{m}" for m in error.messages)
    errors += day_limit_errors(entries)
    if errors:
        raise ValidationError(errors)
    return ServiceRecord.objects.bulk_create(
        [
            ServiceRecord(
                station=station,
                volunteer=entry.volunteer,
                date=entry.date,
                hours=entry.hours,
                recorded_by=recorded_by,
                **(activity | entry.activity),
            )
            for entry in entries
        ]
    )


def refusal_to_confirm(record: ServiceRecord, user) -> str | None:
    """Why user may not confirm this record, or None."""
    if record.superseded:
        return f"{record} 已被更正，不能再证明。"
    if record.is_confirmed:
        return f"{record} 已经证明过了。"
    if record.recorded_by_id == user.pk:
        return f"{record} 是您记录的，须由另一人证明（谁记录谁证明，记录人不能自证）。"
    return None


@transaction.atomic
def confirm_records(records, user) -> tuple[int, list[str]]:
    """Confirms what user may confirm; returns how many and why the others were refused.

    Confirming a correction's replacement retires the original, unless that would leave
    the volunteer having exchanged more hours than they still have.
    """
    confirmed, refused, changed = 0, [], []
    for record in records:
        record.refresh_from_db()
        reason = refusal_to_confirm(record, user)
        correction = getattr(record, "correction_of", None) if reason is None else None
        if correction is not None:
            lock_volunteer(record.volunteer)
            original = correction.original
            lost = original.hours if original.is_confirmed and not original.superseded else ZERO
            reason = refusal_for_change(record.volunteer, record.hours - lost)
        if reason:
            refused.append(reason)
            continue
        record.confirmed_by = user
        record.confirmed_at = timezone.now()
        record.save(update_fields=["confirmed_by", "confirmed_at"])
        if correction is not None:
            ServiceRecord.objects.filter(pk=correction.original_id).update(superseded=True)
        confirmed += 1
        changed.append(record)
    refresh_for(changed)
    return confirmed, refused
