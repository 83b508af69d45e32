"""News: an index page listing news items, filtered by category, tag and
year, with RSS and Atom feeds; and the news item itself."""

from datetime import datetime, time

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Page
from wagtail.search import index

from maillage_core.content_memo import remembered
from maillage_core.params import integer

from .. import structured_data
from ..blocks import NewsBodyBlock
from .listing import ListedPageQuerySet, listing_manager
from .pages import COUNTRIES_HELP, EditorialPageMixin

FILTER_PARAMETERS = ("category", "tag", "year")


class NewsCategory(models.Model):
    """A broad heading for news ("Vie du réseau", "Financements"…); tags are the finer words."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, help_text=_("Used in the filtered listing's address.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")

    def __str__(self):
        return self.name


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("home.NewsPage", related_name="tagged_items", on_delete=models.CASCADE)


class NewsPageQuerySet(ListedPageQuerySet):
    listing_order = ("-date", "-pk")
    card_image = "listing_image"

    def listed_in(self, ancestor):
        # Cards show the categories; the tags are the feeds' (``with_tags``).
        return super().listed_in(ancestor).prefetch_related("categories")

    def with_tags(self):
        return self.prefetch_related("tagged_items__tag")


class NewsIndexPage(RoutablePageMixin, EditorialPageMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)
    per_page = 10

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = ["home.NewsPage"]
    site_map_children = False
    # Each combination of filters is a page of its own; only the plain
    # listing (and its numbered pages) is worth indexing.
    listing_parameters = FILTER_PARAMETERS

    class Meta:
        verbose_name = _("news index")

    def get_meta_description(self):
        return self.search_description or self.intro

    def news(self):
        return NewsPage.objects.listed_in(self)

    def get_context(self, request, *args, **kwargs):
        from ..news_listing import news_listing

        context = super().get_context(request, *args, **kwargs)
        context.update(news_listing(request, self))
        return context

    def get_canonical_url(self, request=None):
        url = super().get_canonical_url(request)
        number, _error = integer(request, "page", minimum=2, maximum=10_000) if request is not None else (None, None)
        return f"{url}?page={number}" if url and number and not self.get_robots(request).startswith("noindex") else url

    @path("rss/", name="rss")
    def rss_feed(self, request):
        from ..feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        from ..feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)


class NewsPage(EditorialPageMixin, Page):
    date = models.DateField(
        _("date"), default=timezone.localdate, help_text=_("Shown on the item and used to order the news.")
    )
    intro = models.TextField(
        _("summary"), max_length=400, help_text=_("Two or three sentences shown in the listing, feeds and shares.")
    )
    listing_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown in listings and at the top of the item; its description in the image library is its text alternative."
        ),
    )
    body = StreamField(NewsBodyBlock(), blank=True, verbose_name=_("body"))
    categories = ParentalManyToManyField(
        NewsCategory, verbose_name=_("categories"), blank=True, related_name="news_pages"
    )
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))
    countries = CountryField(_("countries"), multiple=True, blank=True, help_text=COUNTRIES_HELP)

    objects = listing_manager(NewsPageQuerySet)

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("date"), FieldPanel("categories"), FieldPanel("tags"), FieldPanel("countries")],
                        _("Classification")),
        FieldPanel("intro"),
        FieldPanel("listing_image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []
    og_type = "article"

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    @property
    def published_at(self):
        """The item's date as a moment: its first publication when it fell on that day."""
        if self.first_published_at and timezone.localtime(self.first_published_at).date() == self.date:
            return self.first_published_at
        return timezone.make_aware(datetime.combine(self.date, time.min))

    def get_meta_description(self):
        return self.search_description or self.intro

    def get_social_image(self):
        return self.social_image or self.listing_image

    def classification(self, request=None):
        """(categories, tags) of the item, as lists. The page's social meta
        and its footer both show them: the live item's are kept in the
        process under the content version (a category, tag or the item
        saved renews it); a preview shows the ones being edited."""

        def read():
            return list(self.categories.all()), list(self.tags.all())

        if not self.pk or getattr(request, "is_preview", False):
            return read()
        return remembered(("news_classification", self.pk), read)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["categories"], context["tags"] = self.classification(request)
        return context

    def get_open_graph(self, request=None):
        properties = [("article:published_time", self.published_at.isoformat())]
        if self.last_published_at:
            properties.append(("article:modified_time", timezone.localtime(self.last_published_at).isoformat()))
        categories, tags = self.classification(request)
        properties += [("article:section", category.name) for category in categories[:1]]
        properties += [("article:tag", tag.name) for tag in tags]
        return properties

    def get_structured_data(self, request=None):
        return [structured_data.news_article(self, request)]
