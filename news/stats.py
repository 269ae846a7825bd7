"""View and like counting, safe under concurrency and behind a page cache."""

import hashlib
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F

from news.models import ArticleLike, ArticlePage, ArticleStats

VISITOR_COOKIE = "wm_visitor"
VISITOR_COOKIE_MAX_AGE = 365 * 24 * 3600


def visitor_key(request) -> tuple[str, bool]:
    """The visitor's identity: a random id kept in a signed cookie; True when it is new."""
    value = request.get_signed_cookie(VISITOR_COOKIE, default=None)
    if value:
        return value, False
    return secrets.token_hex(16), True


def remember_visitor(response, key: str) -> None:
    response.set_signed_cookie(
        VISITOR_COOKIE,
        key,
        max_age=VISITOR_COOKIE_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=not settings.DEBUG and getattr(settings, "SESSION_COOKIE_SECURE", False),
    )


def _ensure_stats(article_id: int) -> None:
    ArticleStats.objects.get_or_create(article_id=article_id)


def record_view(article: ArticlePage, visitor: str) -> ArticleStats:
    """Count one view, unless this visitor already viewed the article inside the window."""
    digest = hashlib.sha256(f"{article.pk}:{visitor}".encode()).hexdigest()
    first_in_window = cache.add(
        f"wenming:viewed:{digest}", 1, timeout=settings.WENMING_VIEW_WINDOW_SECONDS
    )
    _ensure_stats(article.pk)
    # None: the cache is down (its errors are ignored). Then every view counts until it is back.
    if first_in_window is not False:
        ArticleStats.objects.filter(article_id=article.pk).update(views=F("views") + 1)
    return ArticleStats.objects.get(article_id=article.pk)


def add_like(article: ArticlePage, visitor: str) -> tuple[ArticleStats, bool]:
    """Like once per visitor; a repeat returns the same count and False."""
    _ensure_stats(article.pk)
    try:
        with transaction.atomic():
            ArticleLike.objects.create(article_id=article.pk, visitor=visitor)
            ArticleStats.objects.filter(article_id=article.pk).update(likes=F("likes") + 1)
        created = True
    except IntegrityError:
        created = False
    return ArticleStats.objects.get(article_id=article.pk), created


def has_liked(article: ArticlePage, visitor: str) -> bool:
    return ArticleLike.objects.filter(article_id=article.pk, visitor=visitor).exists()


def seed_views(article: ArticlePage, views: int) -> None:
    """Start the counter at a legacy view count without ever lowering it."""
    _ensure_stats(article.pk)
    ArticleStats.objects.filter(article_id=article.pk, views__lt=views).update(views=views)
