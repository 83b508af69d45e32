"""``PageCacheMiddleware``: whole responses for anonymous visitors.

Put it first, so a page found in the cache is answered before any other
middleware runs; it carries the headers they gave it when it was drawn
(security headers included). Static files and media are skipped::

    MIDDLEWARE = [
        "maillage_core.page_cache.middleware.PageCacheMiddleware",
        "django.middleware.security.SecurityMiddleware",
        ...
    ]
"""

import time

from django.utils.cache import patch_cache_control

from . import CONTENT, conf, current_version
from .entries import Entry

HIT, MISS, PASS = "hit", "miss", "pass"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = conf.seconds()
        if not seconds or not cacheable_request(request):
            response = self.get_response(request)
            if visitor_has_session(request):
                # Whatever it shows may be theirs alone: no shared cache may keep it.
                patch_cache_control(response, private=True)
            response.headers.setdefault("X-Page-Cache", PASS)
            return response

        version = current_version(conf.version_seconds())
        parts = page_key(request)
        entry = CONTENT.get(parts, version)
        if entry is not None:
            return Entry.load(entry).response(HIT)

        response = self.get_response(request)
        if request.method == "GET" and cacheable_response(request, response):
            proxy_headers(response)
            # The engine shows a change up to a second after it is saved:
            # a page drawn that soon after the last change may predate it.
            if time.time_ns() - version >= conf.settle_seconds() * 1e9:
                CONTENT.set(parts, Entry.of(response).dump(), seconds, version)
        response.headers.setdefault("X-Page-Cache", MISS)
        return response


def visitor_has_session(request):
    cookies = request.COOKIES
    return any(name in cookies for name in conf.session_cookies())


def cacheable_request(request):
    if request.method not in ("GET", "HEAD") or visitor_has_session(request):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    return not request.path_info.startswith(conf.skipped_paths())


def cacheable_response(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def page_key(request):
    """Site, address (query string included), language and scheme."""
    return ("page", request.get_host(), request.get_full_path(), conf.language_of(request), request.scheme)


def proxy_headers(response):
    """What a reverse proxy or CDN in front may do with a public page, unless
    the view said it itself (robots.txt keeps its day)."""
    if response.has_header("Cache-Control"):
        return
    seconds = conf.proxy_seconds()
    if seconds:
        patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)
    else:
        patch_cache_control(response, max_age=0)
