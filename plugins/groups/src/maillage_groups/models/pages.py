"""The page types of working groups: an index listing the groups, a group
page, its meetings and each meeting's minutes (compte rendu).

Each is a ``(Mixin, Page)`` pair, as Wagtail 8's swappable base page asks
of reusable apps. Sub-views (archives, feeds, a meeting's .ics) are routes
of these pages; what a person does (join, leave, reply, sign in) goes
through the plugin's own URLs (``maillage_groups.urls``).

Privacy is set per item: a meeting or its minutes may be for the group's
members only. Such a page is served only after a membership check made at
request time (``MembersOnlyPageMixin.serve``), is indexed with the
visibility ``members:groups-<id>`` and stays out of the sitemap. Wagtail's
own view restrictions are not used for it: ``PageQuerySet.public()`` adds
one condition per restricted page, which breaks search past 1,024 private
pages (Wagtail issue 14108) and slows every listing that calls it.
"""

from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from maillage_core.models import MaillagePageMixin
from maillage_core.search import visibility

from .. import conf
from ..access import MEMBERS, mark_personal, refusal, refuse
from ..admin_forms import MeetingPageForm, MinutesPageForm
from ..indexing import index_page, refresh_minutes_of
from ..views import feeds, listing
from ..views import group as group_views
from ..views import meeting as meeting_views
from .choices import GroupKind, GroupStatus, MembershipPolicy

RICH_TEXT = ["h3", "h4", "bold", "italic", "link", "document-link", "ol", "ul"]


def members_key(group_id) -> str:
    """The search visibility of a group's members-only pages."""
    return visibility.members(f"groups-{group_id}")


def groups_by_id(ids):
    """{id: group} with what a listing of minutes shows of their groups, in one query."""
    return GroupPage.objects.filter(pk__in=ids).only("id", "title", "url_path").in_bulk()


def ancestor_paths(page):
    steplen = page.steplen
    return [page.path[:end] for end in range(steplen, len(page.path or ""), steplen)]


class TimeZoneContextMixin:
    """Templates show dates in the groups' time zone (``{% timezone time_zone %}``)."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["time_zone"] = conf.get("TIME_ZONE")
        return context


class MembersOnlyPageMixin(models.Model):
    """A page its group may keep for its members."""

    members_only = models.BooleanField(
        _("for members only"),
        default=False,
        help_text=_(
            "Only the group's members, its coordinators and the network's team can open it, "
            "find it in search or download its documents."
        ),
    )
    group = models.ForeignKey(
        "maillage_groups.GroupPage",
        verbose_name=_("working group"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True

    @property
    def is_members_only(self):
        return self.members_only

    def assign_group(self):
        found = GroupPage.objects.filter(path__in=ancestor_paths(self)).order_by("-depth").first()
        self.group_id = found.pk if found else None

    def group_id_under(self, parent):
        """The group this page belongs to, or will once created under ``parent``
        (the editor form checks its documents against it)."""
        if self.group_id:
            return self.group_id
        if parent is None:
            return None
        if isinstance(parent.specific, GroupPage):
            return parent.pk
        return getattr(parent.specific, "group_id", None)

    def get_search_visibility(self):
        value = visibility.page_visibility(self)
        if self.is_members_only and value in (visibility.PUBLIC, visibility.AUTHENTICATED):
            return members_key(self.group_id)
        return value

    def get_sitemap_urls(self, request=None):
        if self.is_members_only:
            return []
        return super().get_sitemap_urls(request=request)

    def get_robots(self, request=None):
        return "noindex, nofollow" if self.is_members_only else super().get_robots(request)

    def serve(self, request, *args, **kwargs):
        # Previews are reached through the admin, which checked the editor's rights.
        if not getattr(request, "is_preview", False):
            reason = refusal(request.user, self)
            if reason is not None:
                # The group is read for the 403 page only, which names it.
                return refuse(request, reason, self.group if reason == MEMBERS else None)
        response = super().serve(request, *args, **kwargs)
        return mark_personal(response, request, private=self.is_members_only)


# -- the groups index -------------------------------------------------------


class GroupIndexPageMixin(TimeZoneContextMixin, RoutablePageMixin, MaillagePageMixin, models.Model):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    promote_panels = Page.promote_panels + MaillagePageMixin.seo_panels
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = ["maillage_groups.GroupPage"]
    template = "maillage_groups/group_index_page.html"
    # The listing's filters and the minutes archive's search, year and pages.
    listing_parameters = ("type", "pays", "secteur", "statut", "q", "annee", "page")

    class Meta:
        abstract = True

    # What its views ask of the page: they cannot import this module, which imports them.
    def groups(self):
        """The live, public groups below the index."""
        return GroupPage.objects.live().public().descendant_of(self)

    def archived_minutes(self):
        """The archive's scope: the live minutes of every group below."""
        return MinutesPage.objects.live().descendant_of(self)

    def groups_by_id(self, ids):
        return groups_by_id(ids)

    @path("")
    def listing_view(self, request):
        return listing.group_index(request, self)

    @path("comptes-rendus/", name="archive")
    def archive_view(self, request):
        return listing.minutes_archive(request, self, group=None)


