"""A group's page: what the group is, its next meetings and latest minutes
(members-only ones for those who may see them), and the join or leave
form. A fixed number of queries whatever the number of meetings, minutes
and members."""

from datetime import timedelta

from django.utils import timezone

from maillage_core.content_memo import for_anonymous

from .. import memberships
from ..access import access_for, mark_personal, meetings_visible_to, minutes_visible_to
from ..forms import JoinForm
from ..models.membership import Membership

UPCOMING = 10
RECENT = 10


def attach_minutes(group, meetings, user):
    """Set ``meeting.visible_minutes`` on each meeting, in one query."""
    ids = [meeting.pk for meeting in meetings]
    minutes = minutes_visible_to(user, group.minutes_of(ids)).only(
        "id", "title", "url_path", "meeting_id", "members_only", "meeting_members_only"
    )
    by_meeting = {item.meeting_id: item for item in minutes}
    for meeting in meetings:
        meeting.visible_minutes = by_meeting.get(meeting.pk)
    return meetings


def group_meetings(group, user):
    return meetings_visible_to(user, group.meetings()).only(
        "id", "title", "url_path", "path", "depth", "start", "end", "venue_name", "members_only", "group_id"
    )


def listed(group, user):
    """The meetings, sectors and member count the page shows ``user``."""
    now = timezone.now()
    meetings = group_meetings(group, user)
    return {
        "upcoming": list(meetings.filter(start__gte=now).order_by("start")[:UPCOMING]),
        "past": attach_minutes(group, list(meetings.filter(start__lt=now).order_by("-start")[:RECENT]), user),
        "sectors": list(group.sectors.all()),
        "member_count": Membership.objects.filter(group_id=group.pk, status=Membership.Status.MEMBER).count(),
    }


def next_change(shown):
    """When the next meeting starts, it moves from the upcoming to the past ones."""
    upcoming = shown["upcoming"]
    return upcoming[0].start + timedelta(microseconds=1) if upcoming else None


def detail(request, group):
    user = request.user
    access = access_for(user)
    # The same for every anonymous visitor (public meetings and minutes
    # only): kept for them under the content version until the next meeting
    # starts, a minute at most. Signed-in people, who may see members-only
    # meetings, get theirs read each time.
    shown = for_anonymous(request, ("group_page", group.pk), lambda: listed(group, user), until=next_change)
    membership = None
    if access.authenticated:
        membership = Membership.objects.filter(user=user, group_id=group.pk).first()
    manages = access.manages(group.pk)
    context = {
        **shown,
        "group": group,
        "membership": membership,
        "join_refusal": memberships.join_refusal(group, membership),
        "join_form": JoinForm(),
        "sees_members_content": access.sees_members_content(group.pk),
        "manages": manages,
        "pending_count": (
            Membership.objects.filter(group_id=group.pk, status=Membership.Status.PENDING).count() if manages else 0
        ),
    }
    return mark_personal(group.render(request, context_overrides=context), request, private=False)
