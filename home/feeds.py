"""RSS 2.0 and Atom feeds of a news index (``<index>/rss/``, ``<index>/atom/``).

Django's syndication framework, fed with the same public, published items as
the listing: drafts, scheduled items and pages under a private section never
appear.
"""

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Site

FEED_SIZE = 20


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index):
        super().__init__()
        self.index = index

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index

    def site_name(self):
        site = Site.find_for_request(self.request)
        return site.site_name if site and site.site_name else "Maillage"

    def title(self, index):
        return f"{index.title} · {self.site_name()}"

    def link(self, index):
        return index.get_full_url(request=self.request)

    def description(self, index):
        return index.intro or _("The latest news of %(site)s.") % {"site": self.site_name()}

    def feed_url(self, index):
        return self.request.build_absolute_uri()

    def items(self, index):
        return index.news().with_tags()[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_full_url(request=self.request)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return timezone.localtime(item.last_published_at) if item.last_published_at else item.published_at

    def item_categories(self, item):
        # Both prefetched by the listing queryset: no query per item.
        return [category.name for category in item.categories.all()] + [t.tag.name for t in item.tagged_items.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, index):
        return self.description(index)
