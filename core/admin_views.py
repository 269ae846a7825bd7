"""Wagtail admin screens that would show other editors' objects, narrowed to what the user sees.

Each keeps Wagtail's view and template and changes only which objects reach them; the URLs
(core.admin_urls) are matched before Wagtail's own.
"""

from django.apps import apps
from django.db.models import F
from django.http import Http404
from wagtail import hooks
from wagtail.admin.views.bulk_action import index as wagtail_bulk_action
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.views.chooser import ChosenMultipleView
from wagtail.admin.views.reports.audit_logging import (
    LogEntriesView,
    SiteHistoryReportFilterSet,
    get_users_for_filter,
)
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Page

from core.converters import valid_id
from core.visibility import visible_media, visible_objects, visible_pages


def with_ids(request, ids) -> None:
    """Replace request's ?id= values by ids."""
    query = request.GET.copy()
    query.setlist("id", [str(pk) for pk in ids])
    request.GET = query


def bulk_action(request, app_label: str, model_name: str, action: str):
    """Wagtail's bulk action on only the objects the user may see.

    Wagtail's confirm page names every object in ?id= (or, for id=all, every object of the
    listing), those the user may not act on too, so a hand-made URL would list other
    stations' drafts, files and nominations.
    """
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    action_class = bulk_action_registry.get_bulk_action_class(app_label, model_name, action)
    if action_class is None:
        raise Http404
    ids = request.GET.getlist("id")
    if "all" in ids:
        parent = request.GET.get("childOf")
        ids = action_class(request, model).get_all_objects_in_listing_query(
            parent if valid_id(parent) else None
        )
    else:
        ids = [pk for pk in ids if valid_id(pk)]
    visible = visible_objects(request, model).filter(pk__in=ids).values_list("pk", flat=True)
    with_ids(request, visible)
    return wagtail_bulk_action(request, app_label, model_name, action)


class PageChosenMultipleView(ChosenMultipleView):
    """The page chooser's answer for several chosen pages: only pages its listing offers."""

    def get(self, request):
        pages = Page.objects.filter(pk__in=[pk for pk in request.GET.getlist("id") if valid_id(pk)])
        for hook in hooks.get_hooks("construct_page_chooser_queryset"):
            pages = hook(pages, request)
        with_ids(request, pages.values_list("pk", flat=True))
        return super().get(request)


class PageTypesUsageReport(PageTypesUsageReportView):
    """页面类型使用情况 whose 最后编辑的页面 is one the user may explore.

    The counts are the city's; the newest edited page of a type may be another station's draft.
    """

    def decorate_paginated_queryset(self, page_types):
        page_types = super().decorate_paginated_queryset(page_types)
        pages = visible_pages(self.request.user)
        if site_root := self.filters.form.cleaned_data.get("site"):
            pages = pages.filter(path__startswith=site_root)
        shown = {item.last_edited_page.pk for item in page_types if item.last_edited_page}
        visible = set(pages.filter(pk__in=shown).values_list("pk", flat=True))
        for item in page_types:
            if item.last_edited_page and item.last_edited_page.pk not in visible:
                item.last_edited_page = (
                    pages.filter(content_type=item)
                    .order_by(F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk")
                    .specific()
                    .first()
                )
        return page_types


class SiteHistoryFilterSet(SiteHistoryReportFilterSet):
    def get_users_queryset(self):
        # Wagtail offers everyone who ever made a log entry; the user filter names only those
        # whose entries the user may see.
        return get_users_for_filter(self.request.user)


class SiteHistoryReport(LogEntriesView):
    filterset_class = SiteHistoryFilterSet


class VisibleImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    """The admin API's images: those in the collections where the user holds a permission."""

    def get_queryset(self):
        return super().get_queryset().filter(pk__in=visible_media(self.request.user, self.model))


class VisibleDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    """The admin API's documents: those in the collections where the user holds a permission."""

    def get_queryset(self):
        return super().get_queryset().filter(pk__in=visible_media(self.request.user, self.model))
