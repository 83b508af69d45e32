"""Resources: tools, fact sheets, guides, meeting reports, studies — each a
page with its documents, listed by an index filtered by kind and sector."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ..blocks import ResourceBodyBlock
from .listing import ListedPageQuerySet, listing_manager
from .pages import COUNTRIES_HELP, EditorialPageMixin


class ResourceKind(models.TextChoices):
    TOOL = "tool", _("Tool")
    FACT_SHEET = "fact-sheet", _("Fact sheet")
    GUIDE = "guide", _("Guide")
    REPORT = "report", _("Meeting report")
    STUDY = "study", _("Study or barometer")


class ResourceQuerySet(ListedPageQuerySet):
    listing_order = ("-date", "-pk")

    def listed_in(self, ancestor):
        return super().listed_in(ancestor).prefetch_related("sectors", "documents__document")


class ResourceIndexPage(EditorialPageMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)
    per_page = 12

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = ["home.ResourcePage"]
    site_map_children = False
    listing_parameters = ("kind", "sector")

    class Meta:
        verbose_name = _("resource index")

    def get_meta_description(self):
        return self.search_description or self.intro

    def get_context(self, request, *args, **kwargs):
        from ..resource_listing import resource_listing

        context = super().get_context(request, *args, **kwargs)
        context.update(resource_listing(request, self))
        return context


class ResourcePage(EditorialPageMixin, Page):
    kind = models.CharField(_("kind"), max_length=20, choices=ResourceKind.choices, default=ResourceKind.FACT_SHEET)
    date = models.DateField(_("date"), default=timezone.localdate)
    summary = models.TextField(_("summary"), max_length=600)
    sectors = ParentalManyToManyField("maillage_core.Sector", verbose_name=_("sectors"), blank=True, related_name="+")
    countries = CountryField(_("countries"), multiple=True, blank=True, help_text=COUNTRIES_HELP)
    body = StreamField(ResourceBodyBlock(), blank=True, verbose_name=_("body"))

    objects = listing_manager(ResourceQuerySet)

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("kind"), FieldPanel("date"), FieldPanel("sectors"), FieldPanel("countries")],
                        _("Classification")),
        FieldPanel("summary"),
        InlinePanel("documents", label=_("documents"), heading=_("Documents")),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("kind"),
    ]
    parent_page_types = ["home.ResourceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    def get_meta_description(self):
        return self.search_description or self.summary


class ResourceDocument(Orderable):
    page = ParentalKey(ResourcePage, related_name="documents", on_delete=models.CASCADE)
    document = models.ForeignKey(
        get_document_model_string(), verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )
    description = models.CharField(
        _("description"), max_length=250, blank=True, help_text=_("Optional: what the document holds, in a sentence.")
    )

    panels = [FieldPanel("document"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