# -- a working group --------------------------------------------------------


class GroupPageMixin(TimeZoneContextMixin, RoutablePageMixin, MaillagePageMixin, models.Model):
    kind = models.CharField(_("kind of group"), max_length=10, choices=GroupKind.choices, default=GroupKind.THEMATIC)
    countries = CountryField(
        _("countries"), multiple=True, blank=True, help_text=_("The countries a country group works on.")
    )
    sectors = ParentalManyToManyField("maillage_core.Sector", verbose_name=_("sectors"), blank=True, related_name="+")
    summary = models.TextField(_("summary"), max_length=400, help_text=_("Two or three sentences shown in listings."))
    description = RichTextField(_("description"), blank=True, features=RICH_TEXT)
    coordination = models.TextField(
        _("coordination"),
        blank=True,
        max_length=600,
        help_text=_("Who leads the group (people and organisations), as it should read on the public page."),
    )
    status = models.CharField(_("status"), max_length=10, choices=GroupStatus.choices, default=GroupStatus.ACTIVE)
    membership_policy = models.CharField(
        _("membership"), max_length=10, choices=MembershipPolicy.choices, default=MembershipPolicy.ON_REQUEST
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
        FieldPanel("countries"),
        FieldPanel("sectors"),
        FieldPanel("description"),
        FieldPanel("coordination"),
        FieldPanel("membership_policy"),
        HelpPanel(
            content=_(
                "Meetings are pages under the group; minutes are pages under their meeting. Members and join "
                "requests are under “Working groups › Members” in the menu."
            ),
            heading=_("Meetings and members"),
        ),
    ]
    promote_panels = Page.promote_panels + MaillagePageMixin.seo_panels
    # Indexed by save() once the sectors are written (see ``indexing``),
    # never from modelsearch's post_save signal, which fires before them.
    search_auto_update = False
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("coordination"),
        index.SearchField("country_names"),
        index.RelatedFields("sectors", [index.SearchField("name"), index.SearchField("name_en")]),
        index.FilterField("kind"),
        index.FilterField("status"),
    ]
    parent_page_types = ["maillage_groups.GroupIndexPage"]
    subpage_types = ["maillage_groups.MeetingPage"]
    template = "maillage_groups/group_page.html"
    # The site map links to the group, not to each of its meetings.
    site_map_children = False

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if kwargs.get("update_fields") is None:
            index_page(self)

    @property
    def is_archived(self):
        return self.status == GroupStatus.ARCHIVED

    @property
    def accepts_members(self):
        return not self.is_archived and self.membership_policy != MembershipPolicy.CLOSED

    @property
    def country_names(self):
        return ", ".join(str(country.name) for country in self.countries)

    def get_meta_description(self):
        return self.search_description or self.summary

    # What its views ask of the page: they cannot import this module, which imports them.
    def meetings(self):
        """The group's live meetings, members-only ones included."""
        return MeetingPage.objects.live().filter(group_id=self.pk)

    def archived_minutes(self):
        """The archive's scope: the group's live minutes."""
        return MinutesPage.objects.live().filter(group=self)

    def minutes_of(self, meeting_ids):
        """The live minutes of these meetings."""
        return MinutesPage.objects.live().filter(meeting_id__in=meeting_ids)

    def groups_by_id(self, ids):
        return groups_by_id(ids)

    @path("")
    def detail_view(self, request):
        return group_views.detail(request, self)

    @path("comptes-rendus/", name="archive")
    def archive_view(self, request):
        return listing.minutes_archive(request, self, group=self)

    @path("calendrier/", name="calendar")
    def calendar_feed(self, request):
        return feeds.group_calendar(request, self)

    @path("rss/", name="rss")
    def rss_feed(self, request):
        return feeds.group_rss(request, self)


