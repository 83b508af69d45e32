"""Signed links from emails: a coordinator answers a join request, a member
unsubscribes. Opening a link (GET) only shows what it will do: mail
scanners that follow links change nothing. The change happens on POST.
A forged, altered, expired, out-of-date or already used link gets a page
saying so, and nothing changes."""

from django.contrib.auth import get_user_model
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .. import memberships, tokens
from ..access import access_for
from ..forms import DecisionForm
from ..models import Membership


def problem(request, message, status=400):
    return render(request, "maillage_groups/link_problem.html", {"message": message}, status=status)


def done(request, title, message):
    return render(request, "maillage_groups/link_done.html", {"title": title, "message": message})


@never_cache
@require_http_methods(["GET", "POST"])
def decide(request, token):
    found = tokens.read_decision(token)
    if found is None:
        return problem(request, _("This link is not valid or has expired. Answer the request from the admin."))
    membership_id, version, coordinator_id = found
    membership = Membership.objects.filter(pk=membership_id).select_related("user", "group").first()
    if membership is None:
        return problem(request, _("This request no longer exists."), status=410)
    coordinator = None
    if coordinator_id is not None:
        coordinator = get_user_model().objects.filter(pk=coordinator_id, is_active=True).first()
        if coordinator is None or not access_for(coordinator).manages(membership.group_id):
            return problem(request, _("This link was sent to someone who no longer coordinates the group."), 403)
    if tokens.stamp(membership.requested_at) != version:
        return problem(request, _("This link is out of date: the request was made again since. Use the newer email."))
    if not membership.is_pending:
        return problem(
            request,
            _("This request was already answered: %(status)s.") % {"status": membership.get_status_display()},
            status=409,
        )
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        approve = form.cleaned_data["decision"] == "approve"
        try:
            memberships.decide(membership.pk, approve=approve, by=coordinator, version=version)
        except memberships.Refused as refusal:
            return problem(request, str(refusal), status=409)
        person, group = membership.person_name, membership.group.title
        if approve:
            return done(request, _("Request approved"), _("%(person)s is now a member of “%(group)s”.") % {
                "person": person, "group": group})
        return done(request, _("Request declined"), _("%(person)s's request to join “%(group)s” is declined.") % {
            "person": person, "group": group})
    return render(request, "maillage_groups/decide.html", {"membership": membership, "form": form})


@csrf_exempt  # the signed token is the authority; mail clients' one-click POST has no CSRF token (RFC 8058)
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    found = tokens.read_unsubscribe(token)
    if found is None:
        return problem(request, _("This unsubscribe link is not valid. Manage your emails from your account page."))
    membership_id, kind, version = found
    membership = Membership.objects.filter(pk=membership_id).select_related("group").first()
    if membership is None:
        return problem(request, _("This link no longer matches a membership."), status=410)
    what = _("new meetings") if kind == "meetings" else _("new minutes")
    reason = memberships.unsubscribe_refusal(membership, kind, version)
    if reason:
        return problem(request, reason, status=409)
    if request.method == "POST":
        try:
            memberships.unsubscribe(membership.pk, kind, version)
        except memberships.Refused as refusal:
            return problem(request, str(refusal), status=409)
        return done(
            request,
            _("You are unsubscribed"),
            _("You will no longer receive emails about %(what)s of “%(group)s”.") % {
                "what": what, "group": membership.group.title},
        )
    return render(request, "maillage_groups/unsubscribe.html", {"membership": membership, "what": what})
