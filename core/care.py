"""关怀版: the elderly-friendly mode (MIIT 互联网网站适老化通用设计规范), switched on by a cookie.

The switch is a plain link, so it works without JavaScript and without a session: the
server reads the cookie and renders the same page with larger text, stronger contrast,
bigger targets and nothing that moves (static/css/care.css). The page cache keeps the two
renderings of a URL apart (core/pagecache.py).
"""

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme

COOKIE_NAME = "care"
# A reader who needs it once needs it next time too: a year, renewed by each switch.
COOKIE_MAX_AGE = 365 * 24 * 60 * 60


def is_on(request: HttpRequest) -> bool:
    """Whether this reader has 关怀版 switched on."""
    return request.COOKIES.get(COOKIE_NAME) == "1"


def safe_next(request: HttpRequest) -> str:
    """Where the switch sends the reader back to: a path on this site, else the home page."""
    target = request.GET.get("next", "")
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "/"
