"""The read-only headless API at /api/v2/: Wagtail's API v2 with the site's filters and search.

Pages, images and documents as Wagtail serves them (live, public pages only; images and
documents in collections visible to the public, and only those a live, public page uses), plus
what front ends asked for:
``channel`` (and every other "under this page" filter in search.results.WITHIN_FILTERS), ``tag``,
``date_from``/``date_to``, ``order=date``/``-date`` across page types, and ``search`` with the
same Chinese search as the site (the filters live in search.api). Malformed parameters are
400s with a message.
"""

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

from core.visibility import used_on_published_pages
from search.api import ChineseSearchFilter, DateOrderingFilter, SiteFilter
from search.results import WITHIN_FILTERS

MAX_OFFSET = 1_000_000


class BoundedPagination(WagtailPagination):
    """Wagtail's offset and limit, with an offset the database can take: a 400, not a 500."""

    def paginate_queryset(self, queryset, request, view=None):
        offset = request.GET.get("offset", "")
        if offset.isdigit() and int(offset) > MAX_OFFSET:
            raise BadRequestError(f"offset must be at most {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class SitePagesAPIViewSet(PagesAPIViewSet):
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


class SearchingImagesAPIViewSet(ImagesAPIViewSet):
    pagination_class = BoundedPagination
    filter_backends = [FieldsFilter, OrderingFilter, ChineseSearchFilter]

    def get_queryset(self):
        return used_on_published_pages(super().get_queryset())


class SearchingDocumentsAPIViewSet(DocumentsAPIViewSet):
    pagination_class = BoundedPagination
    filter_backends = [FieldsFilter, OrderingFilter, ChineseSearchFilter]

    def get_queryset(self):
        return used_on_published_pages(super().get_queryset())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", SitePagesAPIViewSet)
api_router.register_endpoint("images", SearchingImagesAPIViewSet)
api_router.register_endpoint("documents", SearchingDocumentsAPIViewSet)
