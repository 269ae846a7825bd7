import os

from .base import *  # noqa: F403
from .base import BASE_DIR, STORAGES

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = BASE_DIR / "var" / "test-media" / str(os.getpid())
PRIVATE_MEDIA_ROOT = BASE_DIR / "var" / "test-private-media" / str(os.getpid())
STORAGES = {
    **STORAGES,
    "nominations": {**STORAGES["nominations"], "OPTIONS": {"location": PRIVATE_MEDIA_ROOT}},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests clear the cache before each test; they never touch a shared Redis even with REDIS_URL set.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The benchmark commands (manage.py bench_search, bench_dashboard, bench_import) are for
# development machines; production settings leave them out.
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
