"""The API's search glue: the site's filters, date ordering and Chinese search as DRF filters.

Used by the headless API (wenming.api) so that ?search=, ?channel= and the other
"under this page" filters in search.results.WITHIN_FILTERS, ?tag=, ?date_from=/?date_to= and
?order=date find and rank what the site's own search does. Malformed parameters are 400s.
"""

import datetime

from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.filters import OrderingFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Page

from core.chinese import MAX_QUERY_CHARS, highlight_words
from core.converters import valid_id
from core.search_backend import matching
from search.results import WITHIN_FILTERS, display_date, tagged, title_has_all


def _positive_int(request, name: str) -> int:
    """A page id from the query string; beyond the id column is as wrong as not a number."""
    value = request.GET[name]
    if not valid_id(value) or int(value) == 0:
        raise BadRequestError(f"{name} must be a positive integer (a page id)")
    return int(value)


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
