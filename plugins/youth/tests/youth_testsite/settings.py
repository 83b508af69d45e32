"""A minimal Wagtail project with only maillage-core installed beside the youth space."""

from maillage_core.testing.testsite_settings import *  # noqa: F403
from maillage_core.testing.testsite_settings import INSTALLED_APPS, search_backends_for

INSTALLED_APPS = ["maillage_youth", *INSTALLED_APPS]
ROOT_URLCONF = "youth_testsite.urls"
WAGTAIL_SITE_NAME = "Youth tests"
WAGTAILSEARCH_BACKENDS = search_backends_for("youthtest")
MAILLAGE_OFFICER_EMAIL = "officer@youth.test"
