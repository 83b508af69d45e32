"""Reminders before a session: the claim in ``notifications.send_notice``
makes each one go out once, whatever the number of runs."""

from datetime import timedelta

from django.utils import timezone

from . import conf
from .models import Registration, RegistrationEmail, TrainingSession
from .notifications import send_notice


def due_registrations(now=None):
    now = now or timezone.now()
    days = conf.get("REMINDER_DAYS")
    if not days:
        return Registration.objects.none()
    return (
        Registration.objects.filter(
            status=Registration.Status.CONFIRMED,
            personal_data_erased_at__isnull=True,
            session__start__gt=now,
            session__start__lte=now + timedelta(days=days),
        )
        .exclude(session__status=TrainingSession.Status.CANCELLED)
        .exclude(emails__kind=RegistrationEmail.Kind.REMINDER)
    )


def send_due_reminders(now=None, progress=None):
    due = list(due_registrations(now).values_list("pk", flat=True))
    sent = 0
    for number, registration_id in enumerate(due, start=1):
        sent += send_notice(registration_id, RegistrationEmail.Kind.REMINDER)
        if progress and number % 100 == 0:
            progress(f"  {number}/{len(due)}")
    return sent, len(due)
