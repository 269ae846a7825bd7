"""Corrections that never overwrite: a replacement record beside the original, and a trail.

The replacement waits for confirmation by someone other than its recorder, like any
record; until then the original still counts. Voiding retires the original at once.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from volunteers.hours import lock_volunteer, refusal_for_change
from volunteers.models import RecordCorrection, ServiceRecord, validate_hours
from volunteers.records import Entry, day_limit_errors
from volunteers.summaries import refresh_for

CORRECTABLE_FIELDS = ["activity", "brand_project", "date", "place", "served", "content", "hours"]


def pending_corrections(record: ServiceRecord):
    return RecordCorrection.objects.filter(
        original=record, replacement__confirmed_by=None, replacement__superseded=False
    )


def refusal_to_void(record: ServiceRecord) -> str | None:
    if record.superseded:
        return "这条记录已被更正或作废。"
    if pending_corrections(record).exists():
        return "这条记录有一条待证明的更正，请先证明或作废那条更正。"
    return None


def refusal_to_correct(record: ServiceRecord) -> str | None:
    """Why record may not be corrected now, or None; one open correction at a time."""
    if not record.is_confirmed and RecordCorrection.objects.filter(replacement=record).exists():
        return "这是一条待证明的更正，不能再更正；可以作废它后重新更正原记录。"
    return refusal_to_void(record)


@transaction.atomic
def correct_record(record: ServiceRecord, user, reason: str, **changes) -> RecordCorrection:
    """Adds a replacement with the changed fields, waiting for confirmation; keeps the original."""
    if not reason.strip():
        raise ValidationError("请写明更正原因。")
    refusal = refusal_to_correct(record)
    if refusal:
        raise ValidationError(refusal)
    unknown = set(changes) - set(CORRECTABLE_FIELDS)
    if unknown:
        raise ValueError(f"not correctable: {sorted(unknown)}")
    values = {field: getattr(record, field) for field in CORRECTABLE_FIELDS} | changes
    hours = Decimal(values["hours"])
    validate_hours(hours)
    errors = day_limit_errors(
        [Entry(record.volunteer, values["date"], hours)], exclude_ids=[record.pk]
    )
    if errors:
        raise ValidationError(errors)
    replacement = ServiceRecord.objects.create(
        station=record.station, volunteer=record.volunteer, recorded_by=user, **values
    )
    return RecordCorrection.objects.create(
        original=record, replacement=replacement, reason=reason, corrected_by=user
    )


@transaction.atomic
def void_record(record: ServiceRecord, user, reason: str) -> RecordCorrection:
    """Retires a record entered in error; refused if its hours were already exchanged."""
    if not reason.strip():
        raise ValidationError("请写明作废原因。")
    refusal = refusal_to_void(record)
    if refusal is None and record.is_confirmed:
        lock_volunteer(record.volunteer)
        refusal = refusal_for_change(record.volunteer, -record.hours)
    if refusal:
        raise ValidationError(refusal)
    ServiceRecord.objects.filter(pk=record.pk).update(superseded=True)
    record.superseded = True
    refresh_for([record])
    return RecordCorrection.objects.create(original=record, reason=reason, corrected_by=user)


def trail(record: ServiceRecord) -> list[RecordCorrection]:
    """Every correction leading to and from this record, oldest first."""
    chain = []
    current = record
    while True:
        correction = RecordCorrection.objects.filter(replacement=current).first()
        if correction is None:
            break
        chain.append(correction)
        current = correction.original
    chain.reverse()
    chain += list(RecordCorrection.objects.filter(original=record).order_by("corrected_at"))
    return chain
