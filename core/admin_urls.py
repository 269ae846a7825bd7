"""Admin URLs matched before Wagtail's own (wenming.urls): its screens that must show each user
only what the user may see (core.admin_views)."""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access

from core import admin_views


def admin_view(view):
    # What Wagtail wraps its own admin views in.
    return never_cache(require_admin_access(view))


urlpatterns = [
    path(
        "bulk/<str:app_label>/<str:model_name>/<str:action>/",
        admin_view(admin_views.bulk_action),
    ),
    path(
        "choose-page/chosen-multiple/",
        admin_view(admin_views.PageChosenMultipleView.as_view()),
    ),
    path(
        "reports/page-types-usage/",
        admin_view(admin_views.PageTypesUsageReport.as_view()),
    ),
    path(
        "reports/page-types-usage/results/",
        admin_view(admin_views.PageTypesUsageReport.as_view(results_only=True)),
    ),
    path("reports/site-history/", admin_view(admin_views.SiteHistoryReport.as_view())),
    path(
        "reports/site-history/results/",
        admin_view(admin_views.SiteHistoryReport.as_view(results_only=True)),
    ),
]
