"""What every Maillage page carries for search engines and social sharing.

A mixin, not a ``Page`` subclass: Wagtail 8's base page model is swappable,
so plugins define their pages as ``(Mixin, Page)`` and sites with a custom
base page can combine the mixin with their own (see Wagtail's "reusable app
base page" guidance).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.images import get_image_model_string

from ..search.visibility import page_visibility

#: The page number's parameter (``maillage_core.params.paginate``).
PAGE_PARAMETER = "page"


def listing_variant(request, parameters):
    """Whether the request asks for a variant of a listing: one of
    ``parameters`` has a value other than the plain listing's."""
    if request is None:
        return False
    return any(not plain_value(name, value) for name in parameters for value in request.GET.getlist(name))


def plain_value(name, value):
    """An empty filter gives the plain listing, and so does page 1."""
    value = value.strip()
    return not value or (name == PAGE_PARAMETER and value == "1")


class MaillagePageMixin(models.Model):
    social_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("social sharing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared on social networks (1200×630 px works best)."),
    )
    hide_from_sitemap = models.BooleanField(
        _("hide from search engines"),
        default=False,
        help_text=_("Leaves the page out of the sitemap and asks search engines not to index it."),
    )

    seo_panels = [
        MultiFieldPanel(
            [FieldPanel("social_image"), FieldPanel("hide_from_sitemap")],
            heading=_("Sharing and search engines"),
        )
    ]

    class Meta:
        abstract = True

    #: Open Graph type: "article" for dated items (news, reports).
    og_type = "website"

    #: A listing's query-string parameters (filters, search words, page
    #: number) whose values make a variant of it: see ``listing_variant``.
    listing_parameters = ()

    #: A routable page whose routes (an offer, a session, the calendar) are
    #: pages of their own for search engines, each canonical at its path.
    routes_are_pages = False

    @property
    def robots(self):
        return "noindex, follow" if self.hide_from_sitemap else "index, follow"

    def get_robots(self, request=None):
        """The robots meta value: a filtered, searched or further page of a
        listing only repeats the plain one, so search engines may follow its
        links but not keep it."""
        if listing_variant(request, self.listing_parameters):
            return "noindex, follow"
        return self.robots

    def get_meta_description(self):
        return getattr(self, "search_description", "")

    def get_canonical_url(self, request=None):
        """The one address search engines should keep for this page (or
        route), without the query string."""
        if self.routes_are_pages and getattr(request, "routable_resolver_match", None) is not None:
            return request.build_absolute_uri(request.path)
        return (self.get_full_url(request=request) or "") if self.pk else ""

    def get_social_image(self):
        """The image shown when the page is shared; subclasses may fall back on another."""
        return self.social_image

    def get_open_graph(self, request=None):
        """Extra Open Graph properties as (property, content) pairs, e.g. article:published_time."""
        return []

    def get_structured_data(self, request=None):
        """JSON-LD objects (dicts) describing the page, e.g. a NewsArticle."""
        return []

    def get_sitemap_urls(self, request=None):
        if self.hide_from_sitemap:
            return []
        return super().get_sitemap_urls(request=request)

    def get_search_visibility(self):
        return page_visibility(self)
