from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, ensure_csrf_cookie
from django.views.decorators.http import require_POST
from wagtail.models import Site

from core.pages import channel_items, channel_listing
from core.ratelimit import rate_limit
from news import stats
from news.feeds import FEED_SIZE, ArticleFeed
from news.models import ArticlePage


def _counters_response(counters, visitor: str, new_visitor: bool, **extra) -> JsonResponse:
    response = JsonResponse({"views": counters.views, "likes": counters.likes, **extra})
    if new_visitor:
        stats.remember_visitor(response, visitor)
    return response


# Counting a view changes nothing a visitor owns, so it needs no CSRF token; the page may be
# served from a cache, so this request also hands out the CSRF cookie the like button needs.
@csrf_exempt
@ensure_csrf_cookie
@never_cache
@require_POST
@rate_limit("view", json=True)
def article_view(request, page_id: int):
    article = get_object_or_404(ArticlePage.objects.live().public(), pk=page_id)
    visitor, new_visitor = stats.visitor_key(request)
    counters = stats.record_view(article, visitor)
    liked = not new_visitor and stats.has_liked(article, visitor)
    return _counters_response(counters, visitor, new_visitor, liked=liked)


@never_cache
@require_POST
@rate_limit("like", json=True)
def article_like(request, page_id: int):
    article = get_object_or_404(ArticlePage.objects.live().public(), pk=page_id)
    visitor, new_visitor = stats.visitor_key(request)
    counters, created = stats.add_like(article, visitor)
    return _counters_response(counters, visitor, new_visitor, liked=True, created=created)


def site_feed(request):
    # A feed instance keeps the request, so each request gets its own.
    site = Site.find_for_request(request)
    items = channel_items(channel_listing(site.root_page)[:FEED_SIZE]) if site else []
    return ArticleFeed(items)(request)
