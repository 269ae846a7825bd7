"""Brakes on anonymous input: a count per client address and scope in the shared cache.

The counts live in the default cache (Redis in production), so every app server sees the same
ones. When the cache is down its errors are ignored and nothing is limited: residents keep
reading and liking rather than getting errors.
"""

import ipaddress
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.http import JsonResponse
from django.template.response import TemplateResponse

MESSAGE = "您的操作过于频繁，请稍后再试。"


def parse_limits(text: str) -> dict[str, tuple[int, int]]:
    """`like=60/60,search=120/60`: scope = requests per that many seconds."""
    limits = {}
    for item in filter(None, (part.strip() for part in text.split(","))):
        scope, _, rate = item.partition("=")
        count, _, seconds = rate.partition("/")
        if not (scope.strip() and count.strip().isdigit() and seconds.strip().isdigit()):
            raise ImproperlyConfigured(f"WENMING_RATE_LIMITS: not scope=count/seconds: {item!r}")
        limits[scope.strip()] = (int(count), int(seconds))
    return limits


def client_address(request) -> str:
    """The client's address, taken past the trusted proxies only.

    Each of WENMING_TRUSTED_PROXIES proxies appends the address it was reached from to
    X-Forwarded-For; what the client itself wrote there stands to the left and is ignored, so a
    forged header cannot pass for another client.
    """
    proxies = settings.WENMING_TRUSTED_PROXIES
    address = request.META.get("REMOTE_ADDR", "")
    if proxies:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address[:64]
    if parsed.version == 6:
        if parsed.ipv4_mapped:
            return str(parsed.ipv4_mapped)
        # One IPv6 subscriber gets a whole /64: each of its addresses is the same client, named
        # by the network's first address (an address still, for the login lockout's records).
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False).network_address)
    return str(parsed)


def exceeded(request, scope: str) -> bool:
    """Count one request of the client in `scope`; True once it is over the scope's limit."""
    count_limit, seconds = settings.WENMING_RATE_LIMITS[scope]
    window = int(time.time() // seconds)
    key = f"wenming:rate:{scope}:{client_address(request)}:{window}"
    # add() starts the count for a new window; incr() is atomic in Redis and in local memory.
    cache.add(key, 0, timeout=seconds + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # the window's key expired between add() and incr()
        cache.set(key, 1, timeout=seconds + 1)
        count = 1
    return count is not None and count > count_limit


def retry_after(scope: str) -> int:
    seconds = settings.WENMING_RATE_LIMITS[scope][1]
    return seconds - int(time.time()) % seconds


def too_many_requests(request, scope: str, json: bool = False):
    """429 with the message: a page for people, JSON for the article page's script."""
    if json:
        response = JsonResponse(
            {"error": MESSAGE}, status=429, json_dumps_params={"ensure_ascii": False}
        )
    else:
        response = TemplateResponse(request, "429.html", {"message": MESSAGE}, status=429)
    response["Retry-After"] = str(retry_after(scope))
    return response


def rate_limit(scope: str, json: bool = False):
    """A view decorator: over the limit, a 429 with a Chinese message instead of the view."""

    def decorator(view):
        @wraps(view)
        def limited(request, *args, **kwargs):
            if exceeded(request, scope):
                return too_many_requests(request, scope, json=json)
            return view(request, *args, **kwargs)

        return limited

    return decorator
