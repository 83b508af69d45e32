"""The home page's content, kept for anonymous visitors for a short while.

The home page gathers what every installed plugin contributes (figures,
upcoming trainings, latest offers, actors…): a few dozen queries, the most
expensive page of the site, and the one most visited. Its content block is
kept in the cache for ``MAILLAGE_HOME_CACHE_SECONDS`` (60 by default, 0 turns
it off), under the site's content version (``maillage_core.page_cache``): any change a
public page may show
(a page published, seats taken, an actor approved) renews it at once. It
spares the first visitor after a page-cache miss the plugins' queries when
nothing they show has changed. Signed-in visitors and previews always get it
fresh: a plugin may show a visitor something of their own, and a preview
shows a draft.
"""

import functools

from django.conf import settings

DEFAULT_SECONDS = 60


def seconds_for(request):
    """How long this visitor's home content may be kept (0: not at all)."""
    seconds = getattr(settings, "MAILLAGE_HOME_CACHE_SECONDS", DEFAULT_SECONDS)
    user = getattr(request, "user", None)
    if not seconds or getattr(request, "is_preview", False) or (user is not None and user.is_authenticated):
        return 0
    return seconds


def on_demand(function, *args):
    """A value the template computes on first use, once (templates call
    callables; a cached fragment never asks)."""

    @functools.cache
    def value():
        return function(*args)

    return value
