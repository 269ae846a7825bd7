"""Settings shared by every environment; configuration comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from core.caching import redis_cache

from .search import search_backends

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    "search",
    "home",
    "volunteers",
    "goodpeople",
    "news",
    "core",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "corsheaders",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Wagtail's admin shows times as "2 seconds ago"; humanize's own catalog says it in Chinese.
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.RejectNulMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "wenming.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "wenming.wsgi.application"

# SQLite is the embedded default; production points DATABASE_URL at PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's default random_page_cost (4) is for spinning disks; with it the planner reads
    # every search-index entry for a common word (76 ms at 10,000 articles) instead of the GIN
    # index (8 ms). 1.1 is the usual value for SSDs, as the PostgreSQL manual suggests. Empty
    # leaves it to the server (behind PgBouncer, which rejects the option: ALTER DATABASE).
    page_cost = os.environ.get("PG_RANDOM_PAGE_COST", "1.1")
    if page_cost:
        try:
            page_cost = float(page_cost)
        except ValueError:
            raise ImproperlyConfigured(
                f"PG_RANDOM_PAGE_COST is not a number: {page_cost!r}"
            ) from None
        options = DATABASES["default"].setdefault("OPTIONS", {})
        options["options"] = f"{options.get('options', '')} -c random_page_cost={page_cost}".strip()

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if os.environ.get("REDIS_URL"):
    CACHES = {"default": redis_cache(os.environ["REDIS_URL"])}
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
# The site and its admin are Chinese only: a browser asking for English still gets Chinese.
LANGUAGES = [("zh-hans", "简体中文")]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Wagtail's own catalog lacks some admin strings; ours (compiled by `make`) fills them in.
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
# One city, one time zone: the account page offers no list of 600 foreign zone names.
WAGTAIL_USER_TIME_ZONES = [TIME_ZONE]
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Residents' nomination photos of private people: outside MEDIA_ROOT so the web server never
# serves them; the admin hands them out one at a time to whoever may handle the nomination.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "nominations": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "九江文明网"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
TAGGIT_TAGS_FROM_STRING = "core.tags.parse_tags"
# Gravatar is blocked in mainland China: avatars would be broken images. Wagtail's default
# silhouette (or a photo the user uploads) shows instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Wagtail's database search with Chinese word segmentation (core/chinese.py), or a search
# engine with a Chinese analyzer when SEARCH_ENGINE says so; see README, "Search".
WAGTAILSEARCH_BACKENDS = search_backends(os.environ)
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "doc",
    "odt",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
    "xls",
    "zip",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024

# How long one visitor's reloads of an article count as a single view.
WENMING_VIEW_WINDOW_SECONDS = int(os.environ.get("WENMING_VIEW_WINDOW_SECONDS", "1800"))

# The headless API (/api/v2/, wenming/api.py): read-only, so other origins may only GET it.
WAGTAILAPI_LIMIT_MAX = 50
WAGTAILAPI_BASE_URL = os.environ.get("WAGTAILAPI_BASE_URL", WAGTAILADMIN_BASE_URL)
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOWED_ORIGINS = [o for o in os.environ.get("CORS_ALLOWED_ORIGINS", "").split(",") if o]
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")

# Communities and stations (goodpeople/): a station user on a one-time password is sent to
# change it first; a board counts as kept current if its newest entry is this recent.
MIDDLEWARE += ["goodpeople.middleware.ForcePasswordChangeMiddleware"]
GOODPEOPLE_BOARD_FRESH_DAYS = int(os.environ.get("GOODPEOPLE_BOARD_FRESH_DAYS", "90"))
GOODPEOPLE_NOMINATION_PHOTO_MAX_BYTES = 5 * 1024 * 1024
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = os.environ.get(
    "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", "noreply@wenming.example"
)
