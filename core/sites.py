"""The site a request is for, from the cache: Wagtail asks the database on every request."""

from django.core.cache import cache
from wagtail.models import Site

from core import pagecache


class CachedSiteMiddleware:
    """Gives Wagtail the request's site, with its home page as its own page type, from the
    cache under the page-cache generation (saving a site or a page starts a new one).

    Wagtail looks the site up (one query) and then its home page's type (another) for every
    page it serves, and the settings, menu and page URLs ask for the site again.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = f"wenming:site:{pagecache.generation()}:{request.get_host()}:{request.get_port()}"
        site = cache.get(key)
        if site is None:
            site = Site.find_for_request(request)
            if site is not None:
                # Routing starts from root_page.specific, which returns a specific page as is.
                site.root_page = site.root_page.specific
                cache.set(key, site, timeout=3600)
        else:
            # Where Site.find_for_request keeps its answer for the rest of the request.
            request._wagtail_site = site
        return self.get_response(request)
