"""Figures of the directory (home page, country pages), kept in the cache.

Counting countries means reading every published actor's list, too slow
to do on each home-page view at 100,000 actors: the figures are cached and
forgotten whenever an actor is saved or deleted (and after an import).
"""

from collections import Counter
from dataclasses import dataclass, field

from django.core.cache import cache

from .models import Actor

CACHE_KEY = "maillage_directory:statistics:v2"
TIMEOUT = 6 * 3600


@dataclass(frozen=True)
class Statistics:
    actors: int
    countries: int
    per_country: dict = field(default_factory=dict)  # code: published actors working there


def statistics() -> Statistics:
    found = cache.get(CACHE_KEY)
    if found is None:
        codes = Counter()
        for stored in Actor.objects.live().values_list("countries", flat=True).iterator(chunk_size=5000):
            codes.update(code for code in (stored or "").split(",") if code)
        found = Statistics(actors=Actor.objects.live().count(), countries=len(codes), per_country=dict(codes))
        cache.set(CACHE_KEY, found, TIMEOUT)
    return found


def forget():
    """Actors changed: the figures and every cached listing are stale."""
    from .listing_cache import data_changed

    cache.delete(CACHE_KEY)
    data_changed()
