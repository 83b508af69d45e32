"""Values derived from the content (which live page is the site's directory,
its address), kept in this process while the content version stays the same.

Every request of an uncached page otherwise asks the database again for the
same few pages (the directory, the offers board, the programme), two queries
each. The content version (``page_cache.CONTENT``) is renewed by any change a
public page may show, so a value kept under it is never staler than a kept
page: another worker's change reaches this one within the page cache's
version delay, this process's own at once.

Values are shared by every request of the process: callers must not change
them (a page found here is read, never edited or saved).
"""

from django.utils import timezone

from .page_cache import conf, current_version

_memo = {"version": None, "values": {}}


def remembered(key, build, *, until=None):
    """``build()``'s value for ``key`` under the current content version;
    ``until(value)``, when given, is the moment the value goes stale anyway
    (what is "upcoming" changes with the clock)."""
    version = current_version(conf.version_seconds())
    if _memo["version"] != version:
        _memo["version"], _memo["values"] = version, {}
    values = _memo["values"]
    entry = values.get(key)
    if entry is None or (entry[1] is not None and timezone.now() >= entry[1]):
        value = build()
        entry = values[key] = (value, until(value) if until else None)
    return entry[0]
