"""A minimal Wagtail project with only maillage-core installed."""

from maillage_core.testing.testsite_settings import *  # noqa: F403
from maillage_core.testing.testsite_settings import INSTALLED_APPS, search_backends_for

INSTALLED_APPS = ["core_testsite", *INSTALLED_APPS, "django_tasks", "django_tasks_db"]
ROOT_URLCONF = "core_testsite.urls"
WAGTAIL_SITE_NAME = "Core tests"
WAGTAILSEARCH_BACKENDS = search_backends_for("coretest")
MAILLAGE_SUBSCRIPTIONS_BATCH_INTERVAL = 0
