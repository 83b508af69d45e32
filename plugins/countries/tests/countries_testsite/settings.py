"""A minimal Wagtail project with only maillage-core installed beside the country pages."""

from maillage_core.testing.testsite_settings import *  # noqa: F403
from maillage_core.testing.testsite_settings import INSTALLED_APPS, search_backends_for

INSTALLED_APPS = ["maillage_countries", *INSTALLED_APPS]
ROOT_URLCONF = "countries_testsite.urls"
WAGTAIL_SITE_NAME = "Countries tests"
WAGTAILSEARCH_BACKENDS = search_backends_for("countriestest")
