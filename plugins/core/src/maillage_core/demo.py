"""What every plugin's demo loader shares.

The demo's content lives in JSON files shipped as package data beside each
plugin's loader (``maillage_<plugin>/demo/*.json``): a production site
imports neither the loaders nor their data, since a plugin's
``maillage_demo_content`` hook imports its loader only when the demo is
asked for (``manage.py maillage_demo``).
"""

import json
from importlib import resources

from django.utils import timezone
from wagtail.models import Site


def read(package, name):
    """The demo data file ``name`` of ``package`` (a dotted module name)."""
    return json.loads(resources.files(package).joinpath(name).read_text(encoding="utf-8"))


def default_root():
    """The default site's root page, or None in a site that has none yet."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site.root_page if site is not None else None


def find_index_page(model, slug):
    """The plugin's index page: the one with the demo's slug, else the first
    of its class (a host's own), else None."""
    return model.objects.filter(slug=slug).first() or model.objects.first()


def ensure_index_page(model, *, slug, with_revision=True, **fields):
    """(page, created): the plugin's index page (``find_index_page``), or a
    new one made under the default site's root page (published; without a
    revision when ``with_revision`` is off, which keeps a bulk demo short).
    (None, False) when there is no default site, which a bare ``wagtail
    start`` project always has."""
    page = find_index_page(model, slug)
    if page is not None:
        return page, False
    root = default_root()
    if root is None:
        return None, False
    if with_revision:
        page = root.add_child(instance=model(slug=slug, **fields))
        page.save_revision().publish()
    else:
        page = root.add_child(instance=published(model(slug=slug, **fields)))
    return page, True


def published(page):
    """An unsaved page marked live, for demo pages saved without revisions."""
    now = timezone.now()
    page.live = True
    page.first_published_at = page.first_published_at or now
    page.last_published_at = page.last_published_at or now
    return page
