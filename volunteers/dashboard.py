"""The office's view of the whole city: per community and district figures and a ranking.

Everything is aggregated in SQL from running totals (volunteers.summaries), so the
number of queries and rows read stay the same however many records there are.

The ranking score, out of 100 (documented in the README too):
- 五个一: 10 points for each of the five marks (50);
- hours per volunteer: confirmed hours of the last 12 months divided by the community's
  volunteers, against a target of HOURS_PER_VOLUNTEER_TARGET a year, capped (30);
- freshness: 20 points when the good-people board was updated today, falling evenly to 0
  at twice the board's freshness window (GOODPEOPLE_BOARD_FRESH_DAYS), 0 without a board.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, Count, IntegerField, Q, Sum, Value, When
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.models import Page, WorkflowState

from core.pages import ancestor_path, parent_path, path_depth
from goodpeople.models import CommunityPage, Nomination
from goodpeople.standing import Standing, board_fresh_days, standings
from volunteers import stars
from volunteers.hours import tenths
from volunteers.models import Inspection, ServiceRecord, StationMonth, Volunteer

MARK_POINTS = 10
HOURS_POINTS = 30
FRESHNESS_POINTS = 20
HOURS_PER_VOLUNTEER_TARGET = Decimal("24")
# Brand project activity: confirmed hours on brand-project activities in the last 3 months.
BRAND_MONTHS = 3
ZERO = Decimal("0.0")


def month_starts(today: datetime.date, count: int = 12) -> list[datetime.date]:
    """The first day of this month and the count - 1 before it, oldest first."""
    months = []
    year, month = today.year, today.month
    for _ in range(count):
        months.append(datetime.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


@dataclass
class CommunityRow:
    community: CommunityPage
    district: str
    district_id: int | None
    standing: Standing
    volunteers: int = 0
    hours_total: Decimal = ZERO
    hours_month: Decimal = ZERO
    hours_year: Decimal = ZERO
    brand_hours: Decimal = ZERO
    monthly: list[Decimal] = field(default_factory=list)
    star_counts: list[int] = field(default_factory=list)
    pending_pages: int = 0
    pending_nominations: int = 0
    pending_records: int = 0
    overdue_fixes: int = 0
    score: Decimal = ZERO

    @property
    def hours_per_volunteer(self) -> Decimal:
        if not self.volunteers:
            return ZERO
        return (self.hours_year / self.volunteers).quantize(Decimal("0.1"))

    @property
    def pending_total(self) -> int:
        return self.pending_pages + self.pending_nominations + self.pending_records

    @property
    def starred(self) -> int:
        return sum(self.star_counts[1:])


def ranking_score(row: CommunityRow, today: datetime.date) -> Decimal:
    marks = Decimal(row.standing.score * MARK_POINTS)
    ratio = min(row.hours_per_volunteer / HOURS_PER_VOLUNTEER_TARGET, Decimal(1))
    hours = ratio * HOURS_POINTS
    freshness = ZERO
    updated = row.standing.board_updated_on
    if updated is not None:
        age = (today - updated).days
        freshness = max(ZERO, 1 - Decimal(age) / (2 * board_fresh_days())) * FRESHNESS_POINTS
    return (marks + hours + freshness).quantize(Decimal("0.1"))


def prefix_counts(paths, depth: int) -> dict[str, int]:
    """How many of these page paths fall under each community path (of depth)."""
    counts: dict[str, int] = defaultdict(int)
    for path in paths:
        if path and path_depth(path) >= depth:
            counts[ancestor_path(path, depth)] += 1
    return counts


def community_rows(today: datetime.date | None = None, district_id: int | None = None) -> list:
    """A CommunityRow for every community (of one district if given), in a fixed number of
    queries."""
    today = today or timezone.localdate()
    communities = CommunityPage.objects.select_related("station").order_by("path")
    if district_id:
        district = Page.objects.filter(pk=district_id).first()
        communities = communities.child_of(district) if district else communities.none()
    communities = list(communities)
    if not communities:
        return []
    depth = communities[0].depth
    districts = dict(
        Page.objects.filter(path__in={parent_path(c.path) for c in communities}).values_list(
            "path", "pk"
        )
    )
    district_titles = dict(
        Page.objects.filter(pk__in=districts.values()).values_list("pk", "title")
    )
    rows = {}
    for community, standing in zip(communities, standings(communities, today), strict=True):
        district_pk = districts.get(parent_path(community.path))
        rows[community.pk] = CommunityRow(
            community=community,
            district=district_titles.get(district_pk, ""),
            district_id=district_pk,
            standing=standing,
        )
    add_ledger_figures(rows, today)
    add_pending(rows, depth, today)
    for row in rows.values():
        row.score = ranking_score(row, today)
    return list(rows.values())


def add_ledger_figures(rows: dict[int, CommunityRow], today: datetime.date) -> None:
    """Hours, stars and volunteers per community, read from the running totals
    (volunteers.summaries): a few thousand rows whatever the number of records."""
    station_to_community = {
        row.community.station.pk: pk
        for pk, row in rows.items()
        if hasattr(row.community, "station")
    }
    months = month_starts(today)
    month_index = {month: index for index, month in enumerate(months)}
    brand_since = months[-BRAND_MONTHS]
    thresholds = stars.star_thresholds()
    for row in rows.values():
        row.star_counts = [0] * (len(thresholds) + 1)
        row.monthly = [ZERO] * len(months)
    summaries = StationMonth.objects.filter(station_id__in=station_to_community)
    for station_id, total, brand in (
        summaries.values("station_id")
        .annotate(total=Sum("hours"), brand=Sum("brand_hours", filter=Q(month__gte=brand_since)))
        .values_list("station_id", "total", "brand")
    ):
        row = rows[station_to_community[station_id]]
        row.hours_total = tenths(total)
        row.brand_hours = tenths(brand)
    for station_id, month, hours in summaries.filter(month__gte=months[0]).values_list(
        "station_id", "month", "hours"
    ):
        rows[station_to_community[station_id]].monthly[month_index[month]] = tenths(hours)
    for row in rows.values():
        row.hours_month = row.monthly[-1]
        row.hours_year = sum(row.monthly, ZERO)
    level = Case(
        *[
            When(confirmed_hours__gte=threshold, then=Value(stars_count))
            for stars_count, threshold in reversed(list(enumerate(thresholds, start=1)))
        ],
        default=Value(0),
    )
    for station_id, stars_count, count in (
        Volunteer.objects.filter(station_id__in=station_to_community)
        .annotate(level=level)
        .values("station_id", "level")
        .annotate(count=Count("pk"))
        .values_list("station_id", "level", "count")
    ):
        row = rows[station_to_community[station_id]]
        row.star_counts[stars_count] += count
        row.volunteers += count
    for station_id, count in (
        ServiceRecord.objects.pending()
        .filter(station_id__in=station_to_community)
        .values("station_id")
        .annotate(count=Count("pk"))
        .values_list("station_id", "count")
    ):
        rows[station_to_community[station_id]].pending_records = count


def add_pending(rows: dict[int, CommunityRow], depth: int, today: datetime.date) -> None:
    """Pages waiting for the office's approval, new nominations, overdue inspection fixes."""
    by_path = {row.community.path: row for row in rows.values()}
    page_type = ContentType.objects.get_for_model(Page)
    # object_id is text (any model's key); pages' keys are integers.
    in_moderation = (
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS, base_content_type=page_type
        )
        .annotate(page_id=Cast("object_id", output_field=IntegerField()))
        .values("page_id")
    )
    page_paths = Page.objects.filter(pk__in=in_moderation).values_list("path", flat=True)
    for path, count in prefix_counts(page_paths, depth).items():
        if path in by_path:
            by_path[path].pending_pages = count
    nomination_paths = Nomination.objects.filter(status=Nomination.Status.NEW).values_list(
        "board__path", flat=True
    )
    for path, count in prefix_counts(nomination_paths, depth).items():
        if path in by_path:
            by_path[path].pending_nominations = count
    for community_id, count in (
        Inspection.objects.filter(community_id__in=rows, fixed_on__isnull=True, deadline__lt=today)
        .values("community_id")
        .annotate(count=Count("pk"))
        .values_list("community_id", "count")
    ):
        rows[community_id].overdue_fixes = count


