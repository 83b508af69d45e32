"""The parts of every page that change only when the officer edits the
site: the main menu and the footer.

They cost several queries on each page view (the menu's pages and their
privacy, the network settings and the pages they link to), yet are the same
for every visitor of a site in a given language. They are kept in the cache
under the site's content version (``maillage_core.page_cache``), which any
change to what a public page shows renews: pages, privacy, settings, sites.
"""

from django.utils.translation import get_language

from maillage_core.page_cache import CONTENT

CHROME = CONTENT
TIMEOUT = 24 * 3600

#: The chrome's version, for what is kept along with it (the site of a host
#: name, the home page's content).
version = CHROME.version

#: The menu or the footer may differ from now on (a signal receiver).
changed = CHROME.changed


def cached(part, site, build):
    """``build()``'s result for this site and language, from the cache when fresh."""
    return CHROME.get_or_build((part, site.pk, get_language()), build, TIMEOUT)
