"""Settings shared by every environment; configuration comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from core.caching import redis_cache
from core.ratelimit import parse_limits

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
    "axes",
    "csp",
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
    # First: a page from the cache carries the headers the middleware below gave it when it
    # was stored, and a reader without a session cookie is served without touching the rest.
    "core.pagecache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.RejectNulMiddleware",
    # Inside the page cache: a page is compressed once, when it is stored, not per reader.
    "django.middleware.gzip.GZipMiddleware",
    "core.sites.CachedSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "csp.middleware.CSPMiddleware",
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
                "core.context_processors.care_mode",
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
        # A connection kept between requests is tested before reuse: the first request after a
        # database restart reconnects instead of failing on the dead connection.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Without it a database host that stops answering holds every request for over two
    # minutes (psycopg's default); residents get the error page after this many seconds.
    connect_timeout = os.environ.get("DB_CONNECT_TIMEOUT", "3")
    if not connect_timeout.isdigit():
        raise ImproperlyConfigured(
            f"DB_CONNECT_TIMEOUT is not a whole number of seconds: {connect_timeout!r}"
        )
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", int(connect_timeout)
    )
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

# Content-Security-Policy: the public pages run only the site's own scripts (no inline script,
# so an injected one does not run). The admin (Wagtail's own inline scripts) is report-only
# for now: the browser reports what the policy would stop there, to CSP_REPORT_URI if set.
_CSP_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF],
    "img-src": [SELF, "data:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    # Videos embedded in articles come from the video sites' players.
    "frame-src": [SELF, "https:"],
    "frame-ancestors": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    **({"report-uri": [os.environ["CSP_REPORT_URI"]]} if os.environ.get("CSP_REPORT_URI") else {}),
}
CONTENT_SECURITY_POLICY = {"EXCLUDE_URL_PREFIXES": ["/admin/"], "DIRECTIVES": _CSP_DIRECTIVES}
CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": _CSP_DIRECTIVES}

# Logins: after AXES_FAILURE_LIMIT wrong passwords for one user name from one client address,
# that pair is locked for an hour (README, "Security"); 设置 › 登录锁定 unlocks it earlier.
AUTHENTICATION_BACKENDS = [
    # AxesBackend (a ModelBackend too) first: tools that take the first backend can log in.
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.ratelimit.client_address"
AXES_LOCKOUT_CALLABLE = "core.views.login_locked_out"

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
# Where `manage.py backup` writes (README, "Backups").
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", BASE_DIR / "var" / "backups"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "nominations": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
}

# Several app servers must see the same uploads: S3_BUCKET puts them in S3-compatible object
# storage (Aliyun OSS, Tencent COS, MinIO, …) through django-storages. Residents' nomination
# photos go to a second, private bucket, handed out by the admin through signed links only.
if os.environ.get("S3_BUCKET"):
    if not os.environ.get("S3_PRIVATE_BUCKET"):
        raise ImproperlyConfigured(
            "S3_BUCKET is set: set S3_PRIVATE_BUCKET too, a bucket readers cannot list or read, "
            "for residents' nomination photos."
        )
    _s3 = {
        "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("S3_REGION") or None,
        "access_key": os.environ.get("S3_ACCESS_KEY_ID") or None,
        "secret_key": os.environ.get("S3_SECRET_ACCESS_KEY") or None,
        "file_overwrite": False,
    }
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3,
            "bucket_name": os.environ["S3_BUCKET"],
            "custom_domain": os.environ.get("S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": False,
        },
    }
    STORAGES["nominations"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3,
            "bucket_name": os.environ["S3_PRIVATE_BUCKET"],
            "default_acl": "private",
            "querystring_auth": True,
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
    # Videos for the body's video block (core.blocks.VideoBlock).
    "mp4",
    "webm",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Renditions in WebP: a third smaller than JPEG at the same quality, and every browser readers
# use in China (WeChat's included) shows it. Shared images (og:image) ask for JPEG themselves,
# for chat apps that preview only JPEG.
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"jpeg": "webp", "png": "webp", "webp": "webp"}
# Uploads go through core.uploads (header checked before decoding, stored re-encoded).
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.image_forms.ImageForm"
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
# The most pixels (every frame of an animation counted) an image may have, checked from its
# header before anything decodes it: see core/uploads.py. 40 megapixels is a large phone photo
# and costs a worker about 160 MB to decode.
WENMING_MAX_IMAGE_PIXELS = int(os.environ.get("WENMING_MAX_IMAGE_PIXELS", "40000000"))
WAGTAILIMAGES_MAX_IMAGE_PIXELS = WENMING_MAX_IMAGE_PIXELS

# How many reverse proxies stand in front of the app (1 with deploy/nginx/wenming.conf): the
# client's address is the one the outermost of them wrote in X-Forwarded-For. 0 trusts none.
WENMING_TRUSTED_PROXIES = int(os.environ.get("WENMING_TRUSTED_PROXIES", "0"))
# Requests per client address (an IPv6 /64) and scope: count per seconds. Mobile carriers put
# many residents behind one address, so the limits stop scripts, not a busy neighbourhood.
# WENMING_RATE_LIMITS="like=60/60,search=300/60" changes some of them.
WENMING_RATE_LIMITS = {
    "view": (600, 60),
    "like": (60, 60),
    "search": (120, 60),
    "api": (600, 60),
    "nomination": (10, 3600),
    "certificate": (30, 600),
    "correction": (10, 3600),
    **parse_limits(os.environ.get("WENMING_RATE_LIMITS", "")),
}

# Whole pages for anonymous readers (core/pagecache.py): kept this long in the cache unless
# something public changes first (0 turns the page cache off). Browsers ask again every time;
# a CDN in front may keep a page WENMING_CDN_MAX_AGE seconds (or until Wagtail purges it).
WENMING_PAGE_CACHE_SECONDS = int(os.environ.get("WENMING_PAGE_CACHE_SECONDS", "600"))
WENMING_CDN_MAX_AGE = int(os.environ.get("WENMING_CDN_MAX_AGE", "60"))

# A CDN or caching proxy in front: Wagtail asks it to drop a page when the page is published
# (wagtail.contrib.frontend_cache; e.g. http://127.0.0.1:8080 for Varnish or an nginx purge).
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    INSTALLED_APPS += ["wagtail.contrib.frontend_cache"]
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
        }
    }

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
MIDDLEWARE += [
    "goodpeople.middleware.ForcePasswordChangeMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]
GOODPEOPLE_BOARD_FRESH_DAYS = int(os.environ.get("GOODPEOPLE_BOARD_FRESH_DAYS", "90"))
GOODPEOPLE_NOMINATION_PHOTO_MAX_BYTES = 5 * 1024 * 1024
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = os.environ.get(
    "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", "noreply@wenming.example"
)
