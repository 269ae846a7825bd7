"""A new community gets its station group and collection at once, so nobody sets them by hand."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from goodpeople.models import CommunityPage
from goodpeople.stations import ensure_station


@receiver(post_save, sender=CommunityPage)
def create_station(sender, instance: CommunityPage, created: bool, raw: bool = False, **kwargs):
    if created and not raw:
        ensure_station(instance)
