import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATA_DIR, DEV_SECRET_KEY, RENDITIONS_CACHE, env_bool

DEBUG = False

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY or SECRET_KEY == DEV_SECRET_KEY or len(SECRET_KEY) < 40:
    raise ImproperlyConfigured(
        "Set DJANGO_SECRET_KEY to a random value of 40 characters or more before running in production "
        '(python -c "import secrets; print(secrets.token_urlsafe(50))").'
    )
if not os.environ.get("DJANGO_ALLOWED_HOSTS"):
    raise ImproperlyConfigured("Set DJANGO_ALLOWED_HOSTS to the site's host names, separated by commas.")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Shared by every worker on the machine: rate limits must hold across them.
if "CACHE_URL" not in os.environ:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("DJANGO_CACHE_DIR", str(DATA_DIR / "cache")),
            # Pages, their query-string variants and both languages: more than
            # Django's default of 300 entries.
            "OPTIONS": {"MAX_ENTRIES": 20000},
        },
        "renditions": RENDITIONS_CACHE,
    }
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# HTTPS only. The proxy in front says which requests came over HTTPS; plain
# HTTP ones are sent to HTTPS, and browsers told to use nothing else for a
# year (DJANGO_SECURE_SSL_REDIRECT=0 when the proxy redirects itself, or for
# a local run over plain HTTP such as the benchmark's).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
# Off unless asked: with it, anyone may put the domain on the browsers'
# preload lists, which take months to leave. Django's deploy check warns of
# it being off (W021); that is the network's decision, not a setup mistake.
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Nothing frames the site's pages but Wagtail's previews, whose admin views
# allow their own origin themselves. Browsers that know CSP follow its
# frame-ancestors (base settings) rather than this header.
X_FRAME_OPTIONS = "DENY"
