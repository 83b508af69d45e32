"""What core itself holds about people: subscriptions (with their topics,
consent records and what was sent) and user accounts."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..subscriptions import conf
from ..subscriptions.models import Subscriber
from .kinds import Erased, Kind


def iso(value):
    return value.isoformat() if value else None


# Subscriptions ---------------------------------------------------------------


def subscriptions_of(email):
    return Subscriber.objects.filter(email__iexact=email)


def export_subscriptions(email):
    rows = subscriptions_of(email).prefetch_related("topics", "consents", "deliveries__mailing")
    return [
        {
            "email": subscriber.email,
            "language": subscriber.language,
            "frequency": subscriber.frequency,
            "created_at": iso(subscriber.created_at),
            "confirmed_at": iso(subscriber.confirmed_at),
            "unsubscribed_at": iso(subscriber.unsubscribed_at),
            "suspended_at": iso(subscriber.suspended_at),
            "hard_failures": subscriber.hard_failures,
            "topics": [{"topic": row.topic, "filters": row.filters} for row in subscriber.topics.all()],
            "consents": [
                {"action": consent.action, "what": consent.topics, "from": consent.source,
                 "when": iso(consent.created_at)}
                for consent in subscriber.consents.all()
            ],
            "issues_sent": [
                {"subject": delivery.mailing.subject, "status": delivery.status, "at": iso(delivery.updated_at)}
                for delivery in subscriber.deliveries.all()
            ],
            "alert_items_sent": subscriber.digest_records.count(),
        }
        for subscriber in rows
    ]


def erase_subscriptions(email):
    # Topics, consents, deliveries and alert records go with the subscriber.
    count = subscriptions_of(email).count()
    subscriptions_of(email).delete()
    return Erased(deleted=count)


def purge_unconfirmed(now):
    """Addresses that never confirmed within ``UNCONFIRMED_DAYS``: nobody
    agreed to anything, so nothing is kept."""
    limit = now - timedelta(days=conf.get("UNCONFIRMED_DAYS"))
    stale = Subscriber.objects.filter(confirmed_at__isnull=True, created_at__lt=limit)
    count = stale.count()
    stale.delete()
    return count


# Accounts --------------------------------------------------------------------


def accounts_of(email):
    User = get_user_model()
    return User.objects.filter(**{f"{User.get_email_field_name()}__iexact": email}).order_by("pk")


def export_accounts(email):
    fields = ("username", "first_name", "last_name", "email", "date_joined", "last_login", "is_active", "is_staff")
    rows = []
    for user in accounts_of(email):
        row = {name: getattr(user, name, None) for name in fields}
        rows.append({name: iso(value) if hasattr(value, "isoformat") else value for name, value in row.items()})
    return rows


def erase_accounts(email):
    """A visitor's account is anonymised and closed (its history in the
    admin keeps pointing at a row); a staff account is left for a person
    to remove by hand, since it may own pages and workflows."""
    User = get_user_model()
    erased = Erased()
    for user in accounts_of(email):
        if user.is_staff or user.is_superuser:
            erased.kept.append(_("The staff account “%(name)s” is kept: remove it in Settings › Users.")
                               % {"name": user.get_username()})
            continue
        setattr(user, User.USERNAME_FIELD, f"erased-{user.pk}")
        setattr(user, User.get_email_field_name(), "")
        for name in ("first_name", "last_name"):
            if hasattr(user, name):
                setattr(user, name, "")
        user.is_active = False
        user.set_unusable_password()
        user.save()
        erased.anonymised += 1
    return erased


def kinds():
    User = get_user_model()
    return [
        Kind(
            key="subscriptions", label=gettext_lazy("Email subscriptions and consents"),
            fields=("maillage_core.Subscriber.email",),
            export=export_subscriptions, erase=erase_subscriptions, purge=purge_unconfirmed,
            retention=gettext_lazy("addresses never confirmed, after MAILLAGE_SUBSCRIPTIONS_UNCONFIRMED_DAYS days"),
            order=800,
        ),
        Kind(
            key="accounts", label=gettext_lazy("User accounts"),
            fields=(f"{settings.AUTH_USER_MODEL}.{User.get_email_field_name()}",),
            export=export_accounts, erase=erase_accounts,
            # Last: other kinds find their records through the account's address.
            order=900,
        ),
    ]
