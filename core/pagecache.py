"""Whole pages for anonymous readers, from the shared cache (Redis in production).

A headline shared in chat groups brings thousands of readers in minutes; they all get the same
page, so it is rendered once and served from the cache until something public changes.

Only requests without a session cookie are served from it (nobody logged in, no preview), and
only responses that carry nothing of one reader are stored: a 200 with no cookie set and no
CSRF token in the page. Any change to published content starts a new generation of keys, so
every page that lists the changed one (parents, channel, home, feeds, sitemap) is rendered
afresh at once; old keys expire by themselves.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control

GENERATION_KEY = "wenming:pages:generation"
# Paths whose answers are per reader, or change with every request.
UNCACHED_PREFIXES = ("/admin/", "/stats/", "/documents/")


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        # A time-based start: after a cache flush the new keys cannot meet old pages.
        value = time.time_ns()
        cache.add(GENERATION_KEY, value, timeout=None)
    return value


def invalidate() -> None:
    """Published content changed: every cached page is stale from now on."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet (or the cache was flushed): start one
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def cacheable_request(request) -> bool:
    return (
        settings.WENMING_PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(UNCACHED_PREFIXES)
    )


def cacheable_response(request, response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        # {% csrf_token %} was used: the page holds this reader's token.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "private" not in response.get("Cache-Control", "")
        and "no-cache" not in response.get("Cache-Control", "")
    )


def cache_key(request) -> str:
    # Hashed: a URL may be long (Chinese slugs percent-encoded, a hostile query string).
    url = hashlib.sha256(f"{request.get_host()}{request.get_full_path()}".encode()).hexdigest()
    return f"wenming:page:{generation()}:{url}"


class PageCacheMiddleware:
    """Serves anonymous readers from the cache, and stores what may be served to anyone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        key = cache_key(request)
        cached = cache.get(key)
        if cached is not None:
            cached["X-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if cacheable_response(request, response):
            patch_cache_control(
                response, public=True, max_age=0, s_maxage=settings.WENMING_CDN_MAX_AGE
            )
            if hasattr(response, "render") and callable(response.render):
                response.render()
            cache.set(key, response, timeout=settings.WENMING_PAGE_CACHE_SECONDS)
            response["X-Cache"] = "miss"
        return response


# Saved often, and never shown on a public page as they are: saving them changes no page.
PRIVATE_APPS = {"admin", "auth", "axes", "contenttypes", "sessions", "wagtailadmin", "wagtailusers"}
PRIVATE_MODELS = {
    "core.errorreport",
    "goodpeople.nomination",
    "news.articlelike",
    "news.articlestats",
    # The ledger: stations enter records all day. The honour roll's hours may lag by up to
    # WENMING_PAGE_CACHE_SECONDS rather than every record emptying the cache of every page.
    "volunteers.certificate",
    "volunteers.hourexchange",
    "volunteers.inspection",
    "volunteers.recordcorrection",
    "volunteers.servicerecord",
    "volunteers.stationmonth",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.modellogentry",
    "wagtailcore.pagelogentry",
    "wagtailcore.pagesubscription",
    "wagtailcore.referenceindex",
    "wagtailcore.revision",
    "wagtailcore.taskstate",
    "wagtailcore.uploadedfile",
    "wagtailcore.workflowstate",
    "wagtailsearch.indexentry",
}


def changes_public_pages(model) -> bool:
    meta = model._meta
    if meta.app_label in PRIVATE_APPS or meta.label_lower in PRIVATE_MODELS:
        return False
    # Renditions are made while a page renders; making one changes nothing.
    return not meta.model_name.endswith("rendition")


def invalidate_on_change(sender, **kwargs) -> None:
    if changes_public_pages(sender):
        invalidate()
