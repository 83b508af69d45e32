"""Seats, waitlist and cancellations: every change of a registration's
status goes through these functions.

Each runs in one transaction that first locks the session's row
(``SELECT … FOR UPDATE`` on PostgreSQL; on SQLite, immediate transactions
queue writers at ``BEGIN``), so two people can never take the last seat
together. Emails are sent after the commit, once per registration and
kind (see ``notifications``).
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models.registrations import Registration, RegistrationEmail
from .models.sessions import TrainingSession
from .notifications import notify_on_commit

CONFIRMED = Registration.Status.CONFIRMED
WAITLISTED = Registration.Status.WAITLISTED
CANCELLED = Registration.Status.CANCELLED

REFUSALS = {
    "cancelled": _("This session has been cancelled: registration is closed."),
    "closed": _("Registration for this session is closed."),
    "not_yet": _("Registration for this session is not open yet."),
    "duplicate": _(
        "This email address is already registered for this session. Your confirmation email has a link to "
        "cancel; to change your details, write to the organisers."
    ),
}


class RegistrationRefused(Exception):
    def __init__(self, code):
        self.code = code
        super().__init__(str(REFUSALS[code]))

    @property
    def message(self):
        return REFUSALS[self.code]


def normalise_email(email):
    return (email or "").strip().lower()


def locked_session(session_id):
    return TrainingSession.objects.select_for_update().get(pk=session_id)


def register(session_id, *, name, email, organisation="", organisation_key="", role="", accessibility_needs="",
             language="fr", now=None):
    """Register a person: a seat if one is free, else the waitlist."""
    now = now or timezone.now()
    email = normalise_email(email)
    with transaction.atomic():
        session = locked_session(session_id)
        state = session.registration_state(now)
        if state != "open":
            raise RegistrationRefused(state)
        if session.registrations.filter(email=email, status__in=Registration.ACTIVE).exists():
            raise RegistrationRefused("duplicate")
        promote_waiting(session, now)  # nobody may jump the queue past a freed seat
        status = CONFIRMED if has_free_seat(session) else WAITLISTED
        try:
            with transaction.atomic():
                registration = Registration.objects.create(
                    session=session,
                    status=status,
                    name=name,
                    email=email,
                    organisation=organisation,
                    organisation_key=organisation_key,
                    role=role,
                    accessibility_needs=accessibility_needs,
                    language=language,
                    consent_at=now,
                    waitlisted_at=now if status == WAITLISTED else None,
                    status_changed_at=now,
                )
        except IntegrityError as error:  # the unique constraint, should a check ever be bypassed
            raise RegistrationRefused("duplicate") from error
        kind = RegistrationEmail.Kind.CONFIRMED if status == CONFIRMED else RegistrationEmail.Kind.WAITLISTED
        notify_on_commit(registration.pk, kind)
    return registration


def has_free_seat(session):
    if session.status != TrainingSession.Status.OPEN:
        return False
    return session.registrations.filter(status=CONFIRMED).count() < session.capacity


def promote_waiting(session, now=None):
    """Give free seats to the earliest waiting people; call with the session locked."""
    now = now or timezone.now()
    if session.status != TrainingSession.Status.OPEN or session.start <= now:
        return []
    free = session.capacity - session.registrations.filter(status=CONFIRMED).count()
    if free <= 0:
        return []
    waiting = list(
        session.registrations.filter(status=WAITLISTED).order_by("waitlisted_at", "pk").values_list("pk", flat=True)[:free]
    )
    Registration.objects.filter(pk__in=waiting, status=WAITLISTED).update(status=CONFIRMED, status_changed_at=now)
    for registration_id in waiting:
        notify_on_commit(registration_id, RegistrationEmail.Kind.PROMOTED)
    return waiting


def fill_from_waitlist(session_id):
    """After the officer adds seats or reopens a session."""
    with transaction.atomic():
        return promote_waiting(locked_session(session_id))


def cancel_registration(registration_id, *, notify=True, now=None):
    """Cancel; True when this call did it (a second click finds it done).

    The freed seat goes to the first waiting person, who is told by email.
    """
    now = now or timezone.now()
    session_id = Registration.objects.values_list("session_id", flat=True).get(pk=registration_id)
    with transaction.atomic():
        session = locked_session(session_id)
        done = Registration.objects.filter(pk=registration_id, status__in=Registration.ACTIVE).update(
            status=CANCELLED, status_changed_at=now, waitlisted_at=None
        )
        if not done:
            return False
        if notify:
            notify_on_commit(registration_id, RegistrationEmail.Kind.CANCELLED)
        promote_waiting(session, now)
    return True


def move_registration(registration_id, status, *, now=None):
    """The officer's manual move between the waitlist and the seats.

    Moving to the seats may overbook on purpose (the officer decides) and
    tells the person; moving to the waitlist puts them last and sends
    nothing (the officer has usually spoken to them). Returns True when the
    status changed.
    """
    now = now or timezone.now()
    if status not in (CONFIRMED, WAITLISTED):
        raise ValueError(status)
    session_id = Registration.objects.values_list("session_id", flat=True).get(pk=registration_id)
    with transaction.atomic():
        locked_session(session_id)
        changes = {"status": status, "status_changed_at": now, "waitlisted_at": now if status == WAITLISTED else None}
        source = WAITLISTED if status == CONFIRMED else CONFIRMED
        done = Registration.objects.filter(pk=registration_id, status=source).update(**changes)
        if done and status == CONFIRMED:
            notify_on_commit(registration_id, RegistrationEmail.Kind.PROMOTED)
    return bool(done)


def cancel_session(session_id, *, now=None):
    """Cancel a session and tell everyone registered; True when this call did it."""
    now = now or timezone.now()
    with transaction.atomic():
        session = locked_session(session_id)
        if session.is_cancelled:
            return False
        session.status = TrainingSession.Status.CANCELLED
        session.cancelled_at = now
        session.save(update_fields=["status", "cancelled_at", "sequence", "updated_at"])
        for registration_id in session.registrations.filter(status__in=Registration.ACTIVE).values_list("pk", flat=True):
            notify_on_commit(registration_id, RegistrationEmail.Kind.SESSION_CANCELLED)
    return True
