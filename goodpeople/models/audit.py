"""The audit log of what stations keep private: volunteers' personal data, ledger exports,
certificates and residents' nominations.

Wagtail's own log, so entries show in 站点历史 beside page history, but in a model of its
own: Wagtail's ModelLogEntry shows every entry of a model to anyone holding any permission
on it, and every station holds change_nomination, so each would read the others' nominees.
Here each entry remembers its station; the office reads every station's entries of what its
powers cover, a station only its own.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q, QuerySet
from wagtail.log_actions import registry as log_action_registry
from wagtail.models.audit_log import BaseLogEntry, BaseLogEntryManager

from goodpeople.models.stations import Station

# Each model logged here, with the office's permission that reads every station's entries.
OFFICE_PERMISSIONS: dict[type[models.Model], str] = {}


def log_by_station(actions, model: type[models.Model], office_permission: str) -> None:
    """Keeps model's log entries here (called from a register_log_actions hook)."""
    actions.register_model(model, StationLogEntry)
    OFFICE_PERMISSIONS[model] = office_permission


def station_of(instance: models.Model) -> Station | None:
    if isinstance(instance, Station):
        return instance
    return getattr(instance, "station", None)


class StationLogEntryManager(BaseLogEntryManager):
    def log_action(self, instance, action, **kwargs):
        kwargs.update(object_id=str(instance.pk), station=station_of(instance))
        return super().log_action(instance, action, **kwargs)

    def for_instance(self, instance) -> QuerySet:
        content_type = ContentType.objects.get_for_model(instance, for_concrete_model=False)
        return self.filter(content_type=content_type, object_id=str(instance.pk))

    def viewable_by_user(self, user) -> QuerySet:
        if user.is_superuser:
            return self.all()
        log_action_registry.scan_for_actions()
        office_types = [
            ContentType.objects.get_for_model(model, for_concrete_model=False).pk
            for model, permission in OFFICE_PERMISSIONS.items()
            if user.has_perm(permission)
        ]
        own = Q(station__group__in=user.groups.all()) if user.is_active else Q(pk__in=[])
        return self.filter(Q(content_type_id__in=office_types) | own)


class StationLogEntry(BaseLogEntry):
    """One logged action on a station's private data: who, when, what (never the values)."""

    object_id = models.CharField(max_length=255, db_index=True)
    station = models.ForeignKey(
        Station,
        verbose_name="工作站",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = StationLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = "工作站操作日志"
        verbose_name_plural = "工作站操作日志"

    def __str__(self) -> str:
        return f"{self.action} {self.label}"
