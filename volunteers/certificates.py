"""Service certificates (志愿服务证明): unique numbers that anyone can verify.

A number reads JJZY-<year>-<sequence>-<8 random characters>: the sequence orders them, the
random part (40 bits) keeps anyone from finding genuine numbers by counting or guessing.
"""

import secrets

from django.db import IntegrityError, transaction
from django.db.models import Count, Sum
from django.utils import timezone

from volunteers.audit import log_certificate
from volunteers.models import Certificate, ServiceRecord, Volunteer

PREFIX = "JJZY"
ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read over the phone
RANDOM_CHARACTERS = 8  # 32 ** 8 = 2 ** 40


def new_number(year: int) -> str:
    sequence = Certificate.objects.filter(issued_on__year=year).count() + 1
    suffix = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_CHARACTERS))
    return f"{PREFIX}-{year}-{sequence:06d}-{suffix}"


def issue_certificate(volunteer: Volunteer, user) -> Certificate:
    """A certificate of the volunteer's confirmed hours as of today, logged as issued by user."""
    totals = (
        ServiceRecord.objects.counted()
        .filter(volunteer=volunteer)
        .aggregate(hours=Sum("hours"), count=Count("pk"))
    )
    today = timezone.localdate()
    for _ in range(5):
        try:
            with transaction.atomic():
                certificate = Certificate.objects.create(
                    number=new_number(today.year),
                    volunteer=volunteer,
                    station=volunteer.station,
                    hours=totals["hours"] or 0,
                    record_count=totals["count"],
                    issued_on=today,
                    issued_by=user,
                )
        except IntegrityError:
            continue
        log_certificate(certificate, user)
        return certificate
    raise IntegrityError("could not find a free certificate number")


def normalise_number(text: str) -> str:
    return text.strip().upper().replace(" ", "")


def verify(text: str) -> Certificate | None:
    """The certificate with this number, or None; callers show only non-personal facts."""
    number = normalise_number(text)
    if not number:
        return None
    return Certificate.objects.filter(number=number).select_related("station__community").first()
