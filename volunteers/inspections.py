"""Following up an inspection: the station reports its fix, the office confirms or returns it."""

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone

from volunteers import access
from volunteers.models import Inspection


def inspections_of_own_communities(user) -> QuerySet:
    """The inspections of the communities whose stations user manages (read-only for them)."""
    return Inspection.objects.filter(
        community__station__in=access.managed_stations(user)
    ).select_related("community")


def report_fix(inspection: Inspection, user, report: str) -> None:
    """The station says what it fixed; the office still has to confirm it."""
    report = report.strip()
    if not inspection.required_fixes:
        raise ValidationError("这次督查没有整改要求。")
    if inspection.fixed_on:
        raise ValidationError("市文明办已确认整改完成。")
    if not report:
        raise ValidationError("请写明做了哪些整改。")
    inspection.fix_report = report
    inspection.fix_reported_on = timezone.localdate()
    inspection.fix_reported_by = user
    inspection.save(update_fields=["fix_report", "fix_reported_on", "fix_reported_by"])


def confirm_fix(inspection: Inspection, user) -> None:
    """The office accepts the reported fix: done on the day the station reported it."""
    if not inspection.fix_reported_on or inspection.fixed_on:
        raise ValidationError("没有待确认的整改报告。")
    inspection.fixed_on = inspection.fix_reported_on
    inspection.fix_confirmed_by = user
    inspection.office_note = ""
    inspection.save(update_fields=["fixed_on", "fix_confirmed_by", "office_note"])


def return_fix(inspection: Inspection, note: str) -> None:
    """The office does not accept the report: the fix is open again, with the reason."""
    note = note.strip()
    if not inspection.fix_reported_on or inspection.fixed_on:
        raise ValidationError("没有待确认的整改报告。")
    if not note:
        raise ValidationError("退回时请写明原因。")
    inspection.fix_reported_on = None
    inspection.office_note = note
    inspection.save(update_fields=["fix_reported_on", "office_note"])
