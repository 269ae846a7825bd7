"""A bare Django view under gunicorn: the yardstick bench_pages divides every page by.

Django with one URL and no middleware, database or templates: what the framework alone costs.
"""

import secrets

from django.conf import settings

settings.configure(
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    SECRET_KEY=secrets.token_urlsafe(50),
    DEBUG=False,
)

from django.core.wsgi import get_wsgi_application  # noqa: E402 - needs the settings above
from django.http import HttpResponse  # noqa: E402
from django.urls import path  # noqa: E402


def bare(request):
    return HttpResponse("ok")


urlpatterns = [path("", bare)]
application = get_wsgi_application()
