"""The parts of every page that change only when the officer edits the
site: the main menu, the footer, the network's structured data, and which
site a host name serves.

They cost several queries on each page view (the menu's pages and their
privacy, the network settings and the pages they link to), yet are the same
for every visitor of a site in a given language. Each process keeps them
under core's content version (``maillage_core.content_memo``), which every
change they may show renews: a page published, unpublished, moved or
deleted, a view restriction, the network or identity settings, a site.
Another worker's change is seen within the page cache's version delay.

Kept values are shared by the requests of the process: callers copy what
they change (the menu marks the current section on its own items).
"""

from django.utils.translation import get_language

from maillage_core.content_memo import remembered


def cached(part, site, build):
    """``build()``'s result for this site and language, built once per content version."""
    return remembered(("chrome", part, site.pk, get_language()), build)
