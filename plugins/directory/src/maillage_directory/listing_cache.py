"""Rendered directory listings, kept for the next visitor who asks the same.

A listing depends only on the query, the visitor's language, the directory
page and the published actors and vocabulary: it is the same for every
visitor. The rendered block (results, facets, map) is cached under a
version that changes whenever an actor or the vocabulary changes, so a
cached listing is never older than the data. Only clean queries are kept:
a request that produced a notice (junk parameters) or a degraded answer
(engine outage) is rendered each time and never stored.
"""

import hashlib
import time

from django.core.cache import cache

from . import conf

VERSION_KEY = "maillage_directory:listing-version"
# The engine shows a change after its refresh interval (1 s by default):
# listings rendered within this many seconds of a change are not kept.
SETTLING_NS = 3 * 10**9


def data_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = time.time_ns()
        cache.add(VERSION_KEY, version, None)
    return version


def data_changed(**kwargs):
    """Every cached listing is stale from now on (signal receiver too)."""
    cache.set(VERSION_KEY, time.time_ns(), None)


def key(page, language, query):
    state = repr((page.pk, page.last_published_at, language, data_version(), query.params()))
    return "maillage_directory:listing:" + hashlib.sha256(state.encode()).hexdigest()


def get(page, language, query):
    if not conf.get("LISTING_CACHE_SECONDS"):
        return None
    return cache.get(key(page, language, query))


def put(page, language, query, rendered):
    seconds = conf.get("LISTING_CACHE_SECONDS")
    if seconds and time.time_ns() - data_version() > SETTLING_NS:
        cache.set(key(page, language, query), rendered, seconds)
