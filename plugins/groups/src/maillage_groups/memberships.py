"""What people do with memberships: ask to join, answer a request, leave,
remove, choose their emails. Each action checks the state it starts from
inside a transaction and says in words why it cannot happen (``Refused``),
so a form, a signed link or the admin gives a clear message and changes
nothing. Emails go out after the transaction commits."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import emails
from .models.choices import MembershipPolicy
from .models.membership import Membership

Status = Membership.Status


class Refused(Exception):
    """The action cannot happen; ``str(error)`` says why, for the person."""


def join_refusal(group, membership):
    """Why this person cannot ask to join ``group`` now, or None."""
    if group.is_archived:
        return _("This group is archived: it no longer takes new members.")
    if group.membership_policy == MembershipPolicy.CLOSED:
        return _("This group is closed to new members.")
    if membership is not None and membership.is_member:
        return _("You are already a member of this group.")
    if membership is not None and membership.is_pending:
        return _("You have already asked to join this group; a coordinator will answer soon.")
    return None


def request_to_join(user, group, message="", request=None):
    """Join an open group at once, or ask to join one that is on request."""
    open_group = group.membership_policy == MembershipPolicy.OPEN
    try:
        with transaction.atomic():
            membership = Membership.objects.select_for_update().filter(user=user, group=group).first()
            reason = join_refusal(group, membership)
            if reason:
                raise Refused(reason)
            if membership is None:
                membership = Membership(user=user, group=group)
            membership.status = Status.MEMBER if open_group else Status.PENDING
            membership.message = message
            membership.is_coordinator = False
            membership.requested_at = timezone.now()
            membership.decided_at = timezone.now() if open_group else None
            membership.decided_by = None
            membership.save()
    except IntegrityError as error:
        # Two submissions at once: the other one created the row.
        raise Refused(join_refusal(group, Membership.objects.get(user=user, group=group)) or str(error)) from error
    if membership.is_pending:
        transaction.on_commit(lambda: emails.join_request(membership, request))
    return membership


def decide(membership_id, *, approve, by=None, version=None):
    """Approve or decline a pending request. ``version`` (from a signed
    link) must match the request's time: a request asked again since is
    a new request, which the old link cannot answer."""
    with transaction.atomic():
        membership = Membership.objects.select_for_update().filter(pk=membership_id).first()
        if membership is None:
            raise Refused(_("This request no longer exists."))
        if version is not None:
            from .tokens import stamp

            if stamp(membership.requested_at) != version:
                raise Refused(_("This link is out of date: the request was made again since. Use the newer email."))
        if not membership.is_pending:
            raise Refused(
                _("This request was already answered: %(status)s.") % {"status": membership.get_status_display()}
            )
        membership.status = Status.MEMBER if approve else Status.DECLINED
        membership.decided_at = timezone.now()
        membership.decided_by = by
        membership.save(update_fields=["status", "decided_at", "decided_by", "updated_at"])
    transaction.on_commit(lambda: emails.decision(membership))
    return membership


def leave(user, group):
    """A member leaves, or withdraws a pending request."""
    with transaction.atomic():
        membership = Membership.objects.select_for_update().filter(user=user, group=group).first()
        if membership is None or not (membership.is_member or membership.is_pending):
            raise Refused(_("You are not a member of this group."))
        membership.status = Status.LEFT
        membership.is_coordinator = False
        membership.decided_at = timezone.now()
        membership.save(update_fields=["status", "is_coordinator", "decided_at", "updated_at"])
    return membership


def remove(membership_id, by=None):
    """A coordinator (or the officer) takes a member out of the group."""
    with transaction.atomic():
        membership = Membership.objects.select_for_update().filter(pk=membership_id).first()
        if membership is None or not membership.is_member:
            raise Refused(_("This person is not a member of the group."))
        membership.status = Status.REMOVED
        membership.is_coordinator = False
        membership.decided_at = timezone.now()
        membership.decided_by = by
        membership.save(update_fields=["status", "is_coordinator", "decided_at", "decided_by", "updated_at"])
    transaction.on_commit(lambda: emails.removed(membership))
    return membership


def set_notifications(membership, *, meetings, minutes):
    Membership.objects.filter(pk=membership.pk).update(
        notify_meetings=meetings,
        notify_minutes=minutes,
        notifications_version=membership.notifications_version + 1,
        updated_at=timezone.now(),
    )


def notification_field(kind):
    return "notify_meetings" if kind == "meetings" else "notify_minutes"


def unsubscribe_refusal(membership, kind, version):
    """Why this unsubscribe link cannot act now, or None."""
    if membership is None:
        return _("This link no longer matches a membership.")
    if not getattr(membership, notification_field(kind)):
        return _("You were already unsubscribed from these emails.")
    if membership.notifications_version != version:
        return _("This link is out of date: your email choices changed since. Manage them from your account page.")
    return None


def unsubscribe(membership_id, kind, version):
    """One-click unsubscribe from a signed link. Returns the membership;
    refuses a link made before the member's latest choice."""
    field = notification_field(kind)
    with transaction.atomic():
        membership = Membership.objects.select_for_update().filter(pk=membership_id).first()
        reason = unsubscribe_refusal(membership, kind, version)
        if reason:
            raise Refused(reason)
        setattr(membership, field, False)
        membership.notifications_version += 1
        membership.save(update_fields=[field, "notifications_version", "updated_at"])
    return membership
