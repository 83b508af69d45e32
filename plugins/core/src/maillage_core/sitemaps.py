"""The XML sitemap: Wagtail's pages, and every public object page the
plugins serve below their pages (actors, offers, testimonies, training
sessions), which Wagtail's sitemap cannot know of.

Plugins contribute through the ``maillage_sitemap_entries`` hook
(``hooks.sitemap_entries``); a site serves both parts with
``path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap")``
(``wagtail.contrib.sitemaps.views.sitemap``).
"""

from dataclasses import dataclass
from datetime import datetime

from wagtail.contrib.sitemaps import Sitemap


@dataclass(frozen=True)
class SitemapEntry:
    """One public address: a path on the request's site, or a full URL."""

    location: str
    lastmod: datetime | None = None


def routed_entries(queryset, request, lastmod="updated_at"):
    """Entries of the routed snippets of ``queryset`` (``RoutedSnippetMixin``),
    all below the one page that lists them: its address is asked once."""
    first = queryset.first()
    page = first.listing_page(request) if first is not None else None
    base = page.get_url(request=request) if page is not None else None
    if not base:
        return []
    return [SitemapEntry(f"{base}{obj.route_part()}/", getattr(obj, lastmod, None)) for obj in queryset]


class ObjectSitemap(Sitemap):
    """The plugins' object pages (``maillage_sitemap_entries``)."""

    def items(self):
        from .hooks import sitemap_entries

        return sitemap_entries(self.request)

    def _urls(self, page, protocol, domain):
        root = self.get_wagtail_site().root_url.rstrip("/")
        urls = []
        for entry in self.paginator.page(page).object_list:
            location = entry.location if "://" in entry.location else f"{root}{entry.location}"
            urls.append({"item": entry, "location": location, "lastmod": entry.lastmod, "changefreq": None,
                         "priority": None, "alternates": []})
        return urls


SITEMAPS = {"pages": Sitemap, "objects": ObjectSitemap}
