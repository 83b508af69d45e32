from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DJANGO_DEBUG", True)
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

# The userbar's accessibility checker runs the whole WCAG 2.1 A/AA rule set
# (home.userbar, through Wagtail's construct_wagtail_userbar hook).
MAILLAGE_FULL_ACCESSIBILITY_CHECKER = True
