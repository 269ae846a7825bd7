"""Public pages of the ledger: the honour roll (志愿者风采) and certificate verification.

Only volunteers who consented appear, under their masked name if they asked; nothing here
ever reads a phone, ID number or address.
"""

from django.core.paginator import Paginator
from django.db.models import Prefetch, Q, Sum
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from core.privacy import mask_name
from core.ratelimit import exceeded, too_many_requests
from goodpeople.models import CommunityPage
from volunteers import stars
from volunteers.certificates import verify
from volunteers.hours import tenths
from volunteers.models import Commendation, Volunteer

PER_PAGE = 50


def public_communities():
    return CommunityPage.objects.live().public()


def honour_roll_entries(community: CommunityPage | None = None):
    """Consenting volunteers of published communities, most hours first, with what the
    roll shows and nothing else."""
    volunteers = (
        Volunteer.objects.filter(
            public_consent=True, station__community__in=public_communities().values("pk")
        )
        .annotate(
            hours=Sum(
                "records__hours",
                filter=Q(records__superseded=False, records__confirmed_by__isnull=False),
                default=0,
            )
        )
        .select_related("station__community", "brand_project")
        .prefetch_related(
            Prefetch("commendations", queryset=Commendation.objects.order_by("-awarded_on"))
        )
        .only(
            "name",
            "mask_public_name",
            "station__community__title",
            "station__community__url_path",
            "brand_project__title",
            "brand_project__live",
        )
        .order_by("-hours", "pk")
    )
    if community is not None:
        volunteers = volunteers.filter(station__community=community)
    return volunteers


def public_entry(volunteer: Volunteer, thresholds) -> dict:
    """What the roll may say about one volunteer."""
    project = volunteer.brand_project
    return {
        "name": mask_name(volunteer.name) if volunteer.mask_public_name else volunteer.name,
        "stars": stars.star_level(volunteer.hours, thresholds),
        "hours": tenths(volunteer.hours),
        "community": volunteer.station.community.title,
        "project": project.title if project is not None and project.live else "",
        "commendations": [c.title for c in volunteer.commendations.all()],
    }


def honour_roll(request, community_id: int | None = None):
    """志愿者风采: city-wide, or one community's."""
    community = get_object_or_404(public_communities(), pk=community_id) if community_id else None
    page = Paginator(honour_roll_entries(community), PER_PAGE).get_page(request.GET.get("p"))
    thresholds = stars.star_thresholds()
    return TemplateResponse(
        request,
        "volunteers/honour_roll.html",
        {
            "community": community,
            "page_obj": page,
            "entries": [public_entry(v, thresholds) for v in page.object_list],
            "thresholds": thresholds,
        },
    )


def certificate_verify(request):
    """志愿服务证明查询: says whether a number is genuine, and only what the number proves."""
    number = request.GET.get("number", "")
    # Guessing numbers is what the limit stops; opening the empty form is not counted.
    if number and exceeded(request, "certificate"):
        return too_many_requests(request, "certificate")
    certificate = verify(number) if number else None
    return TemplateResponse(
        request,
        "volunteers/verify.html",
        {"number": number, "certificate": certificate},
    )
