"""The two page types the officer places in the tree: a programme (the
training calendar) and, under it, trainings.

Each is a ``(Mixin, Page)`` pair, as Wagtail 8's swappable base page asks of
reusable apps: the behaviour lives in the abstract mixin, so a site with its
own base page model combines the mixin with it and names its class in
``MAILLAGE_TRAINING_PAGE_MODEL``. Sub-views (calendar, list, archive,
feeds, sessions, registration) are routes of these pages, so a host site
adds no URL.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from maillage_core.models import MaillagePageMixin
from maillage_core.site_pages import concrete_models

from .. import conf
from ..views import cancellation, feeds
from ..views import programme as programme_views
from ..views import training as training_views
from .choices import TrainingFormat

FILTER_PARAMETERS = ("sector", "format", "department", "month", "semester", "page")


class TrainingIndexPageMixin(MaillagePageMixin, RoutablePageMixin, models.Model):
    """The training programme: by semester, month calendar, list, archive and feeds."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    data_policy = RichTextField(
        _("data policy for registrations"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_(
            "Shown beside the consent box of every registration form: who keeps the data, why, for how long, "
            "and how to have it erased."
        ),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("data_policy")]
    promote_panels = Page.promote_panels + MaillagePageMixin.seo_panels
    search_fields = Page.search_fields + [index.SearchField("intro")]
    template = "maillage_training/programme_page.html"
    listing_parameters = FILTER_PARAMETERS
    routes_are_pages = True  # the calendar, the list, the archive

    class Meta:
        abstract = True

    @classmethod
    def clean_subpage_models(cls):
        # Computed, not a subpage_types list, so that a site's own training
        # page class (MAILLAGE_TRAINING_PAGE_MODEL) takes the place of ours.
        return [conf.training_page_model()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(programme=self, time_zone=conf.get("TIME_ZONE"))
        return context

    @path("")
    def semester_view(self, request):
        return programme_views.semester(request, self)

    @path("calendrier/")
    def calendar_view(self, request):
        return programme_views.month_calendar(request, self)

    @path("liste/")
    def list_view(self, request):
        return programme_views.session_list(request, self)

    @path("archives/")
    def archive_view(self, request):
        return programme_views.archive(request, self)

    @path("ical/")
    def ical_feed(self, request):
        return feeds.programme_ical(request, self)

    @path("rss/")
    def rss_feed(self, request):
        return feeds.programme_rss(request, self)


class TrainingPageMixin(MaillagePageMixin, RoutablePageMixin, models.Model):
    """A training of the programme; its dated sessions are ``TrainingSession`` rows."""

    summary = models.TextField(_("summary"), max_length=600, help_text=_("Two or three sentences shown in listings."))
    objectives = RichTextField(_("objectives"), blank=True, features=["bold", "italic", "link", "ul", "ol"])
    programme = RichTextField(_("programme"), blank=True, features=["h3", "bold", "italic", "link", "ul", "ol"])
    audience = models.TextField(_("audience"), blank=True, help_text=_("Who the training is for."))
    prerequisites = models.TextField(_("prerequisites"), blank=True)
    trainers = models.TextField(_("trainers"), blank=True, help_text=_("One trainer per line, with their role."))
    sectors = ParentalManyToManyField("maillage_core.Sector", verbose_name=_("sectors"), blank=True, related_name="+")
    countries = CountryField(
        _("countries"), multiple=True, blank=True,
        help_text=_("The countries the training is about: its sessions then show on their country pages."),
    )
    format = models.CharField(_("format"), max_length=10, choices=TrainingFormat.choices, default=TrainingFormat.ON_SITE)
    price = models.DecimalField(
        _("price (euros)"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Leave empty for a free training."),
    )
    reduced_price = models.DecimalField(_("reduced price (euros)"), max_digits=7, decimal_places=2, null=True, blank=True)
    price_note = models.CharField(
        _("who pays the reduced price"),
        max_length=255,
        blank=True,
        help_text=_("For example: members of the network, students, job seekers."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("format"),
        FieldPanel("sectors"),
        FieldPanel("countries"),
        FieldPanel("objectives"),
        FieldPanel("programme"),
        FieldPanel("audience"),
        FieldPanel("prerequisites"),
        FieldPanel("trainers"),
        MultiFieldPanel(
            [FieldPanel("price"), FieldPanel("reduced_price"), FieldPanel("price_note")], heading=_("Price")
        ),
        HelpPanel(
            content=_("Dates, venues and seats are sessions: add them under “Trainings › Sessions” in the menu."),
            heading=_("Sessions"),
        ),
    ]
    promote_panels = Page.promote_panels + MaillagePageMixin.seo_panels
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("objectives"),
        index.SearchField("programme"),
        index.SearchField("audience"),
        index.SearchField("trainers"),
        index.AutocompleteField("title"),
        index.RelatedFields("sectors", [index.SearchField("name"), index.SearchField("name_en")]),
        index.FilterField("format"),
    ]
    template = "maillage_training/training_page.html"
    routes_are_pages = True  # each session, the registration form

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or self.summary

    @classmethod
    def clean_parent_page_models(cls):
        return concrete_models(TrainingIndexPageMixin)

    @classmethod
    def clean_subpage_models(cls):
        return []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["time_zone"] = conf.get("TIME_ZONE")
        return context

    @property
    def is_free(self):
        return not self.price

    @path("")
    def detail_view(self, request):
        return training_views.detail(request, self)

    @path("sessions/<int:session_id>/")
    def session_view(self, request, session_id):
        return training_views.session_detail(request, self, session_id)

    @path("sessions/<int:session_id>/ical/")
    def session_ical(self, request, session_id):
        return feeds.session_ical(request, self, session_id)

    @path("annulation/")
    def cancel_view(self, request):
        return cancellation.cancel(request, self)


class TrainingIndexPage(TrainingIndexPageMixin, Page):  # noqa: DJ008  (Page.__str__ is the title)
    class Meta:
        verbose_name = _("training programme")
        verbose_name_plural = _("training programmes")


class TrainingPage(TrainingPageMixin, Page):  # noqa: DJ008  (Page.__str__ is the title)
    class Meta:
        verbose_name = _("training")
        verbose_name_plural = _("trainings")
