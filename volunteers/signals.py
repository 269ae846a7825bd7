"""The station's roster size follows its roster, however a volunteer is added or removed."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from volunteers.models import Volunteer
from volunteers.summaries import refresh_roster_sizes


@receiver(post_save, sender=Volunteer)
@receiver(post_delete, sender=Volunteer)
def count_roster(sender, instance: Volunteer, raw: bool = False, **kwargs):
    if not raw:
        refresh_roster_sizes([instance.station_id])
