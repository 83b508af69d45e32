"""Offers of jobs, internships, volunteering and civic service.

An offer is a snippet with drafts, revisions and Wagtail's moderation
workflows, like the directory's actors: the database row is the published
version, an organisation's offer arrives as a never-published draft, and
nothing is public before an officer publishes it. An offer is public only
while it is live *and* its closing date has not passed; the
``youth_close_offers`` command unpublishes it after that date, and every
public listing, search and feed also filters on the date, so an offer
never shows a day too long even before the command runs.
"""

import datetime

from django.db import models
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.fields import RichTextField
from wagtail.search import index

from maillage_core.search.visibility import DRAFT, PUBLIC
from maillage_core.snippets import ModeratedSnippet, RoutedSnippetMixin

from ..indexing import CountryFilterField
from .choices import OfferKind

#: Paths the offers board serves itself: no offer may take them as slug.
RESERVED_SLUGS = {"deposer", "merci", "rss", "json"}
DESCRIPTION_FEATURES = ["bold", "italic", "link", "ol", "ul"]
#: What an offer's card reads (``maillage_youth.cards.offer_card``).
CARD_FIELDS = ("title", "slug", "kind", "organisation", "country", "city", "start_date", "duration", "closing_date",
               "live", "sector__name", "sector__name_en")


def local_today():
    return timezone.localdate()


class OfferQuerySet(models.QuerySet):
    def open(self, today=None):
        """Published offers whose closing date has not passed: the only ones
        any public view, search or feed shows."""
        return self.filter(live=True, closing_date__gte=today or local_today())

    def for_listing(self):
        """What a card of the board shows (``maillage_youth.cards``), in one
        query: only its fields, the sector's joined."""
        return self.select_related("sector").only(*CARD_FIELDS)


class Offer(RoutedSnippetMixin, ModeratedSnippet, index.Indexed, models.Model):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=120, unique=True, blank=True, help_text=_("Part of the address of the offer's page.")
    )
    kind = models.CharField(_("kind of offer"), max_length=20, choices=OfferKind.choices)
    organisation = models.CharField(_("organisation"), max_length=200)
    organisation_url = models.URLField(_("organisation's website"), blank=True)
    country = CountryField(_("country"))
    city = models.CharField(_("city"), max_length=100, blank=True)
    sector = models.ForeignKey(
        "maillage_core.Sector",
        verbose_name=_("sector"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    start_date = models.DateField(_("start"), null=True, blank=True, help_text=_("Empty: as soon as possible."))
    end_date = models.DateField(_("end"), null=True, blank=True)
    duration = models.CharField(_("duration"), max_length=100, blank=True, help_text=_("E.g. 6 months, permanent."))
    closing_date = models.DateField(
        _("applications close on"), db_index=True, help_text=_("The offer is unpublished the day after.")
    )
    description = RichTextField(_("description"), features=DESCRIPTION_FEATURES)
    how_to_apply = models.TextField(_("how to apply"))
    application_url = models.URLField(_("address to apply"), blank=True)
    application_email = models.EmailField(_("email to apply"), blank=True)

    # Never shown in public: who sent the offer, to tell them when it is online.
    submitter_name = models.CharField(_("submitted by"), max_length=150, blank=True)
    submitter_email = models.EmailField(_("submitter's email"), blank=True)
    published_notice_sent_at = models.DateTimeField(_("submitter told of publication"), null=True, blank=True,
                                                    editable=False)

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = OfferQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=4),
        index.AutocompleteField("title"),
        index.SearchField("organisation", boost=2),
        index.AutocompleteField("organisation"),
        index.SearchField("city"),
        index.SearchField("country_names", boost=2),
        index.SearchField("kind_label"),
        index.SearchField("sector_names"),
        index.SearchField("description_text"),
        index.FilterField("live"),
        index.FilterField("kind"),
        CountryFilterField("country"),
        index.FilterField("sector"),
        index.FilterField("start_date"),
        index.FilterField("closing_date"),
        index.FilterField("first_published_at"),
    ]

    class Meta:
        ordering = ["closing_date", "pk"]
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        indexes = [models.Index(fields=["live", "closing_date"], name="maillage_youth_offer_open")]

    def __str__(self):
        return f"{self.title} ({self.organisation})"

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.unique_slug()
        super().save(*args, **kwargs)

    def slug_text(self):
        return f"{self.title} {self.organisation}"

    @property
    def is_open(self):
        return self.live and self.closing_date >= local_today()

    # Search documents: public fields only, French first.
    def country_names(self):
        """The country in French and English: "benin" finds "Bénin"."""
        names = []
        for language in ("fr", "en"):
            with translation.override(language):
                names.append(str(self.country.name))
        return " ".join(dict.fromkeys(names))

    def kind_label(self):
        with translation.override("fr"):
            return str(self.get_kind_display())

    def sector_names(self):
        return f"{self.sector.name} {self.sector.name_en}" if self.sector else ""

    def description_text(self):
        return strip_tags(self.description or "")

    def get_search_visibility(self):
        return PUBLIC if self.is_open else DRAFT

    # Its page, below the offers board
    listing_page_mixin = "maillage_youth.models.OfferBoardPageMixin"
    preview_template = "maillage_youth/offer_detail.html"
    preview_name = "offer"
    reserved_slugs = RESERVED_SLUGS
    slug_default = "offre"

    def extra_preview_context(self, page, request):
        return {"board_url": page.get_url(request) if page else ""}

    @property
    def closes_soon(self):
        return self.is_open and (self.closing_date - local_today()) <= datetime.timedelta(days=7)
