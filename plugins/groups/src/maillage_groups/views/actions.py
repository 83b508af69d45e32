"""What a signed-in person does from a group or meeting page: join, leave,
choose emails, reply to "will you attend?". Each answers a POST with a
message and a redirect back to the page; a refused action says why and
changes nothing."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage_core.antispam import RATE_LIMIT_MESSAGE, rate_limited

from .. import memberships
from ..access import access_for, forget, login_url
from ..forms import AttendanceForm, JoinForm, NotificationsForm
from ..models import AttendanceReply, GroupPage, MeetingPage, Membership


def live_group(group_id):
    group = GroupPage.objects.live().filter(pk=group_id).first()
    if group is None:
        raise Http404
    return group


def back_to(request, page, fallback="maillage_groups:account"):
    url = page.get_url(request=request) if page is not None else None
    return redirect(url or fallback)


def form_errors(form):
    return " ".join(str(error) for errors in form.errors.values() for error in errors)


@require_POST
def join(request, group_id):
    group = live_group(group_id)
    if not request.user.is_authenticated:
        return redirect_to_login(group.get_url(request=request) or "/", login_url=login_url())
    if rate_limited(request, "groups-join"):
        messages.error(request, RATE_LIMIT_MESSAGE)
        return back_to(request, group)
    form = JoinForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_errors(form))
        return back_to(request, group)
    try:
        membership = memberships.request_to_join(request.user, group, form.cleaned_data["message"], request=request)
    except memberships.Refused as refusal:
        messages.error(request, str(refusal))
        return back_to(request, group)
    forget(request.user)
    if membership.is_member:
        messages.success(request, _("Welcome: you are now a member of “%(group)s”.") % {"group": group.title})
    else:
        messages.success(
            request,
            _("Your request to join “%(group)s” is sent. A coordinator will answer by email.") % {"group": group.title},
        )
    return back_to(request, group)


@require_POST
def leave(request, group_id):
    group = live_group(group_id)
    if not request.user.is_authenticated:
        return redirect_to_login(group.get_url(request=request) or "/", login_url=login_url())
    try:
        memberships.leave(request.user, group)
    except memberships.Refused as refusal:
        messages.error(request, str(refusal))
    else:
        forget(request.user)
        messages.success(request, _("You left “%(group)s”.") % {"group": group.title})
    if request.POST.get("from") == "account":
        return redirect("maillage_groups:account")
    return back_to(request, group)


@require_POST
def notifications(request, group_id):
    if not request.user.is_authenticated:
        return redirect_to_login("/", login_url=login_url())
    membership = Membership.objects.filter(
        user=request.user, group_id=group_id, status=Membership.Status.MEMBER
    ).first()
    if membership is None:
        raise Http404
    form = NotificationsForm(request.POST, prefix=f"m{membership.pk}")
    if form.is_valid():
        memberships.set_notifications(
            membership, meetings=form.cleaned_data["meetings"], minutes=form.cleaned_data["minutes"]
        )
        messages.success(request, _("Your email choices for “%(group)s” are saved.") % {"group": membership.group.title})
    return redirect("maillage_groups:account")


@require_POST
def attendance(request, meeting_id):
    meeting = MeetingPage.objects.live().filter(pk=meeting_id).first()
    if meeting is None:
        raise Http404
    if not request.user.is_authenticated:
        return redirect_to_login(meeting.get_url(request=request) or "/", login_url=login_url())
    access = access_for(request.user)
    if meeting.group_id not in access.member_of:
        messages.error(request, _("Only the group's members reply to its meetings."))
        return back_to(request, meeting)
    if meeting.has_started:
        messages.error(request, _("This meeting has started: replies are closed."))
        return back_to(request, meeting)
    form = AttendanceForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose “I will attend” or “I won't attend”."))
        return back_to(request, meeting)
    attending = form.cleaned_data["attending"]
    try:
        with transaction.atomic():
            AttendanceReply.objects.update_or_create(meeting=meeting, user=request.user, defaults={"attending": attending})
    except IntegrityError:  # two replies at once: the other one is recorded, record this one over it
        AttendanceReply.objects.filter(meeting=meeting, user=request.user).update(attending=attending)
    if attending:
        messages.success(request, _("Thank you: you are counted in for this meeting."))
    else:
        messages.success(request, _("Thank you: you are counted out of this meeting."))
    return back_to(request, meeting)
