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

from datetime import timedelta

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils import timezone, translation

from .page_cache import conf, current_version

_memo = {"version": None, "values": {}}


@receiver(setting_changed)
def forget(**kwargs):
    """A value may read a setting (a label, a number of items): a settings
    change (a test's ``settings``, ``override_settings``) forgets them all."""
    _memo["version"], _memo["values"] = None, {}


def current_values():
    """This process's values under the current content version (emptied when it changes)."""
    version = current_version(conf.version_seconds())
    if _memo["version"] != version:
        _memo["version"], _memo["values"] = version, {}
    return _memo["values"]


def remembered(key, build, *, until=None):
    """``build()``'s value for ``key`` under the current content version;
    ``until(value)``, when given, is the moment the value goes stale anyway
    (what is "upcoming" changes with the clock)."""
    values = current_values()
    entry = values.get(key)
    if entry is None or (entry[1] is not None and timezone.now() >= entry[1]):
        value = build()
        entry = values[key] = (value, until(value) if until else None)
    return entry[0]


#: What depends on the clock alone ("upcoming", "open") is kept no longer.
ANONYMOUS_SECONDS = 60


def for_anonymous(request, key, build, *, until=None):
    """``build()``'s value, the same for every anonymous visitor of the
    request's site in its language: kept as ``remembered`` does, a minute at
    most. Signed-in people (who may see members-only items) and requests
    without a user get ``build()`` itself."""
    if not getattr(getattr(request, "user", None), "is_anonymous", False):
        return build()
    from wagtail.models import Site

    def stale_at(value):
        latest = timezone.now() + timedelta(seconds=ANONYMOUS_SECONDS)
        sooner = until(value) if until else None
        return min(latest, sooner) if sooner else latest

    full_key = (*key, getattr(Site.find_for_request(request), "root_page_id", None), translation.get_language())
    return remembered(full_key, build, until=stale_at)


def rendition_cache_key(key, key_prefix, version):
    """A process's cache of image renditions (settings' ``CACHES["renditions"]``)
    keyed under the content version: another worker's change to an image (a
    file replaced) is not answered from this process's former renditions."""
    return f"{key_prefix}:{version}:{current_version(conf.version_seconds())}:{key}"
