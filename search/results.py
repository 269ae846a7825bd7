"""Site search: which page types it covers, how they are filtered and ranked, what a hit shows.

Adding a page type to search is one entry in SEARCHABLE_TYPES. The words themselves are found
by the Chinese-aware search backend (core.search_backend); this module narrows the matches
with the reader's filters and ranks them: pages whose title holds every word first, then
newest first.
"""

import datetime
from dataclasses import dataclass, field

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import (
    Case,
    Count,
    DateField,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
    Window,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce, TruncDate
from django.http import Http404
from wagtail.models import Page

from core import chinese
from core.pages import ancestor_paths
from core.search_backend import matching, plain_text
from goodpeople.models import (
    BrandProjectPage,
    CommunityPage,
    DistrictPage,
    GoodPeopleBoardPage,
    NoticePage,
)
from news.models import ArticlePage, ChannelPage, TopicPage

PAGE_SIZE = 15
# Beyond this a page number is made up (150,000 results); the database would overflow on it.
MAX_PAGE = 10_000
SNIPPET_CHARS = 120


@dataclass(frozen=True)
class SearchableType:
    """A page type the search covers."""

    key: str
    model: type[Page]
    label: str
    date_field: str | None = None
    """The model's field holding the date readers see; without one, first publication."""
    tag_field: str | None = None
    """The model's path to its tags, e.g. "tagged_items__tag"."""
    snippet_relations: tuple[str, ...] = ()
    """Related objects whose text a hit's snippet shows too, e.g. a board's entries."""
    titled_by_place: bool = False
    """Whether hits are titled with their place first: every board is titled 身边好人榜."""

    def lookup(self, model: type[Page], path: str) -> str | None:
        """path (relative to this type) as seen from a queryset of model, or None if unreachable."""
        if model is self.model:
            return path
        if model is Page:
            return f"{self.model._meta.model_name}__{path}"
        return None


SEARCHABLE_TYPES: list[SearchableType] = [
    SearchableType("article", ArticlePage, "文章", "date", "tagged_items__tag"),
    SearchableType("notice", NoticePage, "公示公告", "date"),
    SearchableType("community", CommunityPage, "社区"),
    # A board is found by its entries' names and deeds: its snippet shows the one that matched.
    SearchableType(
        "board",
        GoodPeopleBoardPage,
        "身边好人榜",
        snippet_relations=("entries",),
        titled_by_place=True,
    ),
    SearchableType("project", BrandProjectPage, "品牌项目"),
    SearchableType("topic", TopicPage, "专题"),
]

# Filters "under this page" by name; the page types are also where a hit says it lives.
WITHIN_FILTERS: dict[str, type[Page]] = {
    "channel": ChannelPage,
    "district": DistrictPage,
    "community": CommunityPage,
}
PLACE_TYPES: list[type[Page]] = list(WITHIN_FILTERS.values())


def searchable_type(key: str) -> SearchableType | None:
    return next((t for t in SEARCHABLE_TYPES if t.key == key), None)


@dataclass
class SearchFilters:
    """What a reader narrowed the search to; every field optional."""

    type: str | None = None
    within: list[Page] = field(default_factory=list)
    """Channels or communities the hits must sit under."""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None


def public_pages(types: list[SearchableType]) -> QuerySet:
    """Live, public pages of the given types: never drafts, private or unpublished pages."""
    return Page.objects.live().public().type(*(t.model for t in types))


def display_date(model: type[Page] = Page):
    """The date a reader sees on a hit: the type's own date field, else first publication."""
    lookups = [t.lookup(model, t.date_field) for t in SEARCHABLE_TYPES if t.date_field]
    own = [lookup for lookup in lookups if lookup]
    first_published = TruncDate("first_published_at")
    if not own:
        return first_published
    return Coalesce(*own, first_published, output_field=DateField())


def tagged(model: type[Page], tag: str) -> Q:
    """Pages of model carrying tag, by slug or name."""
    condition = Q(pk__in=[])
    for t in SEARCHABLE_TYPES:
        path = t.tag_field and t.lookup(model, t.tag_field)
        if path:
            condition |= Q(**{f"{path}__slug": tag}) | Q(**{f"{path}__name": tag})
    return condition


def title_has_all(words: list[str]):
    """1 where the title contains every query word (found words are already folded)."""
    if not words:
        return Value(0, output_field=IntegerField())
    condition = Q()
    for word in words:
        condition &= Q(title__icontains=word)
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


def search_pages(query: str, filters: SearchFilters) -> QuerySet:
    """Every public page the query finds, narrowed by filters, title matches first, then newest."""
    selected = searchable_type(filters.type) if filters.type else None
    pages = public_pages([selected] if selected else SEARCHABLE_TYPES)
    for ancestor in filters.within:
        pages = pages.descendant_of(ancestor)
    pages = pages.annotate(shown_date=display_date())
    if filters.date_from:
        pages = pages.filter(shown_date__gte=filters.date_from)
    if filters.date_to:
        pages = pages.filter(shown_date__lte=filters.date_to)
    pages = matching(pages, query)
    words = chinese.highlight_words(query)
    # Only what hits() reads from a row: sorting every match is cheaper with narrow rows.
    return (
        pages.annotate(title_hit=title_has_all(words))
        .order_by("-title_hit", "-shown_date", "-pk")
        .only("pk", "path")
    )


@dataclass
class Hit:
    page: Page
    type_label: str
    place: Page | None
    date: datetime.date | None
    snippet: str
    title: str


def places_for(pages: list[Page]) -> dict[int, Page]:
    """For each page, its nearest channel or community ancestor, in one query."""
    paths = {path for page in pages for path in ancestor_paths(page.path)}
    places = Page.objects.filter(path__in=paths).type(*PLACE_TYPES).live()
    by_path = {place.path: place for place in places}
    found = {}
    for page in pages:
        for path in ancestor_paths(page.path):
            place = by_path.get(path)
            if place is not None:
                found[page.pk] = place
                break
    return found


def hits(result_page: PaginatorPage, query: str) -> list[Hit]:
    """What the results page shows for one page of results: a fixed number of queries."""
    rows = list(result_page.object_list)
    pages = list(Page.objects.filter(pk__in=[row.pk for row in rows]).specific())
    specific = {page.pk: page for page in pages}
    places = places_for(rows)
    labels = {t.model: t.label for t in SEARCHABLE_TYPES}
    relations = {t.model: t.snippet_relations for t in SEARCHABLE_TYPES}
    titled_by_place = {t.model for t in SEARCHABLE_TYPES if t.titled_by_place}
    for model, names in relations.items():
        of_model = [page for page in pages if type(page) is model]
        if names and of_model:
            prefetch_related_objects(of_model, *names)
    words = chinese.highlight_words(query)
    found = []
    for row in rows:
        page = specific[row.pk]
        place = places.get(row.pk)
        found.append(
            Hit(
                page=page,
                type_label=labels.get(type(page), page._meta.verbose_name),
                place=place,
                title=(
                    f"{place.title}·{page.title}"
                    if place and type(page) in titled_by_place
                    else page.title
                ),
                date=row.shown_date,
                snippet=chinese.highlight(
                    plain_text(page, relations.get(type(page), ())), words, SNIPPET_CHARS
                ),
            )
        )
    return found


def paginate(results: QuerySet, page_number) -> PaginatorPage:
    """One page of results; an out-of-range or non-numeric page number gives the nearest page.

    The page's rows carry the total (COUNT(*) OVER ()), so a search costs one query, not a
    count and then the page: a common word matches most of the site, and each pass over the
    matches took 25-45 ms at 10,000 articles.
    """
    try:
        number = max(1, int(page_number))
    except (TypeError, ValueError):
        number = 1
    if number > MAX_PAGE:
        raise Http404("没有这一页")
    start = (number - 1) * PAGE_SIZE
    rows = list(results.annotate(total_found=Window(Count("pk")))[start : start + PAGE_SIZE])
    paginator = Paginator(results, PAGE_SIZE)
    if not rows:  # nothing found, or past the last page: count and fetch the usual way
        return paginator.get_page(page_number)
    paginator.count = rows[0].total_found
    return PaginatorPage(rows, number, paginator)
