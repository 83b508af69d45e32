"""The public directory: a page type the officer places anywhere in the tree.

It serves the listing at its own URL and, below it, each actor's page
(``<slug>/``), the form to propose an actor (``proposer/``) or a change
(``<slug>/modifier/``) and the signed update link sent to an actor
(``mise-a-jour/<token>/``). A site adds no URL of its own.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from maillage_core.models import MaillagePageMixin
from maillage_core.site_pages import live_page

from ..views import actor_page, public, submit


class DirectoryPageMixin(RoutablePageMixin, MaillagePageMixin):
    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("A sentence or two above the search form.")
    )
    show_map = models.BooleanField(_("show the map of countries"), default=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("show_map")]
    promote_panels = Page.promote_panels + MaillagePageMixin.seo_panels
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = []
    template = "maillage_directory/directory_page.html"
    # The search words, sort, page and every facet's parameter (search.facets):
    # such variants only repeat the plain listing, so search engines skip them.
    listing_parameters = ("q", "tri", "page", "type", "pays", "secteur", "odd", "departement")

    class Meta:
        abstract = True

    @classmethod
    def for_request(cls, request=None):
        """The directory page actors link to (``maillage_core.site_pages``)."""
        return live_page(DirectoryPageMixin, request)

    @path("")
    def directory(self, request):
        return public.directory(request, self)

    @path("proposer/", name="propose")
    def propose(self, request):
        return submit.propose(request, self)

    @path("merci/", name="thanks")
    def thanks(self, request):
        return submit.thanks(request, self)

    @path("mise-a-jour/<str:token>/", name="invited_update")
    def invited_update(self, request, token):
        return submit.invited_update(request, self, token)

    @path("<slug:slug>/modifier/", name="propose_update")
    def propose_update(self, request, slug):
        return submit.propose_update(request, self, slug)

    @path("<slug:slug>/", name="actor")
    def actor(self, request, slug):
        return actor_page.actor_detail(request, self, slug)


class DirectoryPage(DirectoryPageMixin, Page):
    class Meta:
        verbose_name = _("actor directory")
