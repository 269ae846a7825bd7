"""Page-tree helpers that several apps share."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import F, IntegerField, QuerySet
from django.db.models.functions import Cast, Coalesce, TruncDate
from django.http import Http404
from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamValue
from wagtail.models import Page, ReferenceIndex, Site
from wagtail.rich_text import RichText
from wagtail.url_routing import RouteResult

from core import pagecache
from core.chinese import pinyin_slug

# How many linking pages a community or project page lists as its news.
NEWS_COUNT = 6


def ancestor_path(path: str, depth: int) -> str:
    """The tree path of the ancestor at depth of the page at path (Wagtail's materialised path)."""
    return path[: depth * Page.steplen]


def parent_path(path: str, levels: int = 1) -> str:
    """The tree path of the page levels above the page at path."""
    return path[: -levels * Page.steplen]


def ancestor_paths(path: str) -> list[str]:
    """The tree paths of every ancestor of the page at path, nearest first."""
    return [path[:end] for end in range(len(path) - Page.steplen, 0, -Page.steplen)]


def path_depth(path: str) -> int:
    """The depth of the page at path (the root is 1)."""
    return len(path) // Page.steplen


def allow_under(parent: type[Page], *children: type[Page]) -> None:
    """Lets children be created under parent, declared by the app that knows both.

    Wagtail reads the rule from both sides (the parent's subpage_types and each child's
    parent_page_types). An app names only the page types of apps below it, so the app above
    adds itself to the lower app's types here instead of being named by them.
    """
    for child in children:
        if parent not in child.parent_page_types:
            child.parent_page_types = [*child.parent_page_types, parent]
        if child not in parent.subpage_types:
            parent.subpage_types = [*parent.subpage_types, child]


def answers_itself(page: Page, remaining: list[str]) -> bool:
    """Whether page answers for the rest of a path with a route of its own, before its
    children's slugs are tried (Wagtail's order); a routable page's routes are matched here
    without fetching the page itself."""
    model = page.specific_class
    if model is None or model.route is Page.route:
        return False
    if model.route is not RoutablePageMixin.route:
        return True
    if not page.live:  # RoutablePageMixin serves its routes only on a live page
        return False
    try:
        model.get_resolver().resolve("/" + "".join(f"{part}/" for part in remaining))
    except Http404:
        return False
    return True


def route_by_url_path(root: Page, request, components: list[str]) -> RouteResult:
    """Wagtail's routing from root down components, with one query for the whole path.

    Wagtail walks the tree a level at a time, two queries per level (the child, then its
    specific page); a community's board is ten queries deep. Every page stores its url_path,
    so the pages along the path come in one query. A page with routes of its own (a channel's
    feed, a board's months) answers for the rest of the path itself, as in Wagtail, where its
    routes come before its children's slugs.
    """
    depth_of = {
        root.url_path + "/".join(components[:n]) + "/": n for n in range(1, len(components) + 1)
    }
    along = Page.objects.filter(url_path__in=depth_of, path__startswith=root.path)
    passed = [root]
    for page in along.order_by("depth"):
        n = depth_of[page.url_path]
        page._cached_parent_obj = passed[-1]  # as Wagtail's route does: get_parent() unqueried
        if n == len(components) or answers_itself(page, components[n:]):
            specific = page.specific
            specific.route_ancestors = passed  # the breadcrumb's, without asking again
            return specific.route(request, components[n:])
        passed.append(page)
    # No page has the next slug under the last one found.
    raise Http404


def breadcrumb(page: Page) -> list[Page]:
    """The pages above page from the home page down: those routing passed, or else asked for."""
    passed = getattr(page, "route_ancestors", None)
    return passed if passed is not None else list(page.get_ancestors().filter(depth__gte=2))


@dataclass(frozen=True)
class MenuItem:
    """A page in the main menu, as the menu shows it."""

    pk: int
    path: str
    title: str
    url: str


def menu(site: Site, request) -> tuple[MenuItem, list[MenuItem]]:
    """The site's home page and the live, public pages under it that editors show in menus,
    kept under the page-cache generation: every page shows the menu."""
    key = f"wenming:menu:{pagecache.generation()}:{site.pk}"
    found = cache.get(key)
    if found is None:
        pages = [site.root_page, *site.root_page.get_children().live().public().in_menu()]
        found = [MenuItem(p.pk, p.path, p.title, p.get_url(request)) for p in pages]
        cache.set(key, found, timeout=3600)
    return found[0], found[1:]


def ensure_child_page(parent: Page, model, slug: str, **fields) -> Page:
    """The live child of parent with this slug, created and published if missing; for loaders
    that must be safe to run again."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    page = parent.add_child(instance=model(slug=slug, **fields))
    page.save_revision().publish()
    return page


def pages_linking_to(page: Page, limit: int = NEWS_COUNT) -> list[Page]:
    """Published pages elsewhere on the site that link to page: its news.

    Wagtail's reference index records every link in rich text and every chosen page, so an
    article that names the community with a link is found without the page's app knowing the
    news app. The page's own subtree is left out.
    """
    # One query: the index keeps a page's id as text, always digits for a page.
    source_ids = (
        ReferenceIndex.get_references_to(page)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .annotate(page_id=Cast("object_id", IntegerField()))
        .values("page_id")
    )
    return list(
        Page.objects.live()
        .public()
        .filter(pk__in=source_ids)
        .exclude(path__startswith=page.path)
        .order_by("-first_published_at", "-pk")[:limit]
    )


# What describes a page when its editor wrote no search description, in this order.
DESCRIBING_FIELDS = ("search_description", "summary", "intro")
DESCRIPTION_CHARS = 120


def description(page: Page) -> str:
    """What search engines and chat previews show for a page: its search description, summary
    or introduction, else the start of its text, at most DESCRIPTION_CHARS characters."""
    written = (getattr(page, name, "") for name in DESCRIBING_FIELDS)
    text = next(filter(None, written), "") or plain_text(getattr(page, "body", ""))
    return Truncator(" ".join(text.split())).chars(DESCRIPTION_CHARS) if text else page.title


def plain_text(value) -> str:
    """The words of rich text, or of a StreamField's paragraphs, without markup."""
    if isinstance(value, StreamValue):
        return " ".join(
            plain_text(block.value) for block in value if block.block_type == "paragraph"
        )
    if isinstance(value, RichText):
        return strip_tags(value.source)
    return strip_tags(value or "")


# The page types a channel lists with its articles, newest first, each with the queryset that
# fetches what its list item shows. Each app adds its own types (list_in_channels), as with
# allow_under: the channel's app cannot name the page types of the apps above it.
CHANNEL_LISTINGS: dict[type[Page], Callable[[], QuerySet]] = {}


def list_in_channels(model: type[Page], listing: Callable[[], QuerySet]) -> None:
    """Channels list model's pages; listing() gives them with what an item shows. The date an
    item is listed under is the model's `date` field, or else when it was first published."""
    CHANNEL_LISTINGS[model] = listing


def channel_listing(channel: Page) -> QuerySet:
    """Ids and types of the live, public pages a channel lists, newest first: a queryset of
    (pk, model) rows for a paginator; channel_items() fetches one page of them."""
    models = list(CHANNEL_LISTINGS)
    dates = [F(f"{m._meta.model_name}__date") for m in models if hasattr(m, "date")]
    return (
        Page.objects.live()
        .public()
        .descendant_of(channel)
        .type(*models)
        .annotate(listed_on=Coalesce(*dates, TruncDate("first_published_at")))
        .order_by("-listed_on", "-pk")
        .values_list("pk", "content_type_id", "listed_on")
    )


def channel_items(rows) -> list[Page]:
    """The pages of channel_listing() rows, in order, each fetched with its type's listing
    queryset and given `listed_on`, the date it is listed under."""
    rows = list(rows)
    found = {}
    for model, listing in CHANNEL_LISTINGS.items():
        content_type = ContentType.objects.get_for_model(model).pk
        pks = [pk for pk, type_id, _ in rows if type_id == content_type]
        if pks:
            found.update(listing().in_bulk(pks))
    items = []
    for pk, _, listed_on in rows:
        if pk in found:
            found[pk].listed_on = listed_on
            items.append(found[pk])
    return items


def unique_child_slug(parent: Page, slug: str, exclude: Page | None = None) -> str:
    """slug, or slug-2, slug-3… whichever no other child of parent uses yet."""
    taken = set(parent.get_children().values_list("slug", flat=True))
    if exclude is not None:
        taken.discard(exclude.slug)
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


def place_slug(parent: Page, name: str, exclude: Page | None = None) -> str:
    """The pinyin slug a new district or community gets under parent (甘棠社区 → gantang,
    gantang-2 if a sibling has it), so a link pasted into a chat stays readable."""
    slug = pinyin_slug(name) or slugify(name, allow_unicode=True)
    return unique_child_slug(parent, slug, exclude)


class PlaceSlugMixin:
    """A page named after a place: with no slug given, it gets a pinyin one, not the title's
    percent-encoded Chinese that Wagtail would make."""

    def full_clean(self, *args, **kwargs):
        if not self.slug and self.title and self.path:
            self.slug = place_slug(self.get_parent(), self.title, exclude=self)
        return super().full_clean(*args, **kwargs)
