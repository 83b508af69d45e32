"""The home page, content pages and the readable site map."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Page
from wagtail.search import index

from maillage_core import hooks as maillage_hooks
from maillage_core.content_memo import remembered
from maillage_core.models import MaillagePageMixin
from maillage_core.page_cache import CONTENT

from .. import home_cache, structured_data
from ..blocks import ContentBodyBlock, HomeBodyBlock
from ..home_cache import on_demand
from ..site_map import page_tree

# News and resources may name the countries they are about (maillage-countries' pages list them).
COUNTRIES_HELP = _("The countries it is about: it then shows on their country pages.")


class EditorialPageMixin(MaillagePageMixin):
    """The site's pages: core's SEO fields plus the promote panels that show them."""

    promote_panels = Page.promote_panels + MaillagePageMixin.seo_panels

    class Meta:
        abstract = True


class ContentPage(EditorialPageMixin, Page):
    intro = models.TextField(_("introduction"), blank=True, help_text=_("One or two sentences shown under the title."))
    body = StreamField(ContentBodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")

    def get_meta_description(self):
        return self.search_description or self.intro


class HomePage(EditorialPageMixin, Page):
    intro = models.TextField(_("introduction"), blank=True, help_text=_("One or two sentences under the site name."))
    hero_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("banner image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Decorative: the introduction says what matters. Wide images (1600×600 px) work best."),
    )
    hero_link = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("banner button: page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_link_text = models.CharField(_("banner button: text"), max_length=80, blank=True)
    news_count = models.PositiveSmallIntegerField(
        _("news items shown"), default=3, help_text=_("The latest news items listed on the home page (0 hides them).")
    )
    body = StreamField(HomeBodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_link"), FieldPanel("hero_link_text")], _("Banner")),
        FieldPanel("news_count"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_meta_description(self):
        return self.search_description or self.intro

    def get_social_image(self):
        return self.social_image or self.hero_image

    def get_structured_data(self, request=None):
        return [structured_data.organization(request), structured_data.website(self, request)]

    def get_context(self, request, *args, **kwargs):
        from .news import NewsIndexPage, NewsPage
        from .newsletter import NewsletterIssuePage

        context = super().get_context(request, *args, **kwargs)
        # Computed only if the template renders them: a cached home page
        # (see home_cache_seconds) costs none of these queries.
        context["figures"] = on_demand(maillage_hooks.home_figures, request)
        context["sections"] = on_demand(maillage_hooks.home_sections, request)
        # "Coming up" is the agenda of what no section lists already (each
        # plugin's section shows its own trainings, meetings or closing dates).
        context["events"] = on_demand(lambda: maillage_hooks.upcoming_events(
            request, 3, leave_out=[kind for section in context["sections"]() for kind in section.event_kinds]))
        context["latest_news"] = on_demand(lambda: list(NewsPage.objects.listed_in(self)[: self.news_count]) if self.news_count else [])
        context["latest_issue"] = on_demand(lambda: NewsletterIssuePage.objects.listed_in(self).first())
        # The same for every visitor (its feeds' links): kept under the content version.
        context["news_index"] = remembered(("home_news_index", self.pk),
                                           lambda: NewsIndexPage.objects.live().descendant_of(self).first())
        context["home_cache_seconds"] = home_cache.seconds_for(request)
        context["home_cache_version"] = CONTENT.version()  # any change a public page may show renews it
        return context


class SiteMapPage(EditorialPageMixin, Page):
    """Every public page of the site as nested lists (RGAA asks for one)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count = 1
    subpage_types = []

    class Meta:
        verbose_name = _("site map")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tree"] = page_tree(request)
        return context
