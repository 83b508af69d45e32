"""The actor record: an organisation of the region acting abroad.

Managed as a Wagtail snippet with drafts, revisions, locking, previews and
moderation workflows: the database row is always the *published* version
(``live``), and proposed changes wait in revisions until an officer
publishes them. Search and public pages read the row; a draft never leaks.

Contact details carry a public/private choice each; the contact person is
always private. Only ``public_*`` accessors are meant for public templates,
search documents and public exports.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from modelsearch.backends import get_search_backends_with_name
from wagtail.fields import RichTextField
from wagtail.images import get_image_model_string
from wagtail.models import (
    Orderable,
)
from wagtail.search import index

from maillage_core.search.visibility import DRAFT, PUBLIC
from maillage_core.snippets import ModeratedSnippet, RoutedSnippetMixin

from ..listing_cache import data_changed
from .choices import LegalStatus, SizeBand

# Paths the directory page serves itself: no actor may take them as slug.
RESERVED_SLUGS = {"proposer", "merci", "mise-a-jour", "modifier"}
# Fields save_revision() and locking write: they change no search document.
REVISION_POINTERS = {
    "latest_revision", "has_unpublished_changes", "draft_title", "latest_revision_created_at",
    "locked", "locked_at", "locked_by",
}
FACET_MAPPING = {"type": "keyword", "eager_global_ordinals": True}
DESCRIPTION_FEATURES = ["bold", "italic", "link", "ol", "ul"]
# The oldest actors of the networks were founded in the 19th century.
FIRST_YEAR_FOUNDED = 1800


def current_year():
    return timezone.localdate().year


class ActorQuerySet(models.QuerySet):
    def live(self):
        return self.filter(live=True)


class Actor(RoutedSnippetMixin, ModeratedSnippet, index.Indexed, ClusterableModel):
    # Identity
    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    slug = models.SlugField(
        _("slug"), max_length=120, unique=True, blank=True, help_text=_("Part of the address of the actor's page.")
    )
    external_key = models.CharField(
        _("import key"),
        max_length=100,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Stable identifier shared with the network's spreadsheet; an import updates the actor with this key."),
    )
    actor_type = models.ForeignKey(
        "maillage_core.ActorType",
        verbose_name=_("actor type"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    legal_status = models.CharField(_("legal status"), max_length=30, choices=LegalStatus.choices, blank=True)
    logo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    logo_alt = models.CharField(
        _("logo text alternative"),
        max_length=200,
        blank=True,
        help_text=_("What the logo says, for people who cannot see it (usually the name written in it)."),
    )
    description = RichTextField(_("description"), blank=True, features=DESCRIPTION_FEATURES)
    year_founded = models.PositiveSmallIntegerField(
        _("year founded"), null=True, blank=True, validators=[MinValueValidator(FIRST_YEAR_FOUNDED), MaxValueValidator(2100)]
    )
    members = models.CharField(_("members"), max_length=10, choices=SizeBand.choices, blank=True)
    volunteers = models.CharField(_("volunteers"), max_length=10, choices=SizeBand.choices, blank=True)
    staff = models.CharField(_("staff"), max_length=10, choices=SizeBand.choices, blank=True)

    # Head office and contact details, each with its own public/private choice
    address = models.CharField(_("street address"), max_length=255, blank=True)
    address_public = models.BooleanField(_("show the street address"), default=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    department = models.ForeignKey(
        "maillage_core.Department",
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    email_public = models.BooleanField(_("show the email"), default=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    phone_public = models.BooleanField(_("show the phone number"), default=True)
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn page"), blank=True)
    instagram_url = models.URLField(_("Instagram account"), blank=True)

    # Action abroad, described with the shared thesaurus
    countries = CountryField(_("countries of intervention"), multiple=True, blank=True)
    sectors = ParentalManyToManyField("maillage_core.Sector", verbose_name=_("sectors"), blank=True, related_name="+")
    sdgs = ParentalManyToManyField(
        "maillage_core.SustainableDevelopmentGoal", verbose_name=_("SDGs"), blank=True, related_name="+"
    )

    # Never shown in public
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_role = models.CharField(_("contact person's role"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact person's email"), blank=True)
    contact_phone = models.CharField(_("contact person's phone"), max_length=30, blank=True)

    last_confirmed_at = models.DateField(
        _("last confirmed up to date"), null=True, blank=True, help_text=_("When the actor last confirmed this record.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)

    objects = ActorQuerySet.as_manager()

    # Indexed by save() once the whole cluster (sectors, SDGs) is written,
    # never from modelsearch's post_save signal, which fires before them.
    search_auto_update = False

    search_fields = [
        index.SearchField("name", boost=4),
        index.AutocompleteField("name"),
        index.SearchField("acronym", boost=4),
        index.AutocompleteField("acronym"),
        index.SearchField("city"),
        index.SearchField("description_text"),
        index.FilterField("live"),
        index.FilterField("updated_at"),
        index.FilterField("sort_name", es_extra={"type": "keyword"}),
        # Facets are aggregated on every directory page: their global
        # ordinals are built at refresh time, not by the first search.
        index.FilterField("facet_types", es_extra=FACET_MAPPING),
        index.FilterField("facet_countries", es_extra=FACET_MAPPING),
        index.FilterField("facet_sectors", es_extra=FACET_MAPPING),
        index.FilterField("facet_sdgs", es_extra=FACET_MAPPING),
        index.FilterField("facet_departments", es_extra=FACET_MAPPING),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("actor")
        verbose_name_plural = _("actors")
        indexes = [models.Index(fields=["live", "name"], name="maillage_actor_live_name")]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.unique_slug()
        super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if update_fields is None or not set(update_fields) <= REVISION_POINTERS:
            # From the database, not from self: after save_revision() self
            # holds the proposed values, the row the published ones.
            index_actor(self.pk)

    def slug_text(self):
        return self.acronym if self.acronym and len(self.name) > 60 else self.name

    # What the public may see
    @property
    def public_address(self):
        return self.address if self.address_public else ""

    @property
    def public_email(self):
        return self.email if self.email_public else ""

    @property
    def public_phone(self):
        return self.phone if self.phone_public else ""

    @property
    def social_links(self):
        links = [("Facebook", self.facebook_url), ("LinkedIn", self.linkedin_url), ("Instagram", self.instagram_url)]
        return [(label, url) for label, url in links if url]

    @property
    def country_names(self):
        return ", ".join(str(country.name) for country in self.countries)

    @property
    def country_codes(self):
        return [country.code for country in self.countries]

    def get_countries_display(self):
        # Django's generated one cannot handle a field of several countries.
        return ", ".join(str(country.name) for country in self.countries)

    @property
    def sector_list(self):
        return ", ".join(sector.name for sector in self.sectors.all())

    @property
    def sdg_list(self):
        return ", ".join(str(sdg.pk) for sdg in self.sdgs.all())

    # Search: only public fields go into documents
    def description_text(self):
        return strip_tags(self.description or "")

    def sort_name(self):
        return slugify(self.name)

    def facet_types(self):
        return [str(self.actor_type_id)] if self.actor_type_id else []

    def facet_countries(self):
        return self.country_codes

    def facet_sectors(self):
        return [str(sector.pk) for sector in self.sectors.all()]

    def facet_sdgs(self):
        return [str(sdg.pk) for sdg in self.sdgs.all()]

    def facet_departments(self):
        return [self.department_id] if self.department_id else []

    def get_search_visibility(self):
        return PUBLIC if self.live else DRAFT

    # What a search document reads: loading only that keeps a full reindex
    # of 100,000 actors short.
    INDEXED_COLUMNS = ("name", "acronym", "city", "description", "live", "updated_at", "actor_type_id",
                       "department_id", "countries")

    @classmethod
    def get_indexed_objects(cls):
        from maillage_core.models import Sector, SustainableDevelopmentGoal

        return cls.objects.only(*cls.INDEXED_COLUMNS).prefetch_related(
            models.Prefetch("sectors", queryset=Sector.objects.only("pk")),
            models.Prefetch("sdgs", queryset=SustainableDevelopmentGoal.objects.only("pk")),
        )

    # Its page, below the directory's
    listing_page_mixin = "maillage_directory.models.DirectoryPageMixin"
    preview_template = "maillage_directory/actor_detail.html"
    preview_name = "actor"
    reserved_slugs = RESERVED_SLUGS
    slug_default = "acteur"

    def extra_preview_context(self, page, request):
        # What the page's view reads once for the template (views.actor_page).
        return {
            "related": [],
            "sectors": list(self.sectors.all()),
            "sdgs": list(self.sdgs.all()),
            "projects": list(self.projects.all()),
        }

    @cached_property
    def is_stale(self):
        """Not confirmed for two years: the page says so."""
        if not self.last_confirmed_at:
            return False
        return (timezone.localdate() - self.last_confirmed_at).days > 730



def index_actor(pk):
    actor = Actor.get_indexed_objects().filter(pk=pk).first()
    if actor is None:
        return
    for _name, backend in get_search_backends_with_name(with_auto_update=True):
        backend.add(actor)
    data_changed()


class ActorProject(Orderable):
    """A project the actor runs abroad."""

    actor = ParentalKey(Actor, on_delete=models.CASCADE, related_name="projects")
    title = models.CharField(_("title"), max_length=200)
    country = CountryField(_("country"), blank=True)
    sector = models.ForeignKey(
        "maillage_core.Sector", verbose_name=_("sector"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    start_year = models.PositiveSmallIntegerField(
        _("first year"), null=True, blank=True, validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    end_year = models.PositiveSmallIntegerField(
        _("last year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        help_text=_("Leave empty while the project goes on."),
    )
    description = models.TextField(_("description"), blank=True)
    local_partner = models.CharField(_("local partner"), max_length=200, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("project abroad")
        verbose_name_plural = _("projects abroad")

    def __str__(self):
        return self.title

    @property
    def years(self):
        if self.start_year and self.end_year and self.end_year != self.start_year:
            return f"{self.start_year}–{self.end_year}"
        if self.start_year and not self.end_year:
            return f"{self.start_year}–"
        return str(self.start_year or self.end_year or "")
