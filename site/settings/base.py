import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
import django_cache_url
from csp.constants import NONE, SELF

from maillage_core.search.config import search_backends

SITE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = SITE_DIR.parent
DATA_DIR = Path(os.environ.get("MAILLAGE_DATA_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEV_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", DEV_SECRET_KEY)
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "search",
    "maillage_directory",
    "maillage_training",
    "maillage_groups",
    "maillage_youth",
    "maillage_countries",
    "maillage_funding",
    "maillage_barometer",
    "maillage_core",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.typed_table_block",  # the table block's editor (its script and styles)
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
    "django_countries",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    # First: a kept page is answered at once, with the headers the rest gave
    # it when it was drawn (a plain-HTTP request, redirected, is never kept).
    "maillage_core.page_cache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "maillage_site.middleware.SiteLanguageMiddleware",
    "maillage_site.middleware.CachedSiteMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: it turns a sign-in refused by the lockout into its page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "maillage_site.urls"
WSGI_APPLICATION = "maillage_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers wait for each other instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update({"timeout": 20, "transaction_mode": "IMMEDIATE"})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# French first; visitors may switch to English. Page content is written in
# French; the interface around it follows the visitor's choice.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", DATA_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", DATA_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# CACHE_URL: locmem:// (one process: development, tests), file:///path (every
# worker of one machine, no other server), redis://host:6379/0 (Redis or
# Valkey). Rate limits, the page cache and its content version live there, so
# with several workers it must be one they share (production's default is).
CACHES = {"default": django_cache_url.parse(os.environ.get("CACHE_URL", "locmem://"))}
# Wagtail writes every image a page shows back to this cache: kept in each
# process (a write to a shared file cache costs more than the page), under
# the content version so that a replaced image file shows at once everywhere.
RENDITIONS_CACHE = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "maillage-renditions",
    "KEY_FUNCTION": "maillage_core.content_memo.rendition_cache_key",
    "OPTIONS": {"MAX_ENTRIES": 5000},
}
CACHES["renditions"] = RENDITIONS_CACHE

# The page cache (maillage_core.page_cache): whole pages for anonymous
# visitors, renewed by any change to what they show. Off in development
# (templates change under the developer's hands), on in production and tests.
MAILLAGE_PAGE_CACHE_SECONDS = int(os.environ.get("MAILLAGE_PAGE_CACHE_SECONDS", "300"))
MAILLAGE_PAGE_CACHE_PROXY_SECONDS = int(os.environ.get("MAILLAGE_PAGE_CACHE_PROXY_SECONDS", "0"))
# A Varnish (or any HTTP cache taking PURGE requests) or Cloudflare in front:
# Wagtail purges a page's addresses when it is published, unpublished or moved.
# Other changes (an actor approved, seats taken) reach it within
# MAILLAGE_PAGE_CACHE_PROXY_SECONDS: keep that short.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("MAILLAGE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["MAILLAGE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_BEARER_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["CLOUDFLARE_BEARER_TOKEN"],
        "ZONEID": os.environ.get("CLOUDFLARE_ZONEID", ""),
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")

