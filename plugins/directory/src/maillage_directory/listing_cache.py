"""Rendered directory listings, kept for the next visitor who asks the same.

A listing depends only on the query, the visitor's language, the directory
page and the published actors and vocabulary: it is the same for every
visitor. The rendered block (results, facets, map) is cached under a
version that changes whenever an actor or the vocabulary changes, so a
cached listing is never older than the data. Only clean queries are kept:
a request that produced a notice (junk parameters) or a degraded answer
(engine outage) is rendered each time and never stored.
"""

import time

from maillage_core.versioned_cache import VersionedCache

from . import conf

LISTINGS = VersionedCache("maillage_directory:listing")
# The engine shows a change after its refresh interval (1 s by default):
# listings rendered within this many seconds of a change are not kept.
SETTLING_NS = 3 * 10**9

#: The time of the last change, in nanoseconds (the listings' version).
data_version = LISTINGS.version

#: Every cached listing is stale from now on (signal receiver too).
data_changed = LISTINGS.changed


def parts(page, language, query):
    return (page.pk, page.last_published_at, language, query.params())


def get(page, language, query):
    if not conf.get("LISTING_CACHE_SECONDS"):
        return None
    return LISTINGS.get(parts(page, language, query))


def put(page, language, query, rendered):
    seconds = conf.get("LISTING_CACHE_SECONDS")
    if seconds and time.time_ns() - data_version() > SETTLING_NS:
        LISTINGS.set(parts(page, language, query), rendered, seconds)
