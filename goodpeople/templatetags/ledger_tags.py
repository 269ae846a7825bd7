"""Filters that keep personal data masked in ledger listings, and star labels."""

from django import template

from goodpeople.ledger import privacy, stars

register = template.Library()

register.filter("mask_phone", privacy.mask_phone)
register.filter("mask_id_number", privacy.mask_id_number)
register.filter("mask_name", privacy.mask_name)
register.filter("star_label", stars.star_label)
