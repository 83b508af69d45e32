import os
import tempfile
from pathlib import Path

from maillage_core.search.config import search_backends

from .base import *  # noqa: F403
from .base import DATABASES, SEARCH_URL, TASKS

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]
# The address the test client uses: canonical links and absolute URLs name it.
WAGTAILADMIN_BASE_URL = "http://testserver"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True

# Tests never touch the development index: their own prefix, one per run.
SEARCH_INDEX_PREFIX = f"maillage_test_{os.getpid()}_"

# On SQLite, a test database in a file, not in memory: the race tests'
# threads each open their own connection, as a server's workers would.
# Nothing in it is worth an fsync.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(Path(tempfile.gettempdir()) / f"maillage-test-{os.getpid()}.sqlite3")}
    DATABASES["default"]["OPTIONS"]["init_command"] = "PRAGMA synchronous=OFF"
# Longer than the site's 1 s: the suite shares two cores with the bare
# sites, and on a slow machine an index write outran 1 s, opened the circuit
# and failed the rest of its test. Outage tests still see a stalled engine
# (each stalled call waits this long).
SEARCH_TEST_TIMEOUT = float(os.environ.get("SEARCH_TEST_TIMEOUT", "3"))
WAGTAILSEARCH_BACKENDS = search_backends(
    SEARCH_URL, index_prefix=SEARCH_INDEX_PREFIX, timeout=SEARCH_TEST_TIMEOUT, replicas=0
)
MAILLAGE_SEARCH_CIRCUIT_COOLDOWN = 30

# Issues go out in the test's own thread, every batch at once; the tests of
# the worker switch "mail" to the database backend and run it in-process.
TASKS = {**TASKS, "mail": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MAILLAGE_SUBSCRIPTIONS_BATCH_INTERVAL = 0

# The page cache is on where a test asks for it (the ``page_cache`` fixture):
# elsewhere a kept page would answer with no query at all, and the tests
# that count queries as data grows would count nothing.
# MAILLAGE_TEST_PAGE_CACHE=1 runs every test through it, to look for
# changes that fail to renew it (query counts then prove nothing).
MAILLAGE_PAGE_CACHE_SECONDS = 300 if os.environ.get("MAILLAGE_TEST_PAGE_CACHE") == "1" else 0
MAILLAGE_PAGE_CACHE_SETTLE_SECONDS = 0
