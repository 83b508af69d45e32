"""The countries index page (one, at /pays/ in the demo), whose routes are
the country pages; the officer's country profiles are in ``profiles``.

The page is a ``(Mixin, Page)`` pair, as Wagtail 8's swappable base page
asks of reusable apps.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page
from wagtail.search import index

from maillage_core.models import MaillagePageMixin
from maillage_core.site_pages import live_page

from . import views
from .profiles import CountryProfile  # noqa: F401  (a model of this app)


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
