"""Which parts of the page tree are private, read once per generation of the page cache.

Wagtail asks the database for every view restriction each time a listing calls `.public()`
and each time a page is served: a dozen queries on the home page, for an answer that changes
only when an editor restricts or opens a section. Restrictions are saved like any other
content, so a new page-cache generation starts when they change (and when pages move); the
answer is kept under that generation.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Q
from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet

from core import pagecache


@dataclass(frozen=True)
class Restrictions:
    # (path, depth) of every page with a view restriction: it and its descendants are private.
    sections: tuple[tuple[str, int], ...]
    # An alias takes its source's restrictions; Wagtail's own check resolves those.
    has_aliases: bool

    def covers(self, path: str) -> bool:
        return any(path.startswith(section) for section, _ in self.sections)


def restrictions() -> Restrictions:
    """The site's private sections, from the cache under the current page-cache generation."""
    key = f"wenming:restrictions:{pagecache.generation()}"
    found = cache.get(key)
    if found is None:
        found = Restrictions(
            sections=tuple(
                PageViewRestriction.objects.order_by("page__path").values_list(
                    "page__path", "page__depth"
                )
            ),
            has_aliases=Page.objects.filter(alias_of__isnull=False).exists(),
        )
        # Old generations' answers are never read again; let them expire.
        cache.set(key, found, timeout=3600)
    return found


def private_q(queryset: PageQuerySet) -> Q:
    """Wagtail's PageQuerySet.private_q, from restrictions() instead of a query."""
    q = Q()
    for path, depth in restrictions().sections:
        q |= Q(path__startswith=path, depth__gte=depth)
    # Like Wagtail's: with no private section, nothing is private.
    return q if q else Q(pk__in=[])


wagtail_view_restrictions = Page.get_view_restrictions


def view_restrictions(page: Page):
    """Wagtail's Page.get_view_restrictions without its two queries when no restriction can
    apply: the page lies in no private section and the site has no aliases."""
    known = restrictions()
    if known.has_aliases or known.covers(page.path):
        return wagtail_view_restrictions(page)
    return PageViewRestriction.objects.none()


def use_cached_restrictions() -> None:
    """Every `.public()` and every page served (Wagtail's too: routing, its API) reads the
    private sections from restrictions()."""
    PageQuerySet.private_q = private_q
    Page.get_view_restrictions = view_restrictions
