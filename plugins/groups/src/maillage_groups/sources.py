"""What the groups give the rest of a site through ``maillage_core.hooks``:
a section of site search, home figures and section, groups working on a
country (for country pages), the visibility values of a member's groups
and the pages kept from everyone else."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from maillage_core.hooks import CountryFigures, Event, KeyFigure, Section
from maillage_core.search.private_pages import exclude_private_pages
from maillage_core.search.sources import QuerysetSearchSource, SearchHit, summary_of
from maillage_core.site_pages import public, under_site

from . import conf
from .access import meetings_visible_to
from .models import GroupIndexPage, GroupPage, GroupStatus, MeetingPage, MinutesPage

COUNTRY_SECTION_SIZE = 6
HOME_MEETINGS = 3


class GroupSearchSource(QuerysetSearchSource):
    """Groups, meetings and minutes in site search. Members-only meetings
    and minutes are found by the members of their group (and the officer)
    only: on the engine by the visibility filter, in the database (no
    engine, or an outage) by one condition on the person's groups."""

    key = "groups"
    label = gettext_lazy("Working groups")
    order = 40

    def get_queryset(self, request):
        return under_site(Page.objects.live().type(GroupPage, MeetingPage, MinutesPage), request)

    def get_public_queryset(self, request):
        # Not only anonymous visitors: a member finds their group's pages
        # in the database too. Groups are never private by themselves.
        return exclude_private_pages(self.get_queryset(request).public(), getattr(request, "user", None))

    def get_hit_queryset(self, request):
        # A results page shows them as their own types: loaded as such at
        # once, rather than as plain pages first and their types again.
        return self.get_queryset(request).specific()

    def to_hits(self, pages, request) -> list:
        """The groups, meetings and minutes as their own page types, in one
        query per type rather than one per result (the plain pages of a
        search without the engine; a results page's are specific already)."""
        plain = [page.pk for page in pages if not isinstance(page, (GroupPage, MeetingPage, MinutesPage))]
        specific = Page.objects.filter(pk__in=plain).specific().in_bulk() if plain else {}
        return [self.to_hit(specific.get(page.pk, page), request) for page in pages]

    def to_hit(self, page, request) -> SearchHit:
        page = page.specific
        if isinstance(page, GroupPage):
            return SearchHit(title=page.title, url=page.get_url(request=request) or "", summary=summary_of(page.summary),
                             meta=_("Working group"))
        if isinstance(page, MeetingPage):
            when = date_format(page.local_start, "j F Y")
            return SearchHit(title=page.title, url=page.get_url(request=request) or "",
                             summary=summary_of(page.agenda), meta=_("Meeting of %(date)s") % {"date": when})
        when = date_format(page.local_held_on, "j F Y") if page.held_on else ""
        return SearchHit(title=page.title, url=page.get_url(request=request) or "", summary=summary_of(page.body),
                         meta=_("Minutes of the meeting of %(date)s") % {"date": when} if when else _("Minutes"))


def groups_index(request):
    pages = under_site(public(GroupIndexPage.objects.live()), request)
    return pages.order_by("path").first()


def active_groups(request):
    return under_site(public(GroupPage.objects.live()).filter(status=GroupStatus.ACTIVE), request)


def home_figures(request):
    count = active_groups(request).count()
    if not count:
        return []
    index = groups_index(request)
    return [KeyFigure(label=_("working groups"), value=count, url=index.url if index else "")]


def upcoming_meetings(request, limit):
    user = getattr(request, "user", None)
    meetings = under_site(MeetingPage.objects.live().filter(start__gte=timezone.now()), request)
    return list(meetings_visible_to(user, meetings).order_by("start")[:limit])


def home_sections(request):
    meetings = upcoming_meetings(request, HOME_MEETINGS)
    if not meetings:
        return []
    groups = GroupPage.objects.filter(pk__in={m.group_id for m in meetings}).only("id", "title").in_bulk()
    for meeting in meetings:
        meeting.group_page = groups.get(meeting.group_id)
    return [
        Section(
            key="groups",
            title=_("Next working group meetings"),
            template="maillage_groups/includes/home_section.html",
            context={"meetings": meetings, "index": groups_index(request), "time_zone": conf.get("TIME_ZONE")},
            order=50,
            event_kinds=("meeting",),
        )
    ]


def upcoming_events(request, limit):
    return [
        Event(
            title=meeting.title,
            url=meeting.get_url(request=request) or "",
            start=meeting.start,
            location=meeting.location or (_("Online") if meeting.online_url else ""),
            kind="meeting",
        )
        for meeting in upcoming_meetings(request, limit)
    ]


def country_figures(request):
    """Public groups per country, from one query of their country lists."""
    counts = {}
    pages = under_site(public(GroupPage.objects.live()), request).exclude(countries="")
    for stored in pages.values_list("countries", flat=True):
        for code in (stored or "").split(","):
            if code:
                counts[code] = counts.get(code, 0) + 1
    return [CountryFigures(key="groups", label=_("Groups"), counts=counts, order=40)] if counts else []


def country_section(request, code):
    groups = list(
        under_site(public(GroupPage.objects.live()), request)
        .filter(countries__contains=code)
        .order_by("status", "title")[:COUNTRY_SECTION_SIZE]
    )
    if not groups:
        return []
    attach_next_meeting_and_minutes(groups)
    return [
        Section(
            key="groups",
            title=_("Working groups on this country"),
            template="maillage_groups/includes/country_section.html",
            context={"groups": groups, "index": groups_index(request), "time_zone": conf.get("TIME_ZONE")},
            order=40,
        )
    ]


def attach_next_meeting_and_minutes(groups):
    """Each group's next public meeting and latest public minutes, in two
    queries for all the groups (a country page lists a handful of them)."""
    ids = [group.pk for group in groups]
    meetings, minutes = {}, {}
    upcoming = public(MeetingPage.objects.live()).filter(group_id__in=ids, members_only=False,
                                                          start__gte=timezone.now())
    for meeting in upcoming.order_by("-start"):
        meetings[meeting.group_id] = meeting  # the last one written is the earliest
    published = public(MinutesPage.objects.live()).filter(
        group_id__in=ids, members_only=False, meeting_members_only=False, held_on__isnull=False)
    for page in published.order_by("held_on"):
        minutes[page.group_id] = page  # the last one written is the latest
    for group in groups:
        group.next_meeting = meetings.get(group.pk)
        group.latest_minutes = minutes.get(group.pk)
