"""The 五个一 standing of each community, computed from its content, never typed in."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Max
from django.utils import timezone
from wagtail.models import Page

from core.pages import ancestor_path
from goodpeople.models.boards import GoodPeopleBoardPage
from goodpeople.models.projects import BrandProjectPage
from goodpeople.models.stations import Station

DEFAULT_BOARD_FRESH_DAYS = 90


def board_fresh_days() -> int:
    """How recent a board's newest entry must be to count as kept current."""
    return getattr(settings, "GOODPEOPLE_BOARD_FRESH_DAYS", DEFAULT_BOARD_FRESH_DAYS)


@dataclass
class Standing:
    """One community's five marks, with the facts behind them."""

    community: Page
    station: bool
    brand_project: bool
    board_updated_on: datetime.date | None
    board_fresh: bool
    signage: bool
    volunteer_team: bool

    MARKS = [
        ("station", "一个工作站点"),
        ("brand_project", "一个品牌项目"),
        ("board_fresh", "一个宣传阵地"),
        ("signage", "一个公益氛围"),
        ("volunteer_team", "一个志愿队伍"),
    ]

    @property
    def marks(self) -> list[tuple[str, bool]]:
        return [(label, getattr(self, key)) for key, label in self.MARKS]

    @property
    def score(self) -> int:
        return sum(ok for _, ok in self.marks)


def standings(communities: list[Page], today: datetime.date | None = None) -> list:
    """The standing of each community, in two queries however many there are."""
    today = today or timezone.localdate()
    if not communities:
        return []
    depth = communities[0].depth
    children = (
        Page.objects.live()
        .public()
        .filter(depth=depth + 1)
        .type(BrandProjectPage, GoodPeopleBoardPage)
        .annotate(latest=Max("goodpeopleboardpage__entries__listed_on"))
    )
    if len(communities) == 1:  # a community's own page: only its children
        children = children.filter(path__startswith=communities[0].path)
    project_type = ContentType.objects.get_for_model(BrandProjectPage)
    projects: set[str] = set()
    board_updated: dict[str, datetime.date] = {}
    for path, content_type, latest in children.values_list("path", "content_type", "latest"):
        community_path = ancestor_path(path, depth)
        if content_type == project_type.pk:
            projects.add(community_path)
        elif latest and (
            community_path not in board_updated or latest > board_updated[community_path]
        ):
            board_updated[community_path] = latest
    # The volunteer team is the station's roster in the ledger, not a typed-in number; the
    # ledger keeps the count on the station.
    team_sizes = dict(
        Station.objects.filter(community__in=[c.pk for c in communities]).values_list(
            "community_id", "roster_size"
        )
    )
    fresh_since = today - datetime.timedelta(days=board_fresh_days())
    result = []
    for community in communities:
        updated_on = board_updated.get(community.path)
        result.append(
            Standing(
                community=community,
                station=community.station_details_complete,
                brand_project=community.path in projects,
                board_updated_on=updated_on,
                board_fresh=updated_on is not None and updated_on >= fresh_since,
                signage=community.signage_count > 0 and community.signage_photo_id is not None,
                volunteer_team=team_sizes.get(community.pk, 0) > 0,
            )
        )
    return result


def standing_for(community: Page) -> Standing:
    return standings([community])[0]
