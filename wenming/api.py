"""The read-only headless API at /api/v2/: Wagtail's API v2 with the site's filters and search.

Pages, images and documents as Wagtail serves them (live, public pages only; images and
documents in collections visible to the public, and only those a live, public page uses), plus
what front ends asked for:
``channel`` (and every other "under this page" filter in search.results.WITHIN_FILTERS), ``tag``,
``date_from``/``date_to``, ``order=date``/``-date`` across page types, and ``search`` with the
same Chinese search as the site (the filters live in search.api). Malformed parameters are
400s with a message.
"""

from rest_framework.exceptions import Throttled
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    FieldsFilter,
    LocaleFilter,
    OrderingFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from core.converters import valid_id
from core.ratelimit import MESSAGE, exceeded, retry_after
from core.visibility import used_on_published_pages
from search.api import ChineseSearchFilter, DateOrderingFilter, SiteFilter
from search.results import WITHIN_FILTERS

MAX_OFFSET = 1_000_000


class BoundedPagination(WagtailPagination):
    """Wagtail's offset and limit, with an offset the database can take: a 400, not a 500."""

    def paginate_queryset(self, queryset, request, view=None):
        offset = request.GET.get("offset", "")
        # Compared as text first: int() refuses more than 4,300 digits, and digits such as "²".
        digits = offset.isascii() and offset.isdigit()
        too_long = len(offset.lstrip("0")) > len(str(MAX_OFFSET))
        if digits and (too_long or int(offset) > MAX_OFFSET):
            raise BadRequestError(f"offset must be at most {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class ClientThrottle(BaseThrottle):
    """The site's per-address limit (core.ratelimit), counted in the cache all servers share."""

    def allow_request(self, request, view):
        return not exceeded(request, "api")

    def wait(self):
        return retry_after("api")


class LimitedAPIMixin:
    """Every endpoint is limited per client address; over it, a 429 in Wagtail's error shape."""

    throttle_classes = [ClientThrottle]

    def handle_exception(self, exc):
        if isinstance(exc, Throttled):
            headers = {"Retry-After": str(retry_after("api"))}
            return Response({"message": MESSAGE}, status=429, headers=headers)
        return super().handle_exception(exc)


class FindByValidId:
    """find/?id= that no id column can hold is a 400; Wagtail would look it up and fail."""

    def find_object(self, queryset, request):
        if "id" in request.GET and not valid_id(request.GET["id"]):
            raise BadRequestError("id must be a positive integer")
        return super().find_object(queryset, request)


class SitePagesAPIViewSet(LimitedAPIMixin, FindByValidId, PagesAPIViewSet):
    pagination_class = BoundedPagination
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

    def get_queryset(self):
        # A page type's api_listing fetches what its fields read with the listing, so 20 pages
        # cost the same queries as 5.
        queryset = super().get_queryset().select_related("locale")
        listing = getattr(queryset.model, "api_listing", None)
        return listing(queryset) if listing else queryset


class SearchingImagesAPIViewSet(LimitedAPIMixin, FindByValidId, ImagesAPIViewSet):
    pagination_class = BoundedPagination
    filter_backends = [FieldsFilter, OrderingFilter, ChineseSearchFilter]

    def get_queryset(self):
        return used_on_published_pages(super().get_queryset())


class SearchingDocumentsAPIViewSet(LimitedAPIMixin, FindByValidId, DocumentsAPIViewSet):
    pagination_class = BoundedPagination
    filter_backends = [FieldsFilter, OrderingFilter, ChineseSearchFilter]

    def get_queryset(self):
        return used_on_published_pages(super().get_queryset())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", SitePagesAPIViewSet)
api_router.register_endpoint("images", SearchingImagesAPIViewSet)
api_router.register_endpoint("documents", SearchingDocumentsAPIViewSet)