# -- meetings and minutes ---------------------------------------------------


class MeetingPageMixin(TimeZoneContextMixin, MembersOnlyPageMixin, RoutablePageMixin, MaillagePageMixin, models.Model):
    start = models.DateTimeField(_("start"), help_text=_("Date and time, Paris time."))
    end = models.DateTimeField(_("end"), null=True, blank=True)
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.TextField(_("address"), max_length=400, blank=True)
    online_url = models.URLField(
        _("online meeting link"), blank=True, help_text=_("For a meeting held online, or to join from a distance.")
    )
    agenda = RichTextField(_("agenda"), blank=True, features=RICH_TEXT)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        MultiFieldPanel([FieldPanel("venue_name"), FieldPanel("address"), FieldPanel("online_url")], heading=_("Where")),
        FieldPanel("agenda"),
        FieldPanel("members_only"),
        InlinePanel("documents", label=_("Documents"), heading=_("Documents")),
    ]
    promote_panels = Page.promote_panels + MaillagePageMixin.seo_panels
    search_fields = Page.search_fields + [
        index.SearchField("agenda"),
        index.SearchField("venue_name"),
        index.SearchField("address"),
        index.FilterField("start"),
        index.FilterField("group"),
        index.FilterField("members_only"),
    ]
    parent_page_types = ["maillage_groups.GroupPage"]
    subpage_types = ["maillage_groups.MinutesPage"]
    template = "maillage_groups/meeting_page.html"
    og_type = "article"
    base_form_class = MeetingPageForm

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        full_save = kwargs.get("update_fields") is None
        if full_save:
            self.assign_group()
        super().save(*args, **kwargs)
        if full_save:
            # The minutes' visibility and date follow their meeting's.
            refresh_minutes_of(self, MinutesPage)

    def clean(self):
        super().clean()
        from django.core.exceptions import ValidationError

        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The meeting must end after it starts.")})

    @property
    def local_start(self):
        return timezone.localtime(self.start, conf.time_zone())

    @property
    def local_end(self):
        return timezone.localtime(self.end, conf.time_zone()) if self.end else None

    @property
    def has_started(self):
        return self.start <= timezone.now()

    @property
    def location(self):
        return ", ".join(part for part in (self.venue_name, " ".join(self.address.split())) if part)

    def get_meta_description(self):
        return self.search_description or ""

    def live_minutes(self):
        """The meeting's minutes once online, with what its page shows of them
        (its view asks the page)."""
        return (
            MinutesPage.objects.live().filter(meeting_id=self.pk)
            .only("id", "title", "url_path", "group_id", "members_only", "meeting_members_only").first()
        )

    def group_link(self):
        """Its group, with what a link to it needs."""
        return groups_by_id([self.group_id]).get(self.group_id) if self.group_id else None

    @path("")
    def detail_view(self, request):
        return meeting_views.detail(request, self)

    @path("ical/", name="ical")
    def ical_view(self, request):
        return feeds.meeting_ical(request, self)


