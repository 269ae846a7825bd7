"""Admin views for the office: the 五个一 standing of every community."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from wagtail.models import Page

from core.pages import parent_path
from goodpeople.access import views_standing
from goodpeople.models import CommunityPage
from goodpeople.standing import Standing, standings

SORT_KEYS = {
    "community": lambda s: s.community.path,
    "district": lambda s: s.community.district_title,
    "score": lambda s: s.score,
    "board": lambda s: s.board_updated_on.toordinal() if s.board_updated_on else 0,
}


def sorted_standings(rows: list, order: str) -> tuple[list, str]:
    """Rows sorted by a known column (prefix '-' for descending); unknown orders fall back."""
    key = order.lstrip("-")
    if key not in SORT_KEYS:
        order, key = "community", "community"
    return sorted(rows, key=SORT_KEYS[key], reverse=order.startswith("-")), order


def standing_report(request):
    """五个一达标情况: every community's marks in a sortable table."""
    if not views_standing(request.user):
        raise PermissionDenied
    communities = list(CommunityPage.objects.order_by("path"))
    districts = dict(
        Page.objects.filter(path__in={parent_path(c.path) for c in communities}).values_list(
            "path", "title"
        )
    )
    for community in communities:
        community.district_title = districts.get(parent_path(community.path), "")
    rows, order = sorted_standings(standings(communities), request.GET.get("order", "community"))
    return TemplateResponse(
        request,
        "goodpeople/admin/standing_report.html",
        {"rows": rows, "order": order, "marks": [label for _, label in Standing.MARKS]},
    )
