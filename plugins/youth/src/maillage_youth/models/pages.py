"""The page types the officer places in the tree: the Espace Jeunes landing
page, the offers board, the testimonies and the departure guides (the
scheme catalogue is in ``schemes``).

Each is a ``(Mixin, Page)`` pair, as Wagtail 8's swappable base page asks
of reusable apps. Sub-views (an offer, the forms, the feeds, the signed
withdrawal link) are routes of these pages, so a host site adds no URL.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from maillage_core.models import MaillagePageMixin
from maillage_core.site_pages import concrete_models, live_page

from ..blocks import GuideBodyBlock
from ..views import feeds, landing, offer_submission, offers, testimonies
from .base import LISTING_PARAMETERS
from .choices import GuideTopic


class YouthSpacePageMixin(MaillagePageMixin, models.Model):
    """The Espace Jeunes: schemes, latest offers, testimonies, upcoming
    trainings (from any plugin that offers events) and guides on one page."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    promote_panels = Page.promote_panels + MaillagePageMixin.seo_panels
    search_fields = Page.search_fields + [index.SearchField("intro")]
    template = "maillage_youth/youth_space_page.html"

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            landing.landing_context(
                request,
                self,
                boards=OfferBoardPageMixin,
                testimony_indexes=TestimonyIndexPageMixin,
                guides=GuidePageMixin,
            )
        )
        return context


class OfferBoardPageMixin(RoutablePageMixin, MaillagePageMixin, models.Model):
    """The public offers board: search and filters, each offer's page, the
    form organisations post with, and the RSS and JSON feeds."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("A sentence or two above the search form."))
    submission_intro = RichTextField(
        _("above the offer form"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("What kind of offers the network publishes, and how long moderation takes."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("submission_intro")]
    promote_panels = Page.promote_panels + MaillagePageMixin.seo_panels
    search_fields = Page.search_fields + [index.SearchField("intro")]
    template = "maillage_youth/offer_board_page.html"
    listing_parameters = LISTING_PARAMETERS
    routes_are_pages = True

    class Meta:
        abstract = True

    @classmethod
    def clean_subpage_models(cls):
        return []

    @classmethod
    def for_request(cls, request=None):
        return live_page(OfferBoardPageMixin, request)

    @path("")
    def board(self, request):
        return offers.board(request, self)

    @path("deposer/", name="submit")
    def submit(self, request):
        return offer_submission.submit(request, self)

    @path("merci/", name="thanks")
    def thanks(self, request):
        return offer_submission.thanks(request, self)

    @path("rss/", name="rss")
    def rss(self, request):
        return feeds.rss(request, self)

    @path("json/", name="json")
    def json_feed(self, request):
        return feeds.json_feed(request, self)

    @path("<slug:slug>/", name="offer")
    def offer(self, request, slug):
        return offers.detail(request, self, slug)


class TestimonyIndexPageMixin(RoutablePageMixin, MaillagePageMixin, models.Model):
    """Published testimonies, the form to send one, and the signed link
    that withdraws it."""

    intro = models.TextField(_("introduction"), blank=True)
    publication_terms = RichTextField(
        _("publication terms"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown beside the consent box: what is published, who keeps the email address, how to withdraw."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("publication_terms")]
    promote_panels = Page.promote_panels + MaillagePageMixin.seo_panels
    search_fields = Page.search_fields + [index.SearchField("intro")]
    template = "maillage_youth/testimony_index_page.html"
    listing_parameters = LISTING_PARAMETERS
    routes_are_pages = True

    class Meta:
        abstract = True

    @classmethod
    def clean_subpage_models(cls):
        return []

    @classmethod
    def for_request(cls, request=None):
        return live_page(TestimonyIndexPageMixin, request)

    @path("")
    def listing(self, request):
        return testimonies.listing(request, self)

    @path("temoigner/", name="submit")
    def submit(self, request):
        return testimonies.submit(request, self)

    @path("merci/", name="thanks")
    def thanks(self, request):
        return testimonies.thanks(request, self)

    @path("retrait/<str:token>/", name="withdraw")
    def withdraw(self, request, token):
        return testimonies.withdraw(request, self, token)

    @path("<int:pk>/", name="testimony")
    def testimony(self, request, pk):
        return testimonies.detail(request, self, pk)


class GuidePageMixin(MaillagePageMixin, models.Model):
    """Preparing a departure: health, insurance, visas, funding."""

    topic = models.CharField(_("topic"), max_length=20, choices=GuideTopic.choices, default=GuideTopic.OTHER)
    intro = models.TextField(_("introduction"), max_length=500, blank=True)
    body = StreamField(GuideBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("topic"), FieldPanel("intro"), FieldPanel("body")]
    promote_panels = Page.promote_panels + MaillagePageMixin.seo_panels
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    template = "maillage_youth/guide_page.html"

    class Meta:
        abstract = True

    @classmethod
    def clean_parent_page_models(cls):
        return concrete_models(YouthSpacePageMixin) + concrete_models(GuidePageMixin)

    def get_meta_description(self):
        return self.search_description or self.intro


class YouthSpacePage(YouthSpacePageMixin, Page):  # noqa: DJ008  (Page.__str__ is the title)
    class Meta:
        verbose_name = _("youth space")
        verbose_name_plural = _("youth spaces")


class OfferBoardPage(OfferBoardPageMixin, Page):  # noqa: DJ008
    class Meta:
        verbose_name = _("offers board")
        verbose_name_plural = _("offers boards")


class TestimonyIndexPage(TestimonyIndexPageMixin, Page):  # noqa: DJ008
    class Meta:
        verbose_name = _("testimonies")
        verbose_name_plural = _("testimony pages")


class GuidePage(GuidePageMixin, Page):  # noqa: DJ008
    class Meta:
        verbose_name = _("departure guide")
        verbose_name_plural = _("departure guides")
