"""The page cache's settings, each with its default."""

from django.conf import settings
from django.utils import translation

MESSAGES_COOKIE = "messages"  # django.contrib.messages' cookie storage


def seconds():
    """How long a page is kept at most (0: no page cache). Changes renew it
    sooner; the limit bounds what depends on the date alone ("closing
    soon", "upcoming")."""
    return getattr(settings, "MAILLAGE_PAGE_CACHE_SECONDS", 300)


def settle_seconds():
    """How long after a change a drawn page is not kept: the engine makes a
    change searchable within its refresh interval (one second)."""
    return getattr(settings, "MAILLAGE_PAGE_CACHE_SETTLE_SECONDS", 1.5)


def version_seconds():
    """How long a worker trusts the content version it read (another
    worker's change shows within that delay)."""
    return getattr(settings, "MAILLAGE_PAGE_CACHE_VERSION_SECONDS", 0.5)


def proxy_seconds():
    """``s-maxage`` given to a reverse proxy or CDN (0: it must ask again)."""
    return getattr(settings, "MAILLAGE_PAGE_CACHE_PROXY_SECONDS", 0)


def skipped_paths():
    return tuple(getattr(settings, "MAILLAGE_PAGE_CACHE_SKIP_PATHS", ("/admin/", "/django-admin/", "/documents/")))


def language_of(request):
    """The language the page will be drawn in, before any middleware chose it."""
    if "django.middleware.locale.LocaleMiddleware" in settings.MIDDLEWARE:
        return translation.get_language_from_request(request)
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    return chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
