"""What the groups plugin holds about a person, for the
``maillage_personal_data`` hook: their memberships (with the message sent
with a request) and their answers to meetings. Both are found through the
person's accounts, whose address core's "accounts" kind erases afterwards
(it runs last)."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from maillage_core.personal_data.kinds import Erased, Kind

from .models import AttendanceReply, Membership


def users_of(email):
    User = get_user_model()
    return User.objects.filter(**{f"{User.get_email_field_name()}__iexact": email})


def iso(value):
    return value.isoformat() if value else None


def memberships_of(email):
    return Membership.objects.filter(user__in=users_of(email)).select_related("group").order_by("pk")


def export_memberships(email):
    return [
        {
            "group": membership.group.title,
            "status": membership.status,
            "coordinator": membership.is_coordinator,
            "message": membership.message,
            "email_new_meetings": membership.notify_meetings,
            "email_new_minutes": membership.notify_minutes,
            "requested_at": iso(membership.requested_at),
            "decided_at": iso(membership.decided_at),
        }
        for membership in memberships_of(email)
    ]


def erase_memberships(email):
    # One by one, so each deletion takes the person out of its group's
    # coordinators (the membership signal handlers do).
    count = 0
    for membership in memberships_of(email):
        membership.delete()
        count += 1
    return Erased(deleted=count)


def replies_of(email):
    return AttendanceReply.objects.filter(user__in=users_of(email)).select_related("meeting").order_by("pk")


def export_replies(email):
    return [{"meeting": reply.meeting.title, "attending": reply.attending, "answered_at": iso(reply.updated_at)}
            for reply in replies_of(email)]


def erase_replies(email):
    count, _by_model = replies_of(email).delete()
    return Erased(deleted=count)


def kinds():
    return [
        Kind(key="groups-memberships", label=_("Working group memberships"), fields=(),
             export=export_memberships, erase=erase_memberships),
        Kind(key="groups-attendance", label=_("Answers to group meetings"), fields=(),
             export=export_replies, erase=erase_replies),
    ]