EMAIL_BACKEND = os.environ.get("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Maillage <ne-pas-repondre@maillage.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
MAILLAGE_OFFICER_EMAIL = os.environ.get("MAILLAGE_OFFICER_EMAIL", "communication@maillage.localhost")
# Months contact messages are kept before purge_personal_data deletes them.
MAILLAGE_CONTACT_RETENTION_MONTHS = int(os.environ.get("MAILLAGE_CONTACT_RETENTION_MONTHS", "24"))
# The sender of La Lettre and of alerts (bulk emails); empty: the site's name
# and the address of DEFAULT_FROM_EMAIL.
MAILLAGE_SENDER_NAME = os.environ.get("MAILLAGE_SENDER_NAME", "")
MAILLAGE_SENDER_EMAIL = os.environ.get("MAILLAGE_SENDER_EMAIL", "")

# Background work (Django's task framework, django-tasks). Wagtail's own
# small tasks run at once, in the request ("default"); subscription emails
# are queued in the database ("mail") and a worker sends them, a batch of
# MAILLAGE_MAIL_BATCH_SIZE every MAILLAGE_MAIL_BATCH_INTERVAL seconds:
# manage.py db_worker --backend mail (README, "Production").
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "mail": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
MAILLAGE_SUBSCRIPTIONS_TASK_BACKEND = "mail"
# An officer's "import now" of a funding source: the same worker runs it,
# resuming after its last saved row if it stopped (in development, at once).
MAILLAGE_FUNDING_TASK_BACKEND = "mail"
MAILLAGE_SUBSCRIPTIONS_BATCH_SIZE = int(os.environ.get("MAILLAGE_MAIL_BATCH_SIZE", "200"))
MAILLAGE_SUBSCRIPTIONS_BATCH_INTERVAL = int(os.environ.get("MAILLAGE_MAIL_BATCH_INTERVAL", "60"))

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Content-Security-Policy (django-csp), in every environment, so the browser
# tests see what production sends. The public templates carry no inline
# script, event handler or style attribute: scripts and styles are files of
# the site's own origin. JSON-LD (<script type="application/ld+json">) needs
# no nonce: a data block is never executed, so browsers do not submit it to
# script-src (the browser tests check that it raises no violation), and
# pages without nonces can be cached whole.
# Frames: the hosts behind the oEmbed providers the editorial media block
# accepts (YouTube, Vimeo, SoundCloud); a network with its own PeerTube
# instance, or media on another host, adds it in MAILLAGE_CSP_FRAME_SRC /
# MAILLAGE_CSP_IMG_SRC (comma-separated sources, e.g. https://video.example.org).
CONTENT_SECURITY_POLICY = {
    # Not on the admin: Wagtail 8's page editor runs inline scripts (some
    # its own bundle writes) and shows avatars from Gravatar, so the admin
    # gets no policy rather than a weakened one. The userbar Wagtail adds
    # to public pages for editors keeps to this policy (its scripts and
    # styles are files; a browser test checks it). Documents keep the
    # stricter policy Wagtail gives them (WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT).
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *env_list("MAILLAGE_CSP_IMG_SRC")],
        "frame-src": [
            "https://www.youtube.com",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
            "https://w.soundcloud.com",
            *env_list("MAILLAGE_CSP_FRAME_SRC"),
        ],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    },
}

# Search: SEARCH_URL selects the engine (see maillage_core.search.config);
# unset, Wagtail's database backend answers.
SEARCH_URL = os.environ.get("SEARCH_URL", "")
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "maillage_")
# Copies of each index on other engine nodes: none on the one-node engine of
# development (so it reports green); production reads SEARCH_REPLICAS.
SEARCH_REPLICAS = int(os.environ.get("SEARCH_REPLICAS", "0"))
WAGTAILSEARCH_BACKENDS = search_backends(
    SEARCH_URL,
    index_prefix=SEARCH_INDEX_PREFIX,
    timeout=float(os.environ.get("SEARCH_TIMEOUT", "1")),
    replicas=SEARCH_REPLICAS,
)

# The reverse proxies in front of the site that append to X-Forwarded-For
# (one nginx: 1). Rate limits and the sign-in lockout count visitors by the
# address the nearest of them saw; 0 trusts no header at all.
MAILLAGE_TRUSTED_PROXY_HOPS = int(os.environ.get("MAILLAGE_TRUSTED_PROXY_HOPS", "0"))

# One sign-in policy for the admin's login and the members' (see
# maillage_core.logins): after AXES_FAILURE_LIMIT failures for one account
# name from one address, that pair waits AXES_COOLOFF_TIME. Tests sign people
# in with client.force_login (client.login gives authenticate() no request).
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = int(os.environ.get("MAILLAGE_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("MAILLAGE_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"]]
AXES_CLIENT_IP_CALLABLE = "maillage_core.antispam.client_address"
AXES_LOCKOUT_CALLABLE = "maillage_core.logins.locked_out"
AXES_RESET_ON_SUCCESS = True  # failures count since the last success
AXES_DISABLE_ACCESS_LOG = True  # no history of who signed in from where

# Members of working groups sign in on the groups plugin's page (the admin
# keeps its own); members-only pages and documents send visitors there.
LOGIN_URL = "maillage_groups:login"

WAGTAIL_SITE_NAME = os.environ.get("MAILLAGE_SITE_NAME", "Maillage")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "odp", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "svg"]  # svg: the network's logo (Settings › Identity)
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "maillage": {"handlers": ["console"], "level": os.environ.get("MAILLAGE_LOG_LEVEL", "INFO")},
        "opensearch": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "elastic_transport": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "modelsearch.index": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}
