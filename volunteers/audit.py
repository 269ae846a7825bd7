"""The ledger in the audit log (站点历史): who changed a volunteer's data and which fields,
who exported a station's ledger, who issued a certificate, and when; never the values.

Entries are kept by station (goodpeople.models.audit): the office that reads every ledger
reads them all, a station only its own.
"""

from django.forms.models import model_to_dict
from wagtail.log_actions import LogActionRegistry, log

from core.audit import field_labels, register_action
from goodpeople.models import Station
from goodpeople.models.audit import log_by_station
from volunteers.models import Certificate, Volunteer

VOLUNTEER_ADDED = "wenming.volunteer.add"
PERSONAL_DATA = "wenming.volunteer.personal_data"
LEDGER_EXPORT = "wenming.ledger.export"
CERTIFICATE_ISSUE = "wenming.certificate.issue"


def register_log_actions(actions: LogActionRegistry) -> None:
    for model in (Volunteer, Certificate, Station):
        log_by_station(actions, model, "volunteers.view_all_ledgers")
    register_action(actions, VOLUNTEER_ADDED, "登记志愿者", "登记志愿者，填写了")
    register_action(actions, PERSONAL_DATA, "修改志愿者个人信息", "修改了")
    register_action(actions, LEDGER_EXPORT, "导出志愿服务台账", "导出台账（含个人信息）")
    register_action(actions, CERTIFICATE_ISSUE, "出具志愿服务证明", "出具志愿服务证明")


def snapshot(volunteer: Volunteer) -> dict:
    """The volunteer's editable data, to tell afterwards which fields a save changed.

    Read from the model, not the form: a form's changed_data trusts hidden initial values the
    browser posts back."""
    return model_to_dict(volunteer, exclude=["id", "station"])


def log_volunteer(volunteer: Volunteer, user, before: dict, added: bool = False) -> None:
    """Logs a volunteer added or changed, naming the fields that differ from before (a snapshot
    of the volunteer as it was, or of a new one); nothing when no field changed."""
    after = snapshot(volunteer)
    fields = [name for name, value in after.items() if value != before.get(name)]
    if fields:
        log(
            volunteer,
            VOLUNTEER_ADDED if added else PERSONAL_DATA,
            user=user,
            data={"fields": field_labels(Volunteer, fields)},
        )


def log_export(station: Station, user) -> None:
    log(station, LEDGER_EXPORT, user=user)


def log_certificate(certificate: Certificate, user) -> None:
    log(
        certificate,
        CERTIFICATE_ISSUE,
        user=user,
        title=f"{certificate.number}（{certificate.volunteer.name}）",
    )
