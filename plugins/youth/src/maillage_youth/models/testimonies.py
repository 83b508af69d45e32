"""A young person's story of going abroad.

Sent through the public form with explicit consent to publication, kept as
a never-published draft until an officer approves it (Wagtail's workflows),
and withdrawable at any time through the signed link its author receives:
withdrawing deletes the story, its revisions and its photo.
"""

import swapper
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.images import get_image_model_string
from wagtail.search import index

from maillage_core.search.visibility import DRAFT, PUBLIC
from maillage_core.snippets import ModeratedSnippet, RoutedSnippetMixin

from ..indexing import CountryFilterField

swapper.set_app_prefix("wagtailcore", "wagtail")

#: The sizes and formats a card's photo is offered in (its srcset), all
#: prefetched with the listing: see includes/testimony_card.html.
PHOTO_SPECS = [f"format-{kind}|fill-{size}" for kind in ("webp", "jpeg") for size in ("160x120", "320x240")]
FIRST_YEAR = 1990


class TestimonyQuerySet(models.QuerySet):
    def published(self):
        return self.filter(live=True)

    def for_listing(self):
        """A card's fields, the scheme's title and the photo's rendition, in a fixed number of queries."""
        from wagtail.images import get_image_model

        photos = get_image_model().objects.prefetch_renditions(*PHOTO_SPECS)
        return (
            self.select_related("scheme")
            .prefetch_related(models.Prefetch("photo", queryset=photos))
            .defer("email")
            .order_by("-first_published_at", "-pk")
        )


class Testimony(RoutedSnippetMixin, ModeratedSnippet, index.Indexed, models.Model):
    author_name = models.CharField(_("first name or pseudonym"), max_length=60)
    title = models.CharField(_("title"), max_length=120, help_text=_("A short title for the story."))
    scheme = models.ForeignKey(
        swapper.get_model_name("wagtailcore", "Page"),
        verbose_name=_("scheme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    scheme_other = models.CharField(
        _("other scheme or programme"), max_length=150, blank=True, help_text=_("When it is not in the catalogue.")
    )
    country = CountryField(_("country"))
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(2100)]
    )
    text = models.TextField(_("story"), max_length=5000)
    photo = models.ForeignKey(
        get_image_model_string(), verbose_name=_("photo"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_alt = models.CharField(
        _("photo description"), max_length=250, blank=True, help_text=_("What the photo shows, for people who cannot see it.")
    )
    consent_at = models.DateTimeField(
        _("consent to publication given on"), default=timezone.now,
        help_text=_("The author agreed to publication on this date."),
    )
    # Private: where the withdrawal link and the publication notice go.
    email = models.EmailField(_("author's email"), blank=True)
    published_notice_sent_at = models.DateTimeField(_("author told of publication"), null=True, blank=True,
                                                    editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = TestimonyQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("author_name"),
        index.SearchField("scheme_label"),
        index.SearchField("country_names", boost=2),
        index.SearchField("text"),
        index.FilterField("live"),
        CountryFilterField("country"),
        index.FilterField("first_published_at"),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("testimony")
        verbose_name_plural = _("testimonies")

    def __str__(self):
        return f"{self.title} — {self.author_name}"

    @property
    def scheme_name(self):
        if self.scheme_id and self.scheme:
            return self.scheme.title
        return self.scheme_other

    def scheme_label(self):
        return self.scheme_name

    def country_names(self):
        names = []
        for language in ("fr", "en"):
            with translation.override(language):
                names.append(str(self.country.name))
        return " ".join(dict.fromkeys(names))

    def get_search_visibility(self):
        return PUBLIC if self.live else DRAFT

    @property
    def paragraphs(self):
        """The story as typed, one paragraph per blank line (escaped by the template)."""
        text = (self.text or "").replace("\r\n", "\n")
        return [" ".join(part.split()) for part in text.split("\n\n") if part.strip()]

    # Its page, below the testimonies
    listing_page_mixin = "maillage_youth.models.TestimonyIndexPageMixin"
    preview_template = "maillage_youth/testimony_detail.html"
    preview_name = "testimony"

    def route_part(self):
        return str(self.pk)

    def extra_preview_context(self, page, request):
        return {"index_url": page.get_url(request) if page else ""}
