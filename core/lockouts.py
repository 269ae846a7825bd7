"""Login lockouts (django-axes): which user name and address pairs are locked, and unlocking."""

import datetime

from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.utils import timezone


def may_unlock(user) -> bool:
    return user.has_perm("axes.delete_accessattempt")


def locked_pairs():
    """The pairs locked now: enough failures within the cool-off time."""
    since = timezone.now() - datetime.timedelta(hours=settings.AXES_COOLOFF_TIME)
    return AccessAttempt.objects.filter(
        failures_since_start__gte=settings.AXES_FAILURE_LIMIT, attempt_time__gte=since
    ).order_by("-attempt_time")


def unlock(attempt: AccessAttempt) -> None:
    reset(ip=attempt.ip_address, username=attempt.username)
