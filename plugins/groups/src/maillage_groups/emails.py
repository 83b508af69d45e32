"""The emails the plugin sends about accounts and memberships.

Plain text, in the site's language, from templates under
``maillage_groups/emails/``. A mail server that is down never undoes what
the person did: the request, decision or account stays recorded (and shows
in the admin); the failure is logged.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from . import conf, tokens
from .models.membership import Membership

logger = logging.getLogger("maillage.groups")


def absolute(path, *, request=None, page=None):
    """A full address for an email: from the request, else the page's site,
    else the admin's base URL."""
    if request is not None:
        return request.build_absolute_uri(path)
    if page is not None:
        site = page.get_site()
        if site is not None:
            return site.root_url.rstrip("/") + path
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/") + path


def send(subject, template, context, to, headers=None):
    body = render_to_string(f"maillage_groups/emails/{template}.txt", context)
    message = EmailMessage(subject=subject, body=body, to=to, headers=headers or {})
    try:
        message.send()
    except Exception:  # any transport error: the action itself is kept
        logger.exception("could not send the %s email to %s", template, ", ".join(to))
        return False
    return True


def site_name(request=None, page=None):
    from wagtail.models import Site

    site = Site.find_for_request(request) if request is not None else (page.get_site() if page else None)
    return (site.site_name if site else "") or getattr(settings, "WAGTAIL_SITE_NAME", "")


# -- accounts ---------------------------------------------------------------


def signup_link(request, email, name, next_url=""):
    token = tokens.signup_token(email, name, next_url)
    link = absolute(reverse("maillage_groups:activate", args=[token]), request=request)
    context = {"name": name, "link": link, "days": conf.get("SIGNUP_LINK_DAYS"), "site_name": site_name(request)}
    return send(_("Confirm your email address"), "signup", context, [email])


def existing_account(request, user):
    context = {
        "name": user.get_full_name(),
        "login": absolute(reverse("maillage_groups:login"), request=request),
        "reset": absolute(reverse("maillage_groups:password_reset"), request=request),
        "site_name": site_name(request),
    }
    return send(_("You already have an account"), "existing_account", context, [user.email])


# -- memberships ------------------------------------------------------------


def coordinators_of(group_id):
    return [
        membership.user
        for membership in Membership.objects.filter(
            group_id=group_id, status=Membership.Status.MEMBER, is_coordinator=True, user__is_active=True
        ).select_related("user")
        if membership.user.email
    ]


def join_request(membership, request=None):
    """Each coordinator gets a link of their own (the decision records who
    answered); a group without coordinators asks the officer."""
    group = membership.group
    context = {
        "group": group,
        "membership": membership,
        "person": membership.person_name,
        "email": membership.user.email,
        "admin": absolute(reverse("maillage_groups_requests:index"), request=request, page=group),
        "site_name": site_name(request, group),
    }
    subject = _("Request to join “%(group)s”") % {"group": group.title}
    recipients = [(user, user.email) for user in coordinators_of(group.pk)]
    if not recipients and conf.officer_email():
        recipients = [(None, conf.officer_email())]
    for coordinator, address in recipients:
        token = tokens.decision_token(membership, coordinator)
        link = absolute(reverse("maillage_groups:decide", args=[token]), request=request, page=group)
        send(subject, "join_request", {**context, "link": link}, [address])


def decision(membership):
    if not membership.user.email:
        return
    group = membership.group
    context = {
        "group": group,
        "approved": membership.is_member,
        "name": membership.user.get_full_name(),
        "group_url": group.get_full_url() or "",
        "site_name": site_name(page=group),
    }
    if membership.is_member:
        subject = _("Welcome to “%(group)s”") % {"group": group.title}
    else:
        subject = _("Your request to join “%(group)s”") % {"group": group.title}
    send(subject, "decision", context, [membership.user.email])


def removed(membership):
    if not membership.user.email:
        return
    group = membership.group
    context = {"group": group, "name": membership.user.get_full_name(), "site_name": site_name(page=group)}
    send(_("You are no longer a member of “%(group)s”") % {"group": group.title}, "removed", context,
         [membership.user.email])
