"""The "public meetings of a group" topic of core's subscriptions (hook
``maillage_subscription_topics``): subscribers choose working groups (none:
every group) and their digest lists the public meetings announced since,
once each. Members-only meetings never appear: members hear of those by
the group's own notifications."""

from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from maillage_core.search.private_pages import exclude_private_pages
from maillage_core.subscriptions.topics import DigestItem, Topic, TopicFilter

from . import conf
from .models import GroupPage, MeetingPage
from .models.choices import GroupStatus

TOPIC = "reunions-groupes"
LIMIT = 50


def group_choices():
    groups = GroupPage.objects.live().public().exclude(status=GroupStatus.ARCHIVED).order_by("title")
    return [(str(pk), title) for pk, title in groups.values_list("pk", "title")]


def summary(meeting):
    start = timezone.localtime(meeting.start, conf.time_zone())
    parts = [formats.date_format(start, "DATETIME_FORMAT"), meeting.venue_name]
    return " — ".join(part for part in parts if part)


def title(meeting):
    if meeting.group_id is None:
        return meeting.title
    return gettext("%(group)s: %(meeting)s") % {"group": meeting.group.title, "meeting": meeting.title}


def new_meetings(since, filters):
    """Live public meetings first published after ``since``, of the chosen groups."""
    meetings = MeetingPage.objects.live().public().filter(first_published_at__gt=since, members_only=False)
    if filters.get("group"):
        meetings = meetings.filter(group_id__in=[int(pk) for pk in filters["group"] if pk.isdigit()])
    meetings = exclude_private_pages(meetings).select_related("group").order_by("first_published_at", "pk")[:LIMIT]
    return [
        DigestItem(key=f"meeting:{meeting.pk}", title=title(meeting), url=meeting.get_full_url(), published_at=meeting.first_published_at, summary=summary(meeting))
        for meeting in meetings
        if meeting.get_full_url()
    ]


def topics():
    return [Topic(
        key=TOPIC,
        label=_("Public meetings of working groups"),
        description=_("Meetings open to everyone, announced by the groups you choose."),
        filters=(TopicFilter("group", _("working group"), group_choices),),
        new_items=new_meetings,
        order=60,
    )]
