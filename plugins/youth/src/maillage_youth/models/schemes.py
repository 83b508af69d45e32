"""Engagement schemes (dispositifs) and their catalogue, where the finder
lives.

A scheme is a page the officer writes and keeps up to date: public
conditions (age, duration, allowance, diploma, nationality), where it
goes, who runs it, how to apply and the official link, and the date the
conditions were last checked against that official source. The finder
reads the structured fields; the page flags a scheme not checked for
``MAILLAGE_YOUTH_SCHEME_CHECK_DAYS`` days.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from maillage_core.models import MaillagePageMixin
from maillage_core.site_pages import concrete_models

from .. import conf
from ..fields import ChoiceListField
from ..views.finder import finder_context
from .base import LISTING_PARAMETERS, testimony_index
from .choices import DiplomaLevel, WorldRegion
from .testimonies import Testimony

SHORT_TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class SchemeIndexPageMixin(MaillagePageMixin, models.Model):
    """The catalogue of schemes, with the finder form above it."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("A sentence or two above the finder."))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    promote_panels = Page.promote_panels + MaillagePageMixin.seo_panels
    search_fields = Page.search_fields + [index.SearchField("intro")]
    template = "maillage_youth/scheme_index_page.html"
    listing_parameters = LISTING_PARAMETERS

    class Meta:
        abstract = True

    @classmethod
    def clean_subpage_models(cls):
        return concrete_models(SchemePageMixin)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(finder_context(request, self))
        return context

    def schemes(self):
        """Live schemes of this catalogue, sectors fetched, in the tree's order."""
        models_ = concrete_models(SchemePageMixin)
        if not models_:
            return []
        found = []
        for model in models_:
            found.extend(model.objects.child_of(self).live().prefetch_related("sectors"))
        return sorted(found, key=lambda scheme: scheme.path)


