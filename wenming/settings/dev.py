import os

from .base import *  # noqa: F403

DEBUG = True
# A development-only key: production.py refuses to start without SECRET_KEY.
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret")  # noqa: S105
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# The benchmark commands (manage.py bench_search, bench_dashboard, bench_import) are for
# development machines; production settings leave them out.
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
