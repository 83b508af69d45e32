"""A minimal Wagtail project with only maillage-core installed beside funding."""

from maillage_core.testing.testsite_settings import *  # noqa: F403
from maillage_core.testing.testsite_settings import INSTALLED_APPS, search_backends_for

INSTALLED_APPS = ["maillage_funding", *INSTALLED_APPS, "django_tasks", "django_tasks_db"]
ROOT_URLCONF = "funding_testsite.urls"
WAGTAIL_SITE_NAME = "Funding tests"
WAGTAILSEARCH_BACKENDS = search_backends_for("fundtest")
MAILLAGE_OFFICER_EMAIL = "officer@funding.test"
MAILLAGE_SUBSCRIPTIONS_BATCH_INTERVAL = 0
