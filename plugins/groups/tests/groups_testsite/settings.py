"""A minimal Wagtail project with only maillage-core installed beside the groups plugin."""

import os

from maillage_core.search.config import search_backends

SECRET_KEY = "groups-tests-only"
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "groups_testsite.urls"
USE_TZ = True
TIME_ZONE = "Europe/Paris"
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]

INSTALLED_APPS = [
    "maillage_groups",
    "maillage_core",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.images",
    "wagtail.documents",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.sites",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_countries",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
if os.environ.get("DATABASE_URL"):
    import dj_database_url

    DATABASES["default"] = dj_database_url.parse(os.environ["DATABASE_URL"])
STATIC_URL = "/static/"
MEDIA_URL = "/media/"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
DEFAULT_FROM_EMAIL = "Groupes <groupes@example.org>"
MAILLAGE_OFFICER_EMAIL = "officer@groups.test"
WAGTAIL_SITE_NAME = "Groups tests"
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILDOCS_EXTENSIONS = ["pdf", "txt", "odt"]
# The plugin's sign-in page is the site's: members-only pages send there.
LOGIN_URL = "maillage_groups:login"
WAGTAILSEARCH_BACKENDS = search_backends(
    os.environ.get("SEARCH_URL"), index_prefix=f"maillage_groupstest_{os.getpid()}_"
)