class SchemePageMixin(MaillagePageMixin, models.Model):
    short_name = models.CharField(
        _("short name"), max_length=60, blank=True, help_text=_("The acronym young people know, e.g. VSI.")
    )
    pitch = models.TextField(_("in one sentence"), max_length=300, help_text=_("Shown in the catalogue and the finder."))
    operator = models.CharField(_("who runs it"), max_length=255)
    description = RichTextField(_("description"), blank=True, features=["h3"] + SHORT_TEXT_FEATURES)

    age_min = models.PositiveSmallIntegerField(_("youngest age"))
    age_max = models.PositiveSmallIntegerField(_("oldest age"), null=True, blank=True, help_text=_("Empty: no limit."))
    age_note = models.CharField(
        _("about age"), max_length=255, blank=True, help_text=_("E.g. up to 30 for young people with a disability.")
    )
    duration_min_weeks = models.PositiveSmallIntegerField(_("shortest duration (weeks)"))
    duration_max_weeks = models.PositiveSmallIntegerField(_("longest duration (weeks)"))
    duration_note = models.CharField(_("about duration"), max_length=255, blank=True)
    allowance = models.TextField(
        _("allowance or cost"), help_text=_("What the young person receives, and what they pay for.")
    )
    cost_from = models.PositiveIntegerField(
        _("lowest cost to the participant (euros)"),
        default=0,
        help_text=_("What a participant spends at least, travel included; 0 when everything is covered. "
                    "The finder compares it with the budget a visitor gives."),
    )
    diploma_min = models.PositiveSmallIntegerField(
        _("diploma required"), choices=DiplomaLevel.choices, default=DiplomaLevel.NONE
    )
    diploma_note = models.CharField(_("about diplomas and experience"), max_length=255, blank=True)
    nationality = models.TextField(_("nationality and residence"), blank=True)
    other_conditions = models.TextField(_("other conditions"), blank=True)
    regions = ChoiceListField(
        _("regions of the world"), choices=WorldRegion.choices, help_text=_("Where the scheme can take someone.")
    )
    destinations = models.CharField(_("destinations"), max_length=255, blank=True, help_text=_("E.g. countries of the European Union and partner countries."))
    sectors = ParentalManyToManyField(
        "maillage_core.Sector",
        verbose_name=_("sectors"),
        blank=True,
        related_name="+",
        help_text=_("Leave empty when the scheme covers every sector."),
    )
    how_to_apply = RichTextField(_("how to apply"), features=SHORT_TEXT_FEATURES)
    official_url = models.URLField(_("official website"))
    last_checked = models.DateField(
        _("conditions last checked on"),
        help_text=_("The day these conditions were compared with the official website. "
                    "The page warns visitors when this is more than a year ago."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("short_name"),
        FieldPanel("pitch"),
        FieldPanel("operator"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("age_min"), FieldPanel("age_max")]),
                FieldPanel("age_note"),
                FieldRowPanel([FieldPanel("duration_min_weeks"), FieldPanel("duration_max_weeks")]),
                FieldPanel("duration_note"),
                FieldPanel("allowance"),
                FieldPanel("cost_from"),
                FieldPanel("diploma_min"),
                FieldPanel("diploma_note"),
                FieldPanel("nationality"),
                FieldPanel("other_conditions"),
            ],
            heading=_("Conditions"),
        ),
        MultiFieldPanel(
            [FieldPanel("regions"), FieldPanel("destinations"), FieldPanel("sectors")], heading=_("Where and what")
        ),
        FieldPanel("how_to_apply"),
        FieldPanel("official_url"),
        FieldPanel("last_checked"),
    ]
    promote_panels = Page.promote_panels + MaillagePageMixin.seo_panels
    search_fields = Page.search_fields + [
        index.SearchField("short_name", boost=3),
        index.AutocompleteField("short_name"),
        index.SearchField("pitch"),
        index.SearchField("operator"),
        index.SearchField("description"),
        index.SearchField("destinations"),
    ]
    template = "maillage_youth/scheme_page.html"

    class Meta:
        abstract = True

    @classmethod
    def clean_parent_page_models(cls):
        return concrete_models(SchemeIndexPageMixin)

    @classmethod
    def clean_subpage_models(cls):
        return []

    def clean(self):
        super().clean()
        errors = {}
        if self.age_max is not None and self.age_min is not None and self.age_max < self.age_min:
            errors["age_max"] = _("The oldest age cannot be below the youngest.")
        if (
            self.duration_min_weeks is not None
            and self.duration_max_weeks is not None
            and self.duration_max_weeks < self.duration_min_weeks
        ):
            errors["duration_max_weeks"] = _("The longest duration cannot be below the shortest.")
        if self.last_checked and self.last_checked > timezone.localdate():
            errors["last_checked"] = _("This date is in the future.")
        if errors:
            raise ValidationError(errors)

    def get_meta_description(self):
        return self.search_description or self.pitch

    @property
    def label(self):
        return self.short_name or self.title

    @cached_property
    def is_stale(self):
        """Conditions not compared with the official source for too long."""
        if not self.last_checked:
            return True
        return (timezone.localdate() - self.last_checked).days > conf.get("SCHEME_CHECK_DAYS")

    def facts(self):
        """The conditions the finder compares with a visitor's answers."""
        from ..finder import SchemeFacts

        return SchemeFacts(
            key=self.slug,
            age_min=self.age_min,
            age_max=self.age_max,
            weeks_min=self.duration_min_weeks,
            weeks_max=self.duration_max_weeks,
            cost_from=self.cost_from,
            diploma_min=self.diploma_min,
            regions=frozenset(self.regions),
            sectors=frozenset(sector.slug for sector in self.sectors.all()),
        )

    @property
    def age_range(self):
        from ..finder import age_range

        return age_range(self.facts())

    @property
    def duration_span(self):
        from ..finder import weeks_span

        return weeks_span(self.duration_min_weeks, self.duration_max_weeks)

    @property
    def region_labels(self):
        labels = dict(WorldRegion.choices)
        return [labels[key] for key in self.regions if key in labels]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        testimonies = list(Testimony.objects.published().filter(scheme_id=self.pk).for_listing()[:3])
        index_page = testimony_index(request) if testimonies else None
        for testimony in testimonies:
            testimony.page_url = testimony.url_on(index_page, request) if index_page else ""
        context["testimonies"] = testimonies
        context["catalogue"] = self.get_parent()
        return context


class SchemeIndexPage(SchemeIndexPageMixin, Page):  # noqa: DJ008  (Page.__str__ is the title)
    class Meta:
        verbose_name = _("scheme catalogue")
        verbose_name_plural = _("scheme catalogues")


class SchemePage(SchemePageMixin, Page):  # noqa: DJ008
    class Meta:
        verbose_name = _("engagement scheme")
        verbose_name_plural = _("engagement schemes")
