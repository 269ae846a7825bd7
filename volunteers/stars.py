"""Star levels (星级志愿者) from cumulative confirmed service hours.

The thresholds come from settings.GOODPEOPLE_STAR_THRESHOLDS (hours for one to five stars)
because localities set their own; reaching a threshold exactly earns the star.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

DEFAULT_STAR_THRESHOLDS = (100, 300, 600, 1000, 1500)


def star_thresholds() -> tuple[Decimal, ...]:
    """The configured thresholds, checked to be positive and rising."""
    raw = getattr(settings, "GOODPEOPLE_STAR_THRESHOLDS", DEFAULT_STAR_THRESHOLDS)
    thresholds = tuple(Decimal(str(value)) for value in raw)
    if not thresholds or thresholds[0] <= 0 or list(thresholds) != sorted(set(thresholds)):
        raise ImproperlyConfigured(
            f"GOODPEOPLE_STAR_THRESHOLDS must be positive hours in rising order, got {raw!r}"
        )
    return thresholds


def star_level(hours: Decimal | int | None, thresholds: tuple[Decimal, ...] | None = None) -> int:
    """How many stars these confirmed hours earn: 0 below the first threshold."""
    hours = Decimal(str(hours or 0))
    thresholds = thresholds or star_thresholds()
    return sum(1 for threshold in thresholds if hours >= threshold)


def hours_to_next_star(
    hours: Decimal | int | None, thresholds: tuple[Decimal, ...] | None = None
) -> Decimal | None:
    """Hours still missing for the next star; None once the highest star is reached."""
    hours = Decimal(str(hours or 0))
    thresholds = thresholds or star_thresholds()
    level = star_level(hours, thresholds)
    if level >= len(thresholds):
        return None
    return thresholds[level] - hours


def star_label(level: int) -> str:
    """“★★★” for three stars, “未评星” for none."""
    return "★" * level if level else "未评星"


def star_distribution(totals, thresholds: tuple[Decimal, ...] | None = None) -> list[int]:
    """How many of these hour totals sit at each level, index 0 (no star) to the top."""
    thresholds = thresholds or star_thresholds()
    counts = [0] * (len(thresholds) + 1)
    for total in totals:
        counts[star_level(total, thresholds)] += 1
    return counts
