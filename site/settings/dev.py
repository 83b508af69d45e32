import os

from .base import *  # noqa: F403
from .base import TASKS, env_bool

DEBUG = env_bool("DJANGO_DEBUG", True)
MAILLAGE_PAGE_CACHE_SECONDS = int(os.environ.get("MAILLAGE_PAGE_CACHE_SECONDS", "0"))
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

# The userbar's accessibility checker runs the whole WCAG 2.1 A/AA rule set
# (home.userbar, through Wagtail's construct_wagtail_userbar hook).
MAILLAGE_FULL_ACCESSIBILITY_CHECKER = True

# `make run` starts no worker: an issue sent from the admin goes out in the
# request itself, all batches at once (set MAILLAGE_DEV_WORKER=1 to queue it
# for `manage.py db_worker --backend mail` as production does).
if not env_bool("MAILLAGE_DEV_WORKER", False):
    TASKS = {**TASKS, "mail": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    MAILLAGE_SUBSCRIPTIONS_BATCH_INTERVAL = 0
