"""A minimal Wagtail project with only maillage-core installed beside the groups plugin."""

from maillage_core.testing.testsite_settings import *  # noqa: F403
from maillage_core.testing.testsite_settings import INSTALLED_APPS, search_backends_for

INSTALLED_APPS = [
    "maillage_groups",
    *INSTALLED_APPS,
    # Meetings' sub-views (archives, feeds, .ics) and the sitemap's privacy.
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "django.contrib.sitemaps",
]
ROOT_URLCONF = "groups_testsite.urls"
WAGTAIL_SITE_NAME = "Groups tests"
WAGTAILSEARCH_BACKENDS = search_backends_for("groupstest")
MEDIA_URL = "/media/"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
DEFAULT_FROM_EMAIL = "Groupes <groupes@example.org>"
MAILLAGE_OFFICER_EMAIL = "officer@groups.test"
WAGTAILDOCS_EXTENSIONS = ["pdf", "txt", "odt"]
# The plugin's sign-in page is the site's: members-only pages send there.
LOGIN_URL = "maillage_groups:login"
