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

from . import CONTENT, conf, current_version, refusals
from .entries import Entry
from .recent import RECENT

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
        entry = kept(parts, version, seconds)
        if entry is not None:
            return entry.response(request, HIT)

        reasons, token = refusals.watch()
        try:
            response = self.get_response(request)
        finally:
            refusals.close(token)
        if reasons:
            # Drawn in a passing state (an engine outage): this visitor's
            # page, not the next one's; nor a proxy's.
            patch_cache_control(response, no_cache=True, max_age=0)
        elif request.method == "GET" and cacheable_response(request, response):
            entry = Entry.of(request, response)
            if entry is not None:
                proxy_headers(response, entry)
                # The engine shows a change up to a second after it is saved:
                # a page drawn that soon after the last change may predate it.
                if time.time_ns() - version >= conf.settle_seconds() * 1e9:
                    entry.headers["Cache-Control"] = response["Cache-Control"]
                    keep(parts, entry, version, seconds)
        response.headers.setdefault("X-Page-Cache", MISS)
        return response


def kept(parts, version, seconds):
    """The entry kept for this address: from this worker's memory, else
    from the shared cache (and then in memory for the next visitors)."""
    now = time.time()
    entry = RECENT.get(parts, version, now)
    if entry is None:
        value = CONTENT.get(parts, version)
        if value is None:
            return None
        entry = Entry.load(value, seconds)
        if entry.expires <= now:
            return None
        RECENT.put(parts, entry, version, conf.memory_bytes())
    return entry


def keep(parts, entry, version, seconds):
    value = entry.dump()
    CONTENT.set(parts, value, seconds, version)
    RECENT.put(parts, Entry.load(value, seconds), version, conf.memory_bytes())


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
    """A 200 for anyone (cookies are looked at by ``Entry.of``: a form's CSRF token may be kept)."""
    if response.status_code != 200 or response.streaming:
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def page_key(request):
    """Site, address (query string included), language and scheme."""
    return ("page2", host_of(request), request.get_full_path(), conf.language_of(request), request.scheme)


def host_of(request):
    """``request.get_host()``, remembered for each raw host a worker has
    validated: the check against ALLOWED_HOSTS costs more than the rest of
    the key. A host not allowed still raises DisallowedHost (a 400)."""
    meta = request.META
    raw = (meta.get("HTTP_X_FORWARDED_HOST"), meta.get("HTTP_HOST"), meta.get("SERVER_NAME"), meta.get("SERVER_PORT"))
    validated = conf.validated_hosts()
    host = validated.get(raw)
    if host is None:
        host = request.get_host()
        if len(validated) < conf.VALIDATED_HOSTS:
            validated[raw] = host
    return host


def proxy_headers(response, entry):
    """What a reverse proxy or CDN in front may do with a public page, unless
    the view said it itself (robots.txt keeps its day). A page with a form
    carries each visitor's own token: no shared cache may hold it."""
    if entry.csrf:
        patch_cache_control(response, private=True, max_age=0)
        return
    if response.has_header("Cache-Control"):
        return
    seconds = conf.proxy_seconds()
    if seconds:
        patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)
    else:
        patch_cache_control(response, max_age=0)
