"""The barometer's pages: an index listing the editions, and one edition
per year whose routes are the survey (signed links) and the open data.

Each page is a ``(Mixin, Page)`` pair, as Wagtail 8's swappable base page
asks of reusable apps.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from maillage_core.models import MaillagePageMixin

from .. import views
from ..questions import QuestionnaireBlock


class BarometerIndexPageMixin(MaillagePageMixin, models.Model):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    promote_panels = Page.promote_panels + MaillagePageMixin.seo_panels
    search_fields = Page.search_fields + [index.SearchField("intro")]
    template = "maillage_barometer/barometer_index_page.html"
    subpage_types = ["maillage_barometer.EditionPage"]

    class Meta:
        abstract = True

    def editions(self):
        """Live editions below this page, the latest first."""
        return EditionPage.objects.child_of(self).live().order_by("-year")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["editions"] = self.editions()
        return context


class BarometerIndexPage(BarometerIndexPageMixin, Page):  # noqa: DJ008  (Page.__str__ is the title)
    class Meta:
        verbose_name = _("barometer")
        verbose_name_plural = _("barometers")


class EditionPageMixin(MaillagePageMixin, RoutablePageMixin, models.Model):
    """One year's barometer: the survey while it is open, then the figures
    frozen when the officer publishes the results."""

    # One edition per year, checked by clean() rather than the database: an
    # officer makes next year's edition by copying this year's (the same
    # questions, so the same keys), then changes its year.
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    introduction = RichTextField(_("introduction"), blank=True)
    opens_on = models.DateField(_("survey opens on"))
    closes_on = models.DateField(_("survey closes on"))
    questions = StreamField(QuestionnaireBlock(), verbose_name=_("questionnaire"), blank=True)
    # Frozen by "Publish the results" (admin_views): the figures never change
    # afterwards, whatever the answers or the directory become.
    figures = models.JSONField(_("figures"), null=True, blank=True, editable=False)
    results_published_at = models.DateTimeField(_("results published"), null=True, blank=True, editable=False)
    # Set when the officer closes the survey before its closing date
    # ("Close the survey now"); the survey is closed from then on.
    closed_at = models.DateTimeField(_("survey closed early"), null=True, blank=True, editable=False)
    # The directory as it was when the survey closed (closing.py): what the
    # published figures count actors from, whenever the officer publishes.
    directory_at_closing = models.JSONField(_("directory at closing"), null=True, blank=True, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("year"),
        FieldPanel("introduction"),
        MultiFieldPanel([FieldPanel("opens_on"), FieldPanel("closes_on")], heading=_("Survey")),
        FieldPanel("questions"),
    ]
    promote_panels = Page.promote_panels + MaillagePageMixin.seo_panels
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    template = "maillage_barometer/edition_page.html"
    exclude_fields_in_copy = ["figures", "results_published_at", "closed_at", "directory_at_closing"]
    parent_page_types = ["maillage_barometer.BarometerIndexPage"]
    subpage_types = []

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("The survey cannot close before it opens.")})
        if self.year and EditionPage.objects.filter(year=self.year).exclude(pk=self.pk).exists():
            raise ValidationError({"year": _("There is already an edition for %(year)s.") % {"year": self.year}})

    def with_content_json(self, content):
        # A revision published later (a corrected introduction) keeps the
        # frozen figures, which no revision holds.
        obj = super().with_content_json(content)
        for name in ("figures", "results_published_at", "closed_at", "directory_at_closing"):
            setattr(obj, name, getattr(self, name))
        return obj

    def get_robots(self, request=None):
        # An actor's survey is personal: search engines never keep it.
        match = getattr(request, "routable_resolver_match", None) if request else None
        if match is not None and match.url_name == "survey":
            return "noindex, nofollow"
        return super().get_robots(request)

    @property
    def results_published(self):
        return self.figures is not None

    def survey_open(self, today=None):
        today = today or timezone.localdate()
        return not self.survey_closed(today) and self.opens_on <= today

    def survey_closed(self, today=None):
        """Past its closing date, closed early by the officer, or its results published."""
        today = today or timezone.localdate()
        return self.results_published or self.closed_at is not None or today > self.closes_on

    def closing_date(self):
        """The day the survey closed (or closes): the officer's early close, else the date set."""
        return timezone.localdate(self.closed_at) if self.closed_at else self.closes_on

    def previous_edition(self):
        """The latest earlier edition whose results are published."""
        return (EditionPage.objects.live().filter(year__lt=self.year, figures__isnull=False)
                .order_by("-year").first())

    def published_editions(self):
        """Every edition with results up to this one, the oldest first: the evolution."""
        return (EditionPage.objects.live().filter(year__lte=self.year, figures__isnull=False)
                .order_by("year").only("year", "figures"))

    @path("", name="edition")
    def edition_route(self, request):
        return views.edition(request, self)

    @path("enquete/<str:token>/", name="survey")
    def survey_route(self, request, token):
        return views.survey(request, self, token)

    @path("donnees/<str:fmt>/", name="open_data")
    def open_data_route(self, request, fmt):
        return views.open_data(request, self, fmt)

    @path("pdf/", name="pdf")
    def pdf_route(self, request):
        return views.edition_pdf(request, self)


class EditionPage(EditionPageMixin, Page):  # noqa: DJ008  (Page.__str__ is the title)
    class Meta:
        verbose_name = _("barometer edition")
        verbose_name_plural = _("barometer editions")
