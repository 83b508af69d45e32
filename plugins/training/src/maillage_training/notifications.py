"""Emails to registrants, each sent at most once per registration and kind.

Sending happens after the transaction that changed the registration has
committed (a rolled-back change sends nothing) and starts by claiming the
(registration, kind) pair with an insert into a uniquely constrained
table: a double click, a retried request or two overlapping commands find
the claim taken and send nothing.
"""

import logging
from urllib.parse import urlencode

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from maillage_core.officer import officer_email

from . import conf
from .models.registrations import Registration, RegistrationEmail
from .tokens import cancel_token

logger = logging.getLogger("maillage.training")

Kind = RegistrationEmail.Kind

SUBJECTS = {
    Kind.CONFIRMED: lambda: _("Registration confirmed: %(training)s"),
    Kind.WAITLISTED: lambda: _("On the waitlist: %(training)s"),
    Kind.PROMOTED: lambda: _("A seat is yours: %(training)s"),
    Kind.CANCELLED: lambda: _("Registration cancelled: %(training)s"),
    Kind.SESSION_CANCELLED: lambda: _("Session cancelled: %(training)s"),
    Kind.REMINDER: lambda: _("Reminder: %(training)s"),
}

INTROS = {
    Kind.CONFIRMED: lambda: _("Your registration is confirmed: a seat is kept for you."),
    Kind.WAITLISTED: lambda: _(
        "The session is full, so you are on the waitlist. If a seat is freed, it goes to the first person "
        "waiting and we tell them by email."
    ),
    Kind.PROMOTED: lambda: _("A seat was freed and it is yours: your registration is now confirmed."),
    Kind.CANCELLED: lambda: _("Your registration has been cancelled. Thank you for letting us know."),
    Kind.SESSION_CANCELLED: lambda: _(
        "We are sorry: this session has been cancelled. The training page lists its other sessions."
    ),
    Kind.REMINDER: lambda: _("The session you registered for is coming up soon."),
}

# Kinds after which the person still holds a registration they may cancel.
ACTIVE_KINDS = {Kind.CONFIRMED, Kind.WAITLISTED, Kind.PROMOTED, Kind.REMINDER}


def notify_on_commit(registration_id, kind):
    transaction.on_commit(lambda: send_notice(registration_id, kind))


def send_notice(registration_id, kind):
    """Send one email of ``kind``; False when it was already sent or cannot be."""
    registration = Registration.objects.select_related("session").filter(pk=registration_id).first()
    if registration is None or registration.is_erased or not registration.email:
        return False
    try:
        with transaction.atomic():
            claim = RegistrationEmail.objects.create(registration=registration, kind=kind)
    except IntegrityError:
        return False
    try:
        build_message(registration, kind).send()
    except Exception:
        # Give the claim back so that a later attempt may send it; the
        # registration itself is kept whatever the mail server does.
        logger.exception("Could not send the %s email of registration %s", kind, registration_id)
        claim.delete()
        return False
    return True


def build_message(registration, kind):
    session = registration.session
    training = session.training.specific
    with translation.override(registration.language or settings.LANGUAGE_CODE):
        context = {
            "registration": registration,
            "session": session,
            "training": training,
            "time_zone": conf.get("TIME_ZONE"),
            "intro": INTROS[kind](),
            "session_url": session_url(training, session),
            "cancel_url": cancel_url(training, registration) if kind in ACTIVE_KINDS else "",
            "show_online_link": kind in {Kind.CONFIRMED, Kind.PROMOTED, Kind.REMINDER} and bool(session.online_url),
        }
        subject = SUBJECTS[kind]() % {"training": training.title}
        body = render_to_string("maillage_training/emails/notice.txt", context)
    officer = officer_email()
    return EmailMessage(
        subject=" ".join(subject.split())[:200],
        body=body,
        to=[registration.email],
        reply_to=[officer] if officer else None,
    )


def session_url(training, session):
    return training.get_full_url() + training.reverse_subpage("session_view", kwargs={"session_id": session.pk})


def cancel_url(training, registration):
    return training.get_full_url() + training.reverse_subpage("cancel_view") + "?" + urlencode(
        {"jeton": cancel_token(registration)}
    )
