"""Funding calls (appels à projets).

A call is a snippet with drafts, revisions and Wagtail's moderation
workflows, like the directory's actors: the row is the published version,
a draft is never public. Whether a call is open, closing soon, upcoming or
past is read from its dates against today at each request and in each
engine query, so a call leaves the current search the day after its
closing date even before ``archive_funding_calls`` marks it archived.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from modelsearch.backends import get_search_backends_with_name
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from maillage_core.search.visibility import DRAFT, PUBLIC
from maillage_core.snippets import ModeratedSnippet, RoutedSnippetMixin
from maillage_core.words import day_month_year

from .. import conf
from ..amounts import bands_of

#: Paths the search page serves itself: no call may take them as slug.
RESERVED_SLUGS = {"archives", "rss", "json", "ical", "api", "alerte", "proposer", "merci"}
#: Fields save_revision() and locking write: they change no search document.
REVISION_POINTERS = {
    "latest_revision", "has_unpublished_changes", "draft_title", "latest_revision_created_at",
    "locked", "locked_at", "locked_by",
}
FACET_MAPPING = {"type": "keyword"}
#: A facet value meaning "every one" (a call open to every country).
ANY = "*"
TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


def local_today():
    return timezone.localdate()


class Status(models.TextChoices):
    OPEN = "open", pgettext_lazy("funding call", "open")
    CLOSING = "closing", pgettext_lazy("funding call", "closing soon")
    PERMANENT = "permanent", pgettext_lazy("funding call", "permanent")
    UPCOMING = "upcoming", pgettext_lazy("funding call", "upcoming")
    CLOSED = "closed", pgettext_lazy("funding call", "closed")


def status_of(permanent, opens_on, closes_on, today):
    """What a visitor is told of a call with these dates on ``today``."""
    if permanent:
        return Status.PERMANENT
    if closes_on and closes_on < today:
        return Status.CLOSED
    if opens_on and opens_on > today:
        return Status.UPCOMING
    if closes_on and (closes_on - today).days <= conf.get("CLOSING_SOON_DAYS"):
        return Status.CLOSING
    return Status.OPEN


def dates_text(permanent, opens_on, closes_on, status):
    """What a visitor is told after the status: when the call closes, and
    when it opens if it has not yet (the call's page and its cards)."""
    if permanent:
        closing = "· " + gettext("applications all year")
    elif closes_on:
        closing = "· " + gettext("closes on %(date)s") % {"date": day_month_year(closes_on)}
    else:
        closing = ""
    opening = ""
    if opens_on and status == Status.UPCOMING:
        opening = "· " + gettext("opens on %(date)s") % {"date": day_month_year(opens_on)}
    return f"{closing}\n{opening}"


class FundingCallQuerySet(models.QuerySet):
    def public(self):
        return self.filter(live=True)

    def current(self, today=None):
        """Published calls not past their closing date (open, upcoming or permanent)."""
        return self.public().filter(Q(permanent=True) | Q(closes_on__gte=today or local_today()))

    def open(self, today=None):
        today = today or local_today()
        return self.current(today).filter(Q(opens_on__isnull=True) | Q(opens_on__lte=today))

    def closing_soon(self, today=None):
        today = today or local_today()
        last = today + datetime.timedelta(days=conf.get("CLOSING_SOON_DAYS"))
        return self.open(today).filter(permanent=False, closes_on__lte=last)

    def past(self, today=None):
        """Published calls past their closing date: the archive."""
        return self.public().filter(permanent=False, closes_on__lt=today or local_today())

    def for_listing(self):
        return self.prefetch_related("funders").defer("what_is_funded", "how_to_apply", "documents")


class FundingCall(RoutedSnippetMixin, ModeratedSnippet, index.Indexed, ClusterableModel):
    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(
        _("slug"), max_length=120, unique=True, blank=True, help_text=_("Part of the address of the call's page.")
    )
    funders = ParentalManyToManyField("maillage_funding.Funder", verbose_name=_("funders"), related_name="calls")
    summary = models.TextField(_("summary"), help_text=_("Two or three sentences shown in lists and feeds."))
    what_is_funded = RichTextField(_("what is funded"), blank=True, features=TEXT_FEATURES)

    # Who may apply, where, on what
    actor_types = ParentalManyToManyField(
        "maillage_core.ActorType", verbose_name=_("eligible actor types"), blank=True, related_name="+",
        help_text=_("None chosen: every kind of actor."),
    )
    departments = ParentalManyToManyField(
        "maillage_core.Department", verbose_name=_("eligible departments"), blank=True, related_name="+",
        help_text=_("None chosen: actors of every department."),
    )
    countries = CountryField(
        _("countries"), multiple=True, blank=True, help_text=_("None chosen: projects in any country.")
    )
    sectors = ParentalManyToManyField("maillage_core.Sector", verbose_name=_("sectors"), blank=True, related_name="+")
    sdgs = ParentalManyToManyField(
        "maillage_core.SustainableDevelopmentGoal", verbose_name=_("SDGs"), blank=True, related_name="+"
    )

    # Money
    amount_min = models.PositiveIntegerField(_("smallest grant (€)"), null=True, blank=True)
    amount_max = models.PositiveIntegerField(_("largest grant (€)"), null=True, blank=True)
    cofunding_rate = models.PositiveSmallIntegerField(
        _("largest share funded (%)"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )

    # When
    opens_on = models.DateField(_("opens on"), null=True, blank=True, help_text=_("Empty: already open."))
    closes_on = models.DateField(
        _("closes on"), null=True, blank=True, db_index=True, help_text=_("Required unless the call is permanent.")
    )
    permanent = models.BooleanField(_("permanent"), default=False, help_text=_("Applications are taken all year."))
    recurs_yearly = models.BooleanField(_("comes back every year"), default=False)

    # How
    how_to_apply = models.TextField(_("how to apply"), blank=True)
    official_url = models.URLField(_("official page"), max_length=500, blank=True)
    documents = StreamField([("document", DocumentChooserBlock(label=_("document")))], blank=True,
                            verbose_name=_("documents"))
    checked_on = models.DateField(_("details checked on"), null=True, blank=True)

    # Never shown in public: what a visitor suggested, for the officer.
    suggestion = models.TextField(
        _("suggestion from the public"), blank=True,
        help_text=_("What a visitor sent with the public form; cleared by the officer once handled."),
    )
    submitter_email = models.EmailField(_("submitter's email"), blank=True)

    # Imported calls: where from, their key there, and the values the import
    # last wrote (a field the officer changed since is never overwritten).
    source = models.ForeignKey("maillage_funding.ImportSource", verbose_name=_("import source"), null=True,
                               blank=True, on_delete=models.SET_NULL, related_name="calls", editable=False)
    source_key = models.CharField(_("key in the source"), max_length=200, blank=True, editable=False)
    imported_values = models.JSONField(default=dict, blank=True, editable=False)

    archived = models.BooleanField(
        _("archived"), default=False, editable=False,
        help_text=_("Set by archive_funding_calls the day after the closing date."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = FundingCallQuerySet.as_manager()

    # Indexed by save() once the cluster (funders, sectors...) is written,
    # never from modelsearch's post_save signal, which fires before them.
    search_auto_update = False

    search_fields = [
        index.SearchField("title", boost=4),
        index.AutocompleteField("title"),
        index.SearchField("funder_names", boost=2),
        index.SearchField("summary", boost=2),
        index.SearchField("what_is_funded_text"),
        index.SearchField("country_names"),
        index.SearchField("sector_names"),
        index.FilterField("live"),
        index.FilterField("permanent"),
        index.FilterField("opens_on"),
        index.FilterField("closes_on"),
        index.FilterField("first_published_at"),
        index.FilterField("facet_funder_kinds", es_extra=FACET_MAPPING),
        index.FilterField("facet_actor_types", es_extra=FACET_MAPPING),
        index.FilterField("facet_departments", es_extra=FACET_MAPPING),
        index.FilterField("facet_countries", es_extra=FACET_MAPPING),
        index.FilterField("facet_sectors", es_extra=FACET_MAPPING),
        index.FilterField("facet_sdgs", es_extra=FACET_MAPPING),
        index.FilterField("facet_amounts", es_extra=FACET_MAPPING),
    ]

    class Meta:
        ordering = ["closes_on", "pk"]
        verbose_name = _("funding call")
        verbose_name_plural = _("funding calls")
        indexes = [models.Index(fields=["live", "closes_on"], name="maillage_funding_call_open")]
        constraints = [models.UniqueConstraint(fields=["source", "source_key"], condition=~models.Q(source_key=""),
                                               name="maillage_funding_one_call_per_source_key")]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        if not self.permanent and not self.closes_on:
            errors["closes_on"] = _("Give the closing date, or tick “permanent”.")
        if self.opens_on and self.closes_on and self.opens_on > self.closes_on:
            errors["opens_on"] = _("The call cannot open after it closes.")
        if self.amount_min is not None and self.amount_max is not None and self.amount_min > self.amount_max:
            errors["amount_min"] = _("The smallest grant is larger than the largest.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.unique_slug()
        super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if update_fields is None or not set(update_fields) <= REVISION_POINTERS | {"archived"}:
            # From the database, not from self: after save_revision() self
            # holds the proposed values, the row the published ones.
            index_call(self.pk)

    def slug_text(self):
        return self.title

    # What a visitor is told
    def status(self, today=None):
        return status_of(self.permanent, self.opens_on, self.closes_on, today or local_today())

    @property
    def status_label(self):
        return Status(self.status()).label

    @property
    def dates_text(self):
        return dates_text(self.permanent, self.opens_on, self.closes_on, self.status())

    @property
    def is_current(self):
        return self.live and self.status() != Status.CLOSED

    @property
    def funder_list(self):
        return ", ".join(funder.name for funder in self.funders.all())

    # Search documents: public fields only, French first
    def funder_names(self):
        return " ".join(funder.name for funder in self.funders.all())

    def what_is_funded_text(self):
        return strip_tags(self.what_is_funded or "")

    def country_names(self):
        names = []
        for language in ("fr", "en"):
            with translation.override(language):
                names += [str(country.name) for country in self.countries]
        return " ".join(dict.fromkeys(names))

    def sector_names(self):
        return " ".join(f"{sector.name} {sector.name_en}" for sector in self.sectors.all())

    def facet_funder_kinds(self):
        return sorted({funder.kind for funder in self.funders.all()})

    def facet_actor_types(self):
        return [str(actor_type.pk) for actor_type in self.actor_types.all()] or [ANY]

    def facet_departments(self):
        return [department.pk for department in self.departments.all()] or [ANY]

    def facet_countries(self):
        return [country.code for country in self.countries] or [ANY]

    def facet_sectors(self):
        return [str(sector.pk) for sector in self.sectors.all()]

    def facet_sdgs(self):
        return [str(sdg.pk) for sdg in self.sdgs.all()]

    def facet_amounts(self):
        return bands_of(self.amount_min, self.amount_max)

    def get_search_visibility(self):
        return PUBLIC if self.live else DRAFT

    @classmethod
    def get_indexed_objects(cls):
        return cls.objects.prefetch_related("funders", "actor_types", "departments", "sectors", "sdgs")

    # Its page, below the funding search page
    listing_page_mixin = "maillage_funding.models.FundingSearchPageMixin"
    preview_template = "maillage_funding/call_detail.html"
    preview_name = "call"
    reserved_slugs = RESERVED_SLUGS
    slug_default = "appel"


def index_call(pk):
    call = FundingCall.get_indexed_objects().filter(pk=pk).first()
    if call is None:
        return
    for _name, backend in get_search_backends_with_name(with_auto_update=True):
        backend.add(call)
