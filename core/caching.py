"""The shared cache's settings: Redis in production, and a site that keeps working without it."""


def redis_cache(url: str) -> dict:
    """django-redis at url, for CACHES["default"].

    Redis down must not take the site down: errors are ignored (a miss, a logged warning;
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS) and a dead server is given up on within half a
    second rather than holding each request.
    """
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 0.5,
        },
    }
