"""The page cache's settings, each with its default.

Read once and kept: a kept page is answered in a fraction of a
millisecond, and every read through Django's lazy settings costs a few
microseconds. A settings change (a test's ``settings`` fixture,
``override_settings``) forgets them.
"""

from functools import cache

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils import translation

MESSAGES_COOKIE = "messages"  # django.contrib.messages' cookie storage


@cache
def seconds():
    """How long a page is kept at most (0: no page cache). Changes renew it
    sooner; the limit bounds what depends on the date alone ("closing
    soon", "upcoming")."""
    return getattr(settings, "MAILLAGE_PAGE_CACHE_SECONDS", 300)


@cache
def settle_seconds():
    """How long after a change a drawn page is not kept: the engine makes a
    change searchable within its refresh interval (one second)."""
    return getattr(settings, "MAILLAGE_PAGE_CACHE_SETTLE_SECONDS", 1.5)


@cache
def version_seconds():
    """How long a worker trusts the content version it read (another
    worker's change shows within that delay)."""
    return getattr(settings, "MAILLAGE_PAGE_CACHE_VERSION_SECONDS", 0.5)


@cache
def memory_bytes():
    """How much of each worker's memory its most asked pages may take."""
    return getattr(settings, "MAILLAGE_PAGE_CACHE_MEMORY_BYTES", 32 * 1024 * 1024)


@cache
def proxy_seconds():
    """``s-maxage`` given to a reverse proxy or CDN (0: it must ask again)."""
    return getattr(settings, "MAILLAGE_PAGE_CACHE_PROXY_SECONDS", 0)


@cache
def skipped_paths():
    """The admin, documents (their view checks who asks), static files and media."""
    paths = getattr(settings, "MAILLAGE_PAGE_CACHE_SKIP_PATHS", ("/admin/", "/django-admin/", "/documents/"))
    served = [url for url in (settings.STATIC_URL, settings.MEDIA_URL) if url and str(url).startswith("/")]
    return (*paths, *served)


#: How many raw hosts a worker remembers as validated (a site has a few names).
VALIDATED_HOSTS = 32


@cache
def validated_hosts():
    """Raw Host (and forwarded host) headers already checked against
    ALLOWED_HOSTS, with the host each gave; emptied with the settings."""
    return {}


@cache
def session_cookies():
    return (settings.SESSION_COOKIE_NAME, MESSAGES_COOKIE)


@cache
def languages():
    """(language cookie, languages offered, default, whether LocaleMiddleware chooses)."""
    return (settings.LANGUAGE_COOKIE_NAME, frozenset(dict(settings.LANGUAGES)), settings.LANGUAGE_CODE,
            "django.middleware.locale.LocaleMiddleware" in settings.MIDDLEWARE)


def language_of(request):
    """The language the page will be drawn in, before any middleware chose it."""
    cookie, offered, default, locale_middleware = languages()
    if locale_middleware:
        return translation.get_language_from_request(request)
    chosen = request.COOKIES.get(cookie, "")
    return chosen if chosen in offered else default


@receiver(setting_changed)
def forget(**kwargs):
    for read in (seconds, settle_seconds, version_seconds, memory_bytes, proxy_seconds, skipped_paths, validated_hosts,
                 session_cookies, languages):
        read.cache_clear()
    from . import forget_seen_version

    forget_seen_version()  # the cache itself may be another one now