class MinutesPageMixin(TimeZoneContextMixin, MembersOnlyPageMixin, MaillagePageMixin, models.Model):
    body = RichTextField(_("minutes"), features=RICH_TEXT)
    meeting = models.ForeignKey(
        "maillage_groups.MeetingPage",
        verbose_name=_("meeting"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    held_on = models.DateTimeField(_("meeting date"), null=True, blank=True, editable=False, db_index=True)
    # The meeting's privacy, copied here (by this page's save and by the
    # meeting's) so that reading and filtering minutes needs no join.
    meeting_members_only = models.BooleanField(default=False, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("body"),
        FieldPanel("members_only"),
        InlinePanel("documents", label=_("Documents"), heading=_("Documents")),
    ]
    promote_panels = Page.promote_panels + MaillagePageMixin.seo_panels
    search_fields = Page.search_fields + [
        index.SearchField("body"),
        index.FilterField("held_on"),
        index.FilterField("group"),
        # What the database search backend needs to apply the members-only
        # condition itself (the engine uses the visibility field instead).
        index.FilterField("members_only"),
        index.FilterField("meeting_members_only"),
    ]
    parent_page_types = ["maillage_groups.MeetingPage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "maillage_groups/minutes_page.html"
    og_type = "article"
    base_form_class = MinutesPageForm

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None:
            self.assign_group()
            self.assign_meeting()
        super().save(*args, **kwargs)

    def assign_meeting(self):
        found = MeetingPage.objects.filter(path__in=ancestor_paths(self)).order_by("-depth").first()
        self.meeting_id = found.pk if found else None
        self.held_on = found.start if found else None
        # Without a meeting above them, minutes stay for members.
        self.meeting_members_only = found.members_only if found else True
        self.__dict__["parent_meeting"] = found

    def meeting_under(self, parent):
        """The meeting ``parent`` is, if it is one (the editor form checks the
        minutes against it)."""
        specific = parent.specific if parent is not None else None
        return specific if isinstance(specific, MeetingPage) else None

    @cached_property
    def parent_meeting(self):
        return MeetingPage.objects.filter(pk=self.meeting_id).first() if self.meeting_id else None

    @property
    def is_members_only(self):
        # Minutes are never more open than their meeting: the meeting's
        # title and date show on them.
        return self.members_only or self.meeting_members_only

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            group=GroupPage.objects.filter(pk=self.group_id).first(),
            meeting=self.parent_meeting,
            documents=list(self.documents.select_related("document")),
        )
        return context

    @property
    def local_held_on(self):
        return timezone.localtime(self.held_on, conf.time_zone()) if self.held_on else None


class AttachedDocument(Orderable):
    document = models.ForeignKey(
        get_document_model_string(), verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )
    label = models.CharField(
        _("label"), max_length=200, blank=True, help_text=_("Shown instead of the document's title when given.")
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        abstract = True

    @property
    def title(self):
        return self.label or self.document.title


class GroupIndexPage(GroupIndexPageMixin, Page):  # noqa: DJ008  (Page.__str__ is the title)
    class Meta:
        verbose_name = _("working groups index")
        verbose_name_plural = _("working groups indexes")


class GroupPage(GroupPageMixin, Page):  # noqa: DJ008
    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")


class MeetingPage(MeetingPageMixin, Page):  # noqa: DJ008
    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        indexes = [models.Index(fields=["group", "start"], name="maillage_meeting_group_start")]


class MinutesPage(MinutesPageMixin, Page):  # noqa: DJ008
    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")


class MeetingDocument(AttachedDocument):
    page = ParentalKey(MeetingPage, related_name="documents", on_delete=models.CASCADE)

    class Meta(AttachedDocument.Meta):
        verbose_name = _("meeting document")
        verbose_name_plural = _("meeting documents")


class MinutesDocument(AttachedDocument):
    page = ParentalKey(MinutesPage, related_name="documents", on_delete=models.CASCADE)

    class Meta(AttachedDocument.Meta):
        verbose_name = _("minutes document")
        verbose_name_plural = _("minutes documents")
