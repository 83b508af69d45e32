"""The funding search: a page type the officer places anywhere in the tree.

It serves the search at its own URL, the archive (``archives/``), the feeds
(``rss/``, ``json/``, ``ical/``), the JSON API (``api/v1/appels/``) and,
below it, each call's page (``<slug>/``). A site adds no URL of its own.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from maillage_core.models import MaillagePageMixin
from maillage_core.site_pages import live_page

from ..views import alert, api, feeds, public, suggest


class FundingSearchPageMixin(RoutablePageMixin, MaillagePageMixin):
    intro = models.TextField(_("introduction"), blank=True, help_text=_("A sentence or two above the search form."))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    promote_panels = Page.promote_panels + MaillagePageMixin.seo_panels
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = []
    # Searched, filtered and paged variants repeat the plain listing.
    listing_parameters = ("q", "tri", "page", "financeur", "acteur", "departement", "pays", "secteur", "odd",
                          "montant", "statut")

    class Meta:
        abstract = True

    @classmethod
    def for_request(cls, request=None):
        return live_page(FundingSearchPageMixin, request)

    def get_sitemap_urls(self, request=None):
        """The page, then each current call's page (they are routes of it),
        most recently updated first."""
        urls = super().get_sitemap_urls(request=request)
        if not urls:
            return urls  # hidden from search engines: its calls too
        from ..models.calls import FundingCall

        base = urls[0]["location"]
        calls = FundingCall.objects.current().only("slug", "updated_at").order_by("-updated_at")[:5000]
        return urls + [{"location": f"{base}{call.slug}/", "lastmod": call.updated_at} for call in calls]

    @path("")
    def search(self, request):
        return public.search(request, self)

    @path("archives/", name="archive")
    def archive(self, request):
        return public.search(request, self, archive=True)

    @path("rss/", name="rss")
    def rss(self, request):
        return feeds.rss(request, self)

    @path("json/", name="json_feed")
    def json_feed(self, request):
        return feeds.json_feed(request, self)

    @path("ical/", name="ical")
    def ical(self, request):
        return feeds.ical(request, self)

    @path("api/v1/appels/", name="api_calls")
    def api_calls(self, request):
        return api.calls(request, self)

    @path("api/v1/appels/<slug:slug>/", name="api_call")
    def api_call(self, request, slug):
        return api.call(request, self, slug)

    @path("alerte/", name="alert")
    def alert(self, request):
        return alert.alert(request, self)

    @path("proposer/", name="suggest")
    def suggest(self, request):
        return suggest.suggest(request, self)

    @path("merci/", name="thanks")
    def thanks(self, request):
        return suggest.thanks(request, self)

    @path("<slug:slug>/", name="call")
    def call(self, request, slug):
        return public.call_detail(request, self, slug)


class FundingSearchPage(FundingSearchPageMixin, Page):
    class Meta:
        verbose_name = _("funding search")
