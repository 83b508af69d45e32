"""Registrants' personal data: erased after the retention period, and
exported or erased on request for one email address.

Erasing blanks the person's fields and keeps the registration row, its
status and attendance: the network's statistics (how many registered,
waited, came) survive the people's data.
"""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from maillage_core.personal_data.kinds import Erased, Kind

from . import booking, conf
from .models import Registration

BLANK = {field: "" for field in Registration.PERSONAL_FIELDS}


def erase(registrations, now=None):
    """Blank the personal fields of ``registrations``; returns how many were erased now."""
    now = now or timezone.now()
    return registrations.filter(personal_data_erased_at__isnull=True).update(**BLANK, personal_data_erased_at=now)


def past_retention(now=None):
    now = now or timezone.now()
    limit = now - timedelta(days=conf.get("RETENTION_DAYS"))
    return Registration.objects.filter(session__end__lt=limit, personal_data_erased_at__isnull=True)


def registrations_of(email):
    return Registration.objects.filter(email=booking.normalise_email(email)).exclude(email="")


def export_for(email):
    """Everything held about ``email``, as plain data ready for JSON: one
    record per registration."""
    records = registrations_of(email).select_related("session").prefetch_related("emails").order_by("created_at")
    return [
        {
            "training": registration.session.training.title,
            "session_start": registration.session.start.isoformat(),
            "session_end": registration.session.end.isoformat(),
            "status": registration.status,
            "name": registration.name,
            "email": registration.email,
            "organisation": registration.organisation,
            "organisation_reference": registration.organisation_key,
            "role": registration.role,
            "accessibility_needs": registration.accessibility_needs,
            "language": registration.language,
            "consent_at": registration.consent_at.isoformat(),
            "registered_at": registration.created_at.isoformat(),
            "attended": registration.attended,
            "emails_sent": [
                {"kind": email.kind, "sent_at": email.sent_at.isoformat()} for email in registration.emails.all()
            ],
        }
        for registration in records
    ]


def erase_for(email, now=None):
    """Cancel the person's upcoming registrations (their seats go to people
    waiting) and erase every registration of theirs; returns the count."""
    now = now or timezone.now()
    active = registrations_of(email).filter(status__in=Registration.ACTIVE, session__start__gt=now)
    for registration_id in active.values_list("pk", flat=True):
        booking.cancel_registration(registration_id, notify=False, now=now)
    return erase(registrations_of(email), now)


def kinds():
    """Registrations, for ``maillage_personal_data``: erasing cancels the
    person's upcoming seats and blanks their fields, keeping the counts."""
    return [Kind(
        key="training-registrations", label=_("Training registrations"),
        fields=("maillage_training.Registration.email",),
        export=export_for,
        erase=lambda email: Erased(anonymised=erase_for(email)),
        purge=lambda now: erase(past_retention(now), now),
        retention=_("registrants of sessions ended MAILLAGE_TRAINING_RETENTION_DAYS ago, anonymised"),
    )]
