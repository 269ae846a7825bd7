from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page, Site


def count_queries(client, url: str, **params) -> int:
    """How many SQL queries one successful GET of url costs to render (the page cache is off),
    once what the site keeps per cache generation (the site, its private sections) is known."""
    with override_settings(WENMING_PAGE_CACHE_SECONDS=0):
        client.get(url, params)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url, params)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return len(ctx)


def make_site_root(title: str = "九江文明网", slug: str = "wenming") -> Page:
    """A plain page at the root of the default site, replacing Wagtail's welcome page.

    For tests of one app's pages (news, goodpeople) without the home page type, which belongs
    to an app above them in the import order.
    """
    root = Page.get_first_root_node()
    site_root = root.add_child(instance=Page(title=title, slug=slug))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "root_page": site_root, "site_name": title},
    )
    Page.objects.filter(depth=2).exclude(pk=site_root.pk).delete()
    return site_root


def log_in(client, username: str, password: str) -> bool:
    """Log in through the admin's login form, as a person does: the lockout sees every try."""
    response = client.post(
        reverse("wagtailadmin_login"), {"username": username, "password": password}
    )
    return response.status_code == 302
