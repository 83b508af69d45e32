"""A minimal Wagtail project with only maillage-core beside the plugin."""

from maillage_core.testing.testsite_settings import *  # noqa: F403
from maillage_core.testing.testsite_settings import INSTALLED_APPS, database, search_backends_for

INSTALLED_APPS = ["maillage_training", *INSTALLED_APPS]
ROOT_URLCONF = "training_testsite.urls"
# A file, not memory: the race tests open one connection per thread, as
# worker processes would (the conftest gives the test database a file).
# Registrations count seats and insert in one transaction: writers queue at
# BEGIN instead of failing with "database is locked".
DATABASES = database(NAME="training-tests.sqlite3", OPTIONS={"transaction_mode": "IMMEDIATE", "timeout": 20})
DEFAULT_FROM_EMAIL = "Formations <formations@example.org>"
WAGTAIL_SITE_NAME = "Training tests"
WAGTAILSEARCH_BACKENDS = search_backends_for("trainingtest")
