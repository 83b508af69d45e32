"""The parts of every page that change only when the officer edits the
site: the main menu and the footer.

They cost several queries on each page view (the menu's pages and their
privacy, the network settings and the pages they link to), yet are the same
for every visitor of a site in a given language. They are kept in the cache
under a version that changes whenever a page is published, unpublished,
moved or deleted, privacy changes, or the settings or sites are saved.
"""

from django.utils.translation import get_language

from maillage_core.versioned_cache import VersionedCache

CHROME = VersionedCache("maillage:chrome")
TIMEOUT = 24 * 3600

#: The chrome's version, for what is kept along with it (the site of a host
#: name, the home page's content).
version = CHROME.version

#: The menu or the footer may differ from now on (a signal receiver).
changed = CHROME.changed


def cached(part, site, build):
    """``build()``'s result for this site and language, from the cache when fresh."""
    return CHROME.get_or_build((part, site.pk, get_language()), build, TIMEOUT)


def connect_signals():
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from .models.settings import NetworkSettings

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(changed, dispatch_uid=f"maillage_chrome_{signal}")
    for model in (PageViewRestriction, NetworkSettings, Site):
        post_delete.connect(changed, sender=model, dispatch_uid=f"maillage_chrome_delete_{model.__name__}")
    for model in (PageViewRestriction, Site):
        post_save.connect(changed, sender=model, dispatch_uid=f"maillage_chrome_save_{model.__name__}")
    post_save.connect(settings_saved, sender=NetworkSettings, dispatch_uid="maillage_chrome_save_NetworkSettings")
    post_delete.connect(page_deleted, dispatch_uid="maillage_chrome_page_delete")


def settings_saved(sender, instance, created, **kwargs):
    # ``NetworkSettings.for_site()`` creates the row, with its defaults, the
    # first time a page is drawn: the chrome being built is already right, and
    # forgetting it would make the next visitor rebuild it for nothing.
    if not created:
        changed()


def page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        changed()
