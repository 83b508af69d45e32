"""Settings shared by the minimal Wagtail projects in which each plugin's
own tests run standalone, with only maillage-core beside the plugin.

A plugin's test project layers on top of these, as Django projects layer
their settings::

    from maillage_core.testing.testsite_settings import *  # noqa: F403
    from maillage_core.testing.testsite_settings import INSTALLED_APPS, search_backends_for

    INSTALLED_APPS = ["maillage_directory", *INSTALLED_APPS]
    ROOT_URLCONF = "directory_testsite.urls"
    WAGTAILSEARCH_BACKENDS = search_backends_for("dirtest")
"""

import os
from datetime import timedelta
from pathlib import Path

from maillage_core.search.config import search_backends

SECRET_KEY = "maillage-plugin-tests-only"
DEBUG = False
ALLOWED_HOSTS = ["*"]
USE_TZ = True
TIME_ZONE = "Europe/Paris"
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]

INSTALLED_APPS = [
    "maillage_core",
    "wagtail.images",
    "wagtail.documents",
    "wagtail.embeds",  # with typed tables: the editorial blocks of maillage_core.blocks
    "wagtail.contrib.typed_table_block",
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
    "axes",
]
MIDDLEWARE = [
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Last: it turns a sign-in refused by the lockout into its page.
    "axes.middleware.AxesMiddleware",
]
# A strict Content-Security-Policy, as host sites may send: the browser
# tests fail on any inline script, event handler or style attribute of the
# plugin's pages (maillage_core.testing.csp).
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    },
}
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # The host's base.html that plugin pages extend (maillage_core/base.html).
        "DIRS": [Path(__file__).resolve().parent / "templates"],
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


def database(**sqlite):
    """SQLite by default (``sqlite`` overrides its entry), or ``DATABASE_URL``
    when CI points the suites at PostgreSQL."""
    if os.environ.get("DATABASE_URL"):
        import dj_database_url

        return {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}
    return {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:", **sqlite}}


def search_backends_for(name):
    """The engine named by ``SEARCH_URL`` (the database backend without it),
    under index names no other suite or process uses."""
    return search_backends(os.environ.get("SEARCH_URL"), index_prefix=f"maillage_{name}_{os.getpid()}_", replicas=0)


DATABASES = database()
STATIC_URL = "/static/"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"

# The site's sign-in policy (maillage_core.logins), so that a plugin's login
# forms are tested as a site runs them. Tests sign people in with
# client.force_login: client.login gives authenticate() no request, which
# the lockout needs.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"]]
AXES_CLIENT_IP_CALLABLE = "maillage_core.antispam.client_address"
AXES_LOCKOUT_CALLABLE = "maillage_core.logins.locked_out"
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
