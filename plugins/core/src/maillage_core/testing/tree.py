"""A page tree to test with, even after a transactional test flushed the
database (the tree Wagtail's migrations create is gone by then)."""

from wagtail.models import Collection, Locale, Page, Site


def ensure_site_tree(home_factory=None):
    """Return the default site's root page, creating root, locale and site
    if missing, and the root collection images and documents go in."""
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None:
        return site.root_page.specific
    Locale.objects.get_or_create(language_code="fr")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", live=True))
    home = root.add_child(instance=home_factory() if home_factory else Page(title="Accueil", slug="accueil"))
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Maillage")
    return home


def publish_child(parent, page):
    """Add ``page`` below ``parent`` and publish it, as an editor would."""
    page = parent.add_child(instance=page)
    page.save_revision().publish()
    return page
