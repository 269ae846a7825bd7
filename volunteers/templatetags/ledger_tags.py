"""Filters that keep personal data masked in ledger listings, and star labels."""

from django import template

from core import privacy
from volunteers import stars

register = template.Library()

register.filter("mask", privacy.mask)
register.filter("mask_name", privacy.mask_name)
register.filter("star_label", stars.star_label)


@register.filter
def person(user) -> str:
    """Who did it, as the office knows them: the full name, else the login; "—" for nobody."""
    if user is None:
        return "—"
    return user.get_full_name() or user.get_username()
