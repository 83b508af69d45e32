"""A minimal Wagtail project with only maillage-core installed beside the directory."""

from maillage_core.testing.testsite_settings import *  # noqa: F403
from maillage_core.testing.testsite_settings import INSTALLED_APPS, search_backends_for

INSTALLED_APPS = ["maillage_directory", *INSTALLED_APPS]
ROOT_URLCONF = "directory_testsite.urls"
WAGTAIL_SITE_NAME = "Directory tests"
WAGTAILSEARCH_BACKENDS = search_backends_for("dirtest")
MAILLAGE_OFFICER_EMAIL = "officer@directory.test"
