"""Whole pages for anonymous readers, from the shared cache (Redis in production).

A headline shared in chat groups brings thousands of readers in minutes; they all get the same
page, so it is rendered once and served from the cache until something public changes.

Only requests without a session cookie are served from it (nobody logged in, no preview), and
only responses that carry nothing of one reader are stored: a 200 with no cookie set and no
CSRF token in the page. Any change to published content starts a new generation, and a page
is kept with the generation it was rendered in, so every page that lists the changed one
(parents, channel, home, feeds, sitemap) is rendered afresh on its next request.
"""

import functools
import hashlib
import os
import re
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.cache import patch_cache_control, patch_vary_headers

from core import care

GENERATION_KEY = "wenming:pages:generation"
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# Paths whose answers are per reader, or change with every request.
UNCACHED_PREFIXES = ("/admin/", "/stats/", "/documents/", "/static/", "/media/")


def in_each_process() -> bool:
    """Whether the cache lives in each worker's memory (no REDIS_URL): the generation must
    then be kept where every worker on the machine sees it, or a publish handled by one would
    leave the others serving the old page."""
    return settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")


@functools.cache
def stamp() -> str:
    # Worked out once: every request from the cache reads it.
    return os.path.join(settings.PRIVATE_MEDIA_ROOT, ".page-generation")


def generation() -> int:
    if in_each_process():
        try:
            found = os.stat(stamp())
        except FileNotFoundError:
            Path(stamp()).parent.mkdir(parents=True, exist_ok=True)
            Path(stamp()).touch()
            found = os.stat(stamp())
        # Each change appends a byte, so the size counts changes; the inode tells a new file.
        return found.st_ino * 10**12 + found.st_size
    value = cache.get(GENERATION_KEY)
    if value is None:
        # A time-based start: after a cache flush the new keys cannot meet old pages.
        value = time.time_ns()
        cache.add(GENERATION_KEY, value, timeout=None)
    return value


def invalidate() -> None:
    """Published content changed: every cached page is stale from now on."""
    if in_each_process():
        generation()  # the file exists
        with open(stamp(), "ab") as changes:  # an append is atomic between processes
            changes.write(b".")
        return
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet (or the cache was flushed): start one
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def kept_page(key: str) -> tuple[int, tuple | None]:
    """The current generation and what the cache keeps under key, in one round trip to a
    shared cache."""
    if in_each_process():
        return generation(), cache.get(key)
    found = cache.get_many([GENERATION_KEY, key])
    return found.get(GENERATION_KEY) or generation(), found.get(key)


def cacheable_request(request) -> bool:
    return (
        settings.WENMING_PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(UNCACHED_PREFIXES)
        # Plain HTTP that SecurityMiddleware sends on to HTTPS is its to answer.
        and (request.is_secure() or not settings.SECURE_SSL_REDIRECT)
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
    # The scheme too: a page stored from HTTPS carries HSTS, one from plain HTTP does not.
    url = hashlib.sha256(
        f"{request.scheme}://{request.get_host()}{request.get_full_path()}".encode()
    ).hexdigest()
    # Browsers that take gzip (nearly all) get the page compressed by GZipMiddleware; the
    # others get it as it was rendered: two entries.
    encoding = "gzip" if ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) else ""
    # 关怀版 readers get another rendering of the same URL: each is kept under its own key.
    variant = "care" if care.is_on(request) else ""
    return f"wenming:page:{url}:{encoding}:{variant}"


class PageCacheMiddleware:
    """Serves anonymous readers from the cache, and stores what may be served to anyone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        key = cache_key(request)
        generation_now, kept = kept_page(key)
        # A page kept from an older generation is stale.
        if kept is not None and kept[0] == generation_now:
            response = kept[1]
            response["X-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if cacheable_response(request, response):
            patch_cache_control(
                response, public=True, max_age=0, s_maxage=settings.WENMING_CDN_MAX_AGE
            )
            # The 关怀版 cookie changes the page: a CDN or browser must not mix the two.
            patch_vary_headers(response, ["Cookie"])
            if hasattr(response, "render") and callable(response.render):
                response.render()
            # Kept under the generation read before rendering: a change published meanwhile
            # has started a newer one, so this page is not served after it.
            kept = (generation_now, response)
            cache.set(key, kept, timeout=settings.WENMING_PAGE_CACHE_SECONDS)
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
        # Again once the change is committed: a reader served between the two saw the old
        # content and may have stored it under the new generation.
        transaction.on_commit(invalidate)
