"""What the apps share for Wagtail's audit log: actions whose message names the fields they
changed, by their Chinese labels, and never the values (a log is read more widely than the
data it is about)."""

from django.db import models
from wagtail.log_actions import LogActionRegistry, LogFormatter


class ChangedFieldsFormatter(LogFormatter):
    """The action's message, followed by the labels of the fields it changed, if any."""

    def format_message(self, log_entry) -> str:
        fields = log_entry.data.get("fields") or []
        return f"{self.message}：{'、'.join(fields)}" if fields else self.message


def register_action(actions: LogActionRegistry, action: str, label: str, message: str) -> None:
    """Registers action with a Chinese label (站点历史's 操作类型) and message."""
    formatter = type("Formatter", (ChangedFieldsFormatter,), {"label": label, "message": message})
    actions.register_action(action)(formatter)


def field_labels(model: type[models.Model], names: list[str]) -> list[str]:
    """The Chinese labels of model's fields named in names, in the model's field order."""
    return [
        str(field.verbose_name)
        for field in model._meta.get_fields()
        if getattr(field, "verbose_name", None) and field.name in names
    ]
