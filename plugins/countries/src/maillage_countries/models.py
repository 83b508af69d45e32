"""What the officer edits: the countries index page (one, at /pays/ in the
demo), whose routes are the country pages, and a country profile snippet
per country she writes about (introduction and key facts).

The page is a ``(Mixin, Page)`` pair, as Wagtail 8's swappable base page
asks of reusable apps.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from maillage_core.models import MaillagePageMixin
from maillage_core.site_pages import live_page

from . import views

INTRO_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class CountryIndexPageMixin(MaillagePageMixin, RoutablePageMixin, models.Model):
    """Every active country on a map and in a table; each country's page
    is a route below it (/pays/senegal/)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    promote_panels = Page.promote_panels + MaillagePageMixin.seo_panels
    search_fields = Page.search_fields + [index.SearchField("intro")]
    template = "maillage_countries/country_index_page.html"
    listing_parameters = ("q", "continent", "tri", "ordre")
    routes_are_pages = True  # each country page is canonical at its own path

    class Meta:
        abstract = True

    @classmethod
    def clean_subpage_models(cls):
        return []

    @classmethod
    def for_request(cls, request=None):
        return live_page(CountryIndexPageMixin, request)

    def get_canonical_url(self, request=None):
        match = getattr(request, "routable_resolver_match", None) if request else None
        if match is not None and match.url_name == "index":
            return self.get_full_url(request=request) or ""
        return super().get_canonical_url(request)

    def get_sitemap_urls(self, request=None):
        entries = super().get_sitemap_urls(request=request)
        if not entries:
            return entries
        base = self.get_full_url(request=request)
        return entries + [{"location": f"{base}{slug}/"} for slug in views.country_slugs(request)]

    @path("", name="index")
    def index_route(self, request):
        return views.index(request, self)

    @re_path(r"^(?P<slug>[-a-zA-Z0-9]{2,80})/$", name="country")
    def country_route(self, request, slug):
        return views.country(request, self, slug)


class CountryIndexPage(CountryIndexPageMixin, Page):  # noqa: DJ008  (Page.__str__ is the title)
    class Meta:
        verbose_name = _("countries index")
        verbose_name_plural = _("countries indexes")


class CountryProfile(models.Model):
    """What the officer writes about a country: nothing is fetched at run time."""

    country = CountryField(_("country"), unique=True)
    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES,
                          help_text=_("The network's words on the country: its links with the region, its context."))
    capital = models.CharField(_("capital"), max_length=100, blank=True)
    languages = models.CharField(_("languages"), max_length=200, blank=True,
                                 help_text=_("For example: French (official), Wolof, Pulaar."))
    population = models.PositiveBigIntegerField(_("population"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(_("population in the year"), null=True, blank=True)
    embassy_url = models.URLField(_("French embassy"), blank=True, help_text=_("The address of its website."))
    travel_advice_url = models.URLField(
        _("travel advice"), blank=True,
        help_text=_("The Ministry for Europe and Foreign Affairs' page of advice to travellers for this country."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldPanel("country"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("capital"), FieldPanel("languages"), FieldPanel("population"), FieldPanel("population_year"),
             FieldPanel("embassy_url"), FieldPanel("travel_advice_url")],
            heading=_("Key facts"),
        ),
    ]
    class Meta:
        verbose_name = _("country profile")
        verbose_name_plural = _("country profiles")
        ordering = ["country"]

    def __str__(self):
        return str(self.country.name)

    @property
    def has_facts(self):
        return bool(self.capital or self.languages or self.population or self.embassy_url or self.travel_advice_url)
