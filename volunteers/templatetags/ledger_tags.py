"""Filters that keep personal data masked in ledger listings, and star labels."""

from django import template

from core import privacy
from volunteers import stars

register = template.Library()

register.filter("mask", privacy.mask)
register.filter("mask_name", privacy.mask_name)
register.filter("star_label", stars.star_label)
