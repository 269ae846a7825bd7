"""Residents' nominations in the admin: who may handle which."""

from django.db.models import Q, QuerySet

from goodpeople.models import CommunityPage, Nomination


def nominations_for(user) -> QuerySet[Nomination]:
    """The nominations user may handle: every one for the office, its own boards' for a station."""
    nominations = Nomination.objects.select_related("board")
    if user.is_superuser or user.has_perm("goodpeople.view_standing"):
        return nominations
    communities = CommunityPage.objects.filter(station__group__in=user.groups.all())
    own = Q()
    for community in communities:
        own |= Q(board__path__startswith=community.path)
    return nominations.filter(own) if communities else nominations.none()
