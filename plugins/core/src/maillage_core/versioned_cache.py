"""Values built from data that changes rarely (a site's menu and footer, a
rendered directory listing, the vocabulary's options), kept in Django's
cache under a version renewed by every change of that data: one change
makes every value stale at once, without finding and deleting each.

The version is the time of the last change, in nanoseconds: a version lost
from the cache (evicted, cleared) starts again at a new number, never at
one whose values may still be there. A process never gives the same number
twice, even when its clock stands still (a test's stopped clock) or steps
back: values kept in memory under an older version would pass for fresh.
"""

import hashlib
import threading
import time

from django.core.cache import cache

_last = {"version": 0}
_lock = threading.Lock()


def new_version():
    """Now in nanoseconds, or just after the last version this process made."""
    with _lock:
        _last["version"] = max(time.time_ns(), _last["version"] + 1)
        return _last["version"]


class VersionedCache:
    """A family of cached values, e.g. ``VersionedCache("maillage:chrome")``."""

    def __init__(self, name):
        self.name = name
        self.version_key = f"{name}:version"

    def version(self):
        current = cache.get(self.version_key)
        if current is None:
            cache.add(self.version_key, new_version(), None)
            current = cache.get(self.version_key)  # another process's, if it added first
        return current

    def changed(self, **kwargs):
        """Every value kept so far is stale (a signal receiver too)."""
        cache.set(self.version_key, new_version(), None)

    def key(self, parts):
        """A key fit for any cache backend, whatever the parts hold."""
        return f"{self.name}:{hashlib.sha256(repr(parts).encode()).hexdigest()}"

    def get(self, parts, version=None):
        return cache.get(self.key(parts), version=version or self.version())

    def set(self, parts, value, timeout, version=None):
        cache.set(self.key(parts), value, timeout, version=version or self.version())

    def get_or_build(self, parts, build, timeout):
        """The value kept for ``parts``, else ``build()``'s, kept under the
        version current before building: a change during the build leaves
        it stale rather than passing it for fresh. None is never kept."""
        version = self.version()
        value = self.get(parts, version)
        if value is None:
            value = build()
            if value is not None:
                self.set(parts, value, timeout, version)
        return value
