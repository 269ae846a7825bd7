"""The read-only headless API at /api/v2/: Wagtail's API v2 with the site's filters and search.

Pages, images and documents as Wagtail serves them (live, public pages only; images and
documents in collections visible to the public, and only those a live, public page uses), plus
what front ends asked for:
``channel`` (and every other "under this page" filter in home.search.WITHIN_FILTERS), ``tag``,
``date_from``/``date_to``, ``order=date``/``-date`` across page types, and ``search`` with the
same Chinese search as the site. Malformed parameters are 400s with a message.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, QuerySet
from django.db.models.functions import Cast
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    FieldsFilter,
    LocaleFilter,
    OrderingFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page, ReferenceIndex

from core.chinese import MAX_QUERY_CHARS, highlight_words
from core.search_backend import matching
from home.search import WITHIN_FILTERS, display_date, tagged, title_has_all


def _positive_int(request, name: str) -> int:
    try:
        value = int(request.GET[name])
    except ValueError:
        value = 0
    if value <= 0:
        raise BadRequestError(f"{name} must be a positive integer (a page id)")
    return value


def _date(request, name: str) -> datetime.date | None:
    raw = request.GET.get(name)
    if raw is None:
        return None
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError as e:
        raise BadRequestError(f"{name} must be a date like 2024-05-01") from e


class SiteFilter(BaseFilterBackend):
    """?channel=<id> (and the other WITHIN_FILTERS), ?tag=, ?date_from=, ?date_to=."""

    def filter_queryset(self, request, queryset, view):
        for name, model in WITHIN_FILTERS.items():
            if name in request.GET:
                ancestor = model.objects.live().public().filter(pk=_positive_int(request, name))
                if not ancestor.exists():
                    raise BadRequestError(f"{name} {request.GET[name]} doesn't exist")
                queryset = queryset.descendant_of(ancestor.get())
        if "tag" in request.GET:
            queryset = queryset.filter(tagged(queryset.model, request.GET["tag"])).distinct()
        start, end = _date(request, "date_from"), _date(request, "date_to")
        if start and end and start > end:
            raise BadRequestError("date_from must not be after date_to")
        if start or end:
            queryset = queryset.annotate(shown_date=display_date(queryset.model))
            if start:
                queryset = queryset.filter(shown_date__gte=start)
            if end:
                queryset = queryset.filter(shown_date__lte=end)
        return queryset


class DateOrderingFilter(OrderingFilter):
    """Adds ?order=date / -date for any page type (the date readers see); else Wagtail's."""

    def filter_queryset(self, request, queryset, view):
        order = request.GET.get("order")
        if order in ("date", "-date"):
            return queryset.annotate(shown_date=display_date(queryset.model)).order_by(
                order.replace("date", "shown_date"), "-pk"
            )
        return super().filter_queryset(request, queryset, view)


class ChineseSearchFilter(BaseFilterBackend):
    """?search= through the site's Chinese search; unordered results rank like the site's."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        query = request.GET["search"]
        if len(query) > MAX_QUERY_CHARS:
            raise BadRequestError(f"search must be at most {MAX_QUERY_CHARS} characters")
        operator = request.GET.get("search_operator")
        if operator not in (None, "and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")
        found = matching(queryset, query, operator=operator)
        if "order" in request.GET:
            return found
        found = found.annotate(title_hit=title_has_all(highlight_words(query)))
        if not issubclass(queryset.model, Page):
            return found.order_by("-title_hit", "-pk")
        found = found.annotate(shown_date=display_date(queryset.model))
        return found.order_by("-title_hit", "-shown_date", "-pk")


class SitePagesAPIViewSet(PagesAPIViewSet):
    filter_backends = [
        FieldsFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        SiteFilter,
        DateOrderingFilter,
        TranslationOfFilter,
        LocaleFilter,
        ChineseSearchFilter,
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(
        ["tag", "date_from", "date_to", *WITHIN_FILTERS]
    )


def used_on_published_pages(media: QuerySet) -> QuerySet:
    """The images or documents that a live, public page uses, by Wagtail's reference index.

    A station's photo for a board entry still in moderation, or a file on a private page, is
    in the media library before anyone may see it; listing the library would publish it.
    """
    pages = Page.objects.live().public().annotate(key=Cast("pk", CharField())).values("key")
    used = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=pages,
        to_content_type=ContentType.objects.get_for_model(media.model),
    ).values("to_object_id")
    return media.annotate(key=Cast("pk", CharField())).filter(key__in=used)


class SearchingImagesAPIViewSet(ImagesAPIViewSet):
    filter_backends = [FieldsFilter, OrderingFilter, ChineseSearchFilter]

    def get_queryset(self):
        return used_on_published_pages(super().get_queryset())


class SearchingDocumentsAPIViewSet(DocumentsAPIViewSet):
    filter_backends = [FieldsFilter, OrderingFilter, ChineseSearchFilter]

    def get_queryset(self):
        return used_on_published_pages(super().get_queryset())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", SitePagesAPIViewSet)
api_router.register_endpoint("images", SearchingImagesAPIViewSet)
api_router.register_endpoint("documents", SearchingDocumentsAPIViewSet)
