from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core import admin_urls as core_admin_urls
from core import public_views as core_public_views
from core.views import care_switch, image_preview, robots_txt, serve_document
from goodpeople import public_views as goodpeople_views
from home import views as home_views
from news import views as news_views
from search import views as search_views
from volunteers.views import public as volunteer_views
from wenming.api import api_router

urlpatterns = [
    # Before the admin's own: Wagtail's view of this URL answers a size of 0 with a 500.
    path(
        "admin/images/<int:image_id>/preview/<str:filter_spec>/",
        image_preview,
        name="core_image_preview",
    ),
    # Before Wagtail's admin: its screens that would show other stations' objects.
    path("admin/", include(core_admin_urls)),
    path("admin/", include(wagtailadmin_urls)),
    # Answers the URLs Wagtail's own pattern (below, still used to build them) would.
    re_path(r"^documents/(\d+)/(.*)$", serve_document),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("sitemap/", home_views.site_map, name="site_map"),
    path("correction/", core_public_views.error_report, name="error_report"),
    path("feed/", news_views.site_feed, name="site_feed"),
    path("care/on/", care_switch, {"on": True}, name="care_on"),
    path("care/off/", care_switch, {"on": False}, name="care_off"),
    path("search/", search_views.search, name="search"),
    path("volunteers/", volunteer_views.honour_roll, name="honour_roll"),
    path(
        "volunteers/<id:community_id>/",
        volunteer_views.honour_roll,
        name="community_honour_roll",
    ),
    path("volunteers/verify/", volunteer_views.certificate_verify, name="certificate_verify"),
    path("api/v2/", api_router.urls),
    path("nominate/<id:board_id>/", goodpeople_views.nominate, name="nominate"),
    path("stats/<id:page_id>/view/", news_views.article_view, name="article_view"),
    path("stats/<id:page_id>/like/", news_views.article_like, name="article_like"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
