"""Members hear of a new meeting or new minutes by email, if they chose to.

A ``MemberNotification`` row is written when the page is first published
(never twice for one page, even when it is published again), and the
emails leave after the publication commits. Each member gets their own
message with a one-click unsubscribe link (also in the
``List-Unsubscribe`` headers, RFC 8058). If the mail server is down the
row stays unsent and ``manage.py groups_send_notifications`` sends it later.
"""

import logging

from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage_core.subscriptions.conf import sender

from . import tokens
from .emails import absolute, site_name
from .models import MeetingPage, MemberNotification, Membership, MinutesPage

logger = logging.getLogger("maillage.groups")

Kind = MemberNotification.Kind


def on_published(sender, instance, **kwargs):
    """``page_published`` handler for meetings and minutes."""
    if isinstance(instance, MeetingPage):
        kind = Kind.MEETING
        if instance.start <= timezone.now():
            return  # a meeting already held is news to nobody
    elif isinstance(instance, MinutesPage):
        kind = Kind.MINUTES
    else:
        return
    notification, created = MemberNotification.objects.get_or_create(page_id=instance.pk, kind=kind)
    if created:
        transaction.on_commit(lambda: deliver(notification.pk))


def recipients(page, kind):
    wanted = {"notify_meetings": True} if kind == Kind.MEETING else {"notify_minutes": True}
    return [
        membership
        for membership in Membership.objects.filter(
            group_id=page.group_id, status=Membership.Status.MEMBER, user__is_active=True, **wanted
        ).select_related("user")
        if membership.user.email
    ]


def message_for(page, kind, membership, context):
    choice = "meetings" if kind == Kind.MEETING else "minutes"
    unsubscribe = absolute(
        reverse("maillage_groups:unsubscribe", args=[tokens.unsubscribe_token(membership, choice)]), page=page
    )
    body = render_to_string(
        "maillage_groups/emails/new_item.txt",
        {**context, "name": membership.user.get_full_name(), "unsubscribe": unsubscribe},
    )
    headers = {"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    # A bulk email: the site's sender, as La Lettre and alerts (maillage_core.subscriptions).
    return EmailMessage(subject=context["subject"], body=body, from_email=sender(), to=[membership.user.email],
                        headers=headers)


def deliver(notification_id):
    notification = MemberNotification.objects.filter(pk=notification_id, sent_at__isnull=True).first()
    if notification is None:
        return
    page = notification.page.specific
    if not page.live or page.group_id is None:
        MemberNotification.objects.filter(pk=notification.pk).update(sent_at=timezone.now(), recipients=0)
        return
    group = page.group
    if notification.kind == Kind.MEETING:
        subject = _("New meeting of “%(group)s”: %(title)s") % {"group": group.title, "title": page.title}
    else:
        subject = _("Minutes of “%(group)s” online: %(title)s") % {"group": group.title, "title": page.title}
    context = {
        "subject": subject,
        "page": page,
        "group": group,
        "kind": notification.kind,
        "url": page.get_full_url() or "",
        "members_only": page.is_members_only,
        "site_name": site_name(page=page),
    }
    members = recipients(page, notification.kind)
    messages = [message_for(page, notification.kind, membership, context) for membership in members]
    try:
        with get_connection() as connection:
            connection.send_messages(messages)
    except Exception as error:  # the mail server is down: keep it for later
        logger.warning("new %s email for page %s kept for later: %s", notification.kind, page.pk, error)
        MemberNotification.objects.filter(pk=notification.pk).update(
            attempts=notification.attempts + 1, last_error=str(error)[:500]
        )
        return
    MemberNotification.objects.filter(pk=notification.pk).update(sent_at=timezone.now(), recipients=len(messages))


def deliver_pending(progress=None):
    pending = list(MemberNotification.objects.filter(sent_at__isnull=True).order_by("created_at").values_list("pk", flat=True))
    for number, notification_id in enumerate(pending, start=1):
        deliver(notification_id)
        if progress:
            progress(number, len(pending))
    return len(pending), MemberNotification.objects.filter(sent_at__isnull=True).count()
