"""志愿者风采 outside its own page: the top of the honour roll, as the home page shows it."""

from core.privacy import mask_name
from goodpeople.models import CommunityPage
from volunteers import stars
from volunteers.hours import tenths
from volunteers.models import Volunteer


def top_volunteers(count: int) -> list[dict]:
    """The count volunteers with the most confirmed hours who consented to be shown, in
    published communities; the same names, masking and hours as the honour roll, in one query.

    Volunteer.confirmed_hours is kept equal to the roll's sum of counted records
    (volunteers.summaries), so the home page need not add up every record of the city."""
    if count <= 0:
        return []
    volunteers = (
        Volunteer.objects.filter(
            public_consent=True,
            confirmed_hours__gt=0,
            station__community__in=CommunityPage.objects.live().public().values("pk"),
        )
        .select_related("station__community")
        .only("name", "mask_public_name", "confirmed_hours", "station__community__title")
        .order_by("-confirmed_hours", "pk")[:count]
    )
    thresholds = stars.star_thresholds()
    return [
        {
            "name": mask_name(v.name) if v.mask_public_name else v.name,
            "stars": stars.star_level(v.confirmed_hours, thresholds),
            "hours": tenths(v.confirmed_hours),
            "community": v.station.community.title,
        }
        for v in volunteers
    ]
