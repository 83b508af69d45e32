"""A minimal Wagtail project with only maillage-core installed beside the barometer."""

from maillage_core.testing.testsite_settings import *  # noqa: F403
from maillage_core.testing.testsite_settings import INSTALLED_APPS, search_backends_for

INSTALLED_APPS = ["maillage_barometer", *INSTALLED_APPS, "django_tasks", "django_tasks_db"]
ROOT_URLCONF = "barometer_testsite.urls"
WAGTAIL_SITE_NAME = "Barometer tests"
WAGTAILSEARCH_BACKENDS = search_backends_for("barotest")
DEFAULT_FROM_EMAIL = "Réseau <contact@reseau.test>"