@dataclass
class DistrictRow:
    title: str
    district_id: int | None
    communities: int = 0
    complete: int = 0
    volunteers: int = 0
    hours_month: Decimal = ZERO
    hours_year: Decimal = ZERO
    hours_total: Decimal = ZERO
    score_sum: Decimal = ZERO
    pending: int = 0

    @property
    def average_score(self) -> Decimal:
        if not self.communities:
            return ZERO
        return (self.score_sum / self.communities).quantize(Decimal("0.1"))

    @property
    def hours_per_volunteer(self) -> Decimal:
        if not self.volunteers:
            return ZERO
        return (self.hours_year / self.volunteers).quantize(Decimal("0.1"))


def district_rows(rows: list[CommunityRow]) -> list[DistrictRow]:
    """The community rows summed by district, in the order districts first appear."""
    districts: dict[int | None, DistrictRow] = {}
    for row in rows:
        district = districts.setdefault(row.district_id, DistrictRow(row.district, row.district_id))
        district.communities += 1
        district.complete += row.standing.score == len(Standing.MARKS)
        district.volunteers += row.volunteers
        district.hours_month += row.hours_month
        district.hours_year += row.hours_year
        district.hours_total += row.hours_total
        district.score_sum += row.score
        district.pending += row.pending_total
    return list(districts.values())


SORT_KEYS = {
    "score": lambda row: row.score,
    "community": lambda row: row.community.path,
    "district": lambda row: (row.district, row.community.path),
    "volunteers": lambda row: row.volunteers,
    "hours_month": lambda row: row.hours_month,
    "hours_total": lambda row: row.hours_total,
    "per_volunteer": lambda row: row.hours_per_volunteer,
    "marks": lambda row: row.standing.score,
    "board": lambda row: row.standing.board_updated_on or datetime.date.min,
    "pending": lambda row: row.pending_total,
}


def ranked(rows: list[CommunityRow], order: str = "-score") -> tuple[list[CommunityRow], str]:
    """Rows sorted by a known column ('-' prefix: descending); unknown orders rank by score."""
    key = order.lstrip("-")
    if key not in SORT_KEYS:
        order, key = "-score", "score"
    rows = sorted(rows, key=lambda row: row.community.path)
    return sorted(rows, key=SORT_KEYS[key], reverse=order.startswith("-")), order
