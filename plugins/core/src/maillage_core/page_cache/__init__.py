"""One cache for the pages anonymous visitors see.

A page is kept whole (status, headers, body) under the site's **content
version**: the time of the last change to anything a public page may show.
Any such change renews the version, so every kept page is stale at once on
every worker (the version lives in the shared cache), without knowing which
pages showed what. Changes are found by signal (``signals``): every model
save or delete except those of models that never reach a public page, and
Wagtail's publish, unpublish and move. A plugin that writes with
``QuerySet.update()`` or ``bulk_create()`` (no signal) calls
``content_changed()`` itself.

What is never kept: a visitor with a session (signed in, or holding
messages), a response that sets a cookie (but a form's CSRF token: see
``tokens``), a ``private`` or ``no-store`` response, anything but a 200,
the admin. Each worker holds the pages it answered last in its memory too
(``recent``), in front of the shared cache.
See ``middleware`` for the exact rules, and the README for a reverse proxy
or CDN in front.
"""

import time

from ..versioned_cache import VersionedCache

#: The content version the page cache (and a page's costly cached fragments) key on.
CONTENT = VersionedCache("maillage:content")

# The version as this process last read it, and until when it may trust it:
# a kept page then costs one cache read, not two. Another worker's change
# reaches this one within ``MAILLAGE_PAGE_CACHE_VERSION_SECONDS``; this
# process's own changes at once.
_seen = {"version": None, "until": 0.0}


def content_changed(**kwargs):
    """Every kept page is stale from now on (usable as a signal receiver)."""
    CONTENT.changed()
    forget_seen_version()


def forget_seen_version():
    """Read the version from the cache next time (it was changed or cleared),
    and forget the pages this worker holds in memory."""
    from .recent import RECENT

    _seen["version"] = None
    RECENT.clear()


def current_version(trusted_for):
    now = time.monotonic()
    if _seen["version"] is None or now >= _seen["until"]:
        _seen["version"], _seen["until"] = CONTENT.version(), now + trusted_for
    return _seen["version"]
