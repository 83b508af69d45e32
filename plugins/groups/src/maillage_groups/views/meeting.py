"""A meeting's page: when and where, the agenda, its documents, its minutes
once online, and for members the "will you attend?" form. Coordinators and
the officer also see the replies. A fixed number of queries whatever the
number of members and replies."""

from django.db.models import Count, Q

from ..access import access_for, mark_personal
from ..forms import AttendanceForm
from ..models.membership import AttendanceReply


def attendance_summary(meeting):
    counts = AttendanceReply.objects.filter(meeting=meeting).aggregate(
        will_attend=Count("pk", filter=Q(attending=True)), wont_attend=Count("pk", filter=Q(attending=False))
    )
    replies = AttendanceReply.objects.filter(meeting=meeting).select_related("user").order_by(
        "-attending", "user__last_name", "user__first_name"
    )
    return {
        "attending": counts["will_attend"],
        "absent": counts["wont_attend"],
        "replies": [(reply.user.get_full_name() or reply.user.email, reply.attending) for reply in replies],
    }


def detail(request, meeting):
    user = request.user
    access = access_for(user)
    group = meeting.group_link()
    minutes = meeting.live_minutes()
    if minutes is not None and not access.may_view(minutes):
        minutes = None
    is_member = meeting.group_id in access.member_of
    reply = None
    if is_member:
        reply = AttendanceReply.objects.filter(meeting=meeting, user=user).first()
    context = {
        "group": group,
        "documents": list(meeting.documents.select_related("document")),
        "minutes": minutes,
        "can_reply": is_member and not meeting.has_started,
        "reply": reply,
        "attendance_form": AttendanceForm(initial={"attending": "yes" if reply and reply.attending else "no"} if reply else None),
        "attendance": attendance_summary(meeting) if access.manages(meeting.group_id) else None,
    }
    response = meeting.render(request, context_overrides=context)
    return mark_personal(response, request, private=meeting.is_members_only)
