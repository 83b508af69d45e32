"""Seats, waitlist, cancellation and their emails, one step at a time."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from training_helpers import person

from maillage_training import booking
from maillage_training.models import Registration, RegistrationEmail

pytestmark = pytest.mark.django_db


@pytest.fixture
def emails(django_capture_on_commit_callbacks):
    """Run the after-commit email callbacks of a block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def kinds_sent(registration):
    return sorted(RegistrationEmail.objects.filter(registration=registration).values_list("kind", flat=True))


def test_people_take_free_seats_then_join_the_waitlist_in_order(session, emails):
    with emails():
        statuses = [booking.register(session.pk, **person(n)).status for n in range(4)]
    assert statuses == ["confirmed", "confirmed", "waitlisted", "waitlisted"]
    assert [m.to for m in mail.outbox] == [[f"personne{n}@example.org"] for n in range(4)]


def test_email_is_compared_without_case_or_spaces_and_refused_kindly(session):
    booking.register(session.pk, name="Camille", email="camille@example.org")
    with pytest.raises(booking.RegistrationRefused) as refusal:
        booking.register(session.pk, name="Camille", email="  Camille@EXAMPLE.org ")
    assert refusal.value.code == "duplicate"
    assert "déjà inscrite" in str(refusal.value.message)
    assert Registration.objects.count() == 1


def test_the_database_itself_refuses_a_second_active_registration(session):
    first = booking.register(session.pk, name="Camille", email="camille@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(
            session=session, status="waitlisted", name="Copie", email=first.email, consent_at=timezone.now()
        )


def test_after_cancelling_a_person_may_register_again(session):
    first = booking.register(session.pk, name="Camille", email="camille@example.org")
    booking.cancel_registration(first.pk)
    again = booking.register(session.pk, name="Camille", email="camille@example.org")
    assert again.status == "confirmed" and again.pk != first.pk


@pytest.mark.parametrize(
    "changes, code",
    [
        ({"status": "cancelled"}, "cancelled"),
        ({"registration_closes": timezone.now() - timedelta(minutes=1)}, "closed"),
        ({"registration_opens": timezone.now() + timedelta(days=1)}, "not_yet"),
    ],
)
def test_registration_is_refused_when_closed_cancelled_or_not_open(session, changes, code):
    for name, value in changes.items():
        setattr(session, name, value)
    session.save()
    with pytest.raises(booking.RegistrationRefused) as refusal:
        booking.register(session.pk, name="Camille", email="camille@example.org")
    assert refusal.value.code == code
    assert not Registration.objects.exists()


def test_registration_closes_when_the_session_starts_by_default(make_training, make_session):
    started = make_session(make_training(), start=timezone.now() - timedelta(minutes=5))
    with pytest.raises(booking.RegistrationRefused):
        booking.register(started.pk, name="Camille", email="camille@example.org")


def test_a_session_marked_full_sends_newcomers_to_the_waitlist(session):
    session.status = "full"
    session.save()
    assert booking.register(session.pk, **person(1)).status == "waitlisted"


def test_cancelling_promotes_the_first_waiting_person_and_emails_each_once(session, emails):
    seated = [booking.register(session.pk, **person(n)) for n in range(2)]
    waiting = [booking.register(session.pk, **person(n)) for n in range(2, 4)]
    mail.outbox.clear()

    with emails():
        assert booking.cancel_registration(seated[0].pk) is True
    with emails():
        assert booking.cancel_registration(seated[0].pk) is False  # the link used a second time

    assert Registration.objects.get(pk=waiting[0].pk).status == "confirmed"
    assert Registration.objects.get(pk=waiting[1].pk).status == "waitlisted"
    assert sorted(m.to[0] for m in mail.outbox) == ["personne0@example.org", "personne2@example.org"]
    assert kinds_sent(seated[0]) == ["cancelled"]
    assert kinds_sent(waiting[0]) == ["promoted"]


def test_an_email_already_sent_is_not_sent_again(session, emails):
    from maillage_training.notifications import send_notice

    with emails():
        registration = booking.register(session.pk, **person(1))
    assert send_notice(registration.pk, "confirmed") is False
    assert len(mail.outbox) == 1


def test_a_failing_mail_server_keeps_the_registration_and_frees_the_claim(session, settings, emails):
    settings.EMAIL_BACKEND = "training_testsite.failing_mail.FailingBackend"
    with emails():
        registration = booking.register(session.pk, **person(1))
    assert Registration.objects.filter(pk=registration.pk, status="confirmed").exists()
    assert kinds_sent(registration) == []  # a later attempt may send it


def test_adding_seats_gives_them_to_people_waiting(session, emails):
    for n in range(4):
        booking.register(session.pk, **person(n))
    session.capacity = 3
    session.save()
    mail.outbox.clear()
    with emails():
        promoted = booking.fill_from_waitlist(session.pk)
    assert len(promoted) == 1
    assert [m.to[0] for m in mail.outbox] == ["personne2@example.org"]


def test_no_promotion_once_the_session_has_started(make_training, make_session):
    session = make_session(make_training(), capacity=1, start=timezone.now() + timedelta(hours=1))
    seated = booking.register(session.pk, **person(1))
    waiting = booking.register(session.pk, **person(2))
    session.start = timezone.now() - timedelta(minutes=1)
    session.save()
    booking.cancel_registration(seated.pk)
    assert Registration.objects.get(pk=waiting.pk).status == "waitlisted"


def test_officer_moves_between_waitlist_and_seats(session, emails):
    for n in range(3):
        booking.register(session.pk, **person(n))
    waiting = Registration.objects.get(email="personne2@example.org")
    mail.outbox.clear()
    with emails():
        assert booking.move_registration(waiting.pk, "confirmed") is True  # overbooks on purpose
    assert Registration.objects.filter(session=session, status="confirmed").count() == 3
    assert [m.to[0] for m in mail.outbox] == ["personne2@example.org"]
    seated = Registration.objects.get(email="personne0@example.org")
    assert booking.move_registration(seated.pk, "waitlisted") is True
    seated.refresh_from_db()
    assert seated.status == "waitlisted" and seated.waitlisted_at is not None
    assert booking.move_registration(seated.pk, "waitlisted") is False


def test_cancelling_a_session_emails_everyone_registered_once(session, emails):
    for n in range(3):
        booking.register(session.pk, **person(n))
    gone = booking.register(session.pk, **person(9))
    booking.cancel_registration(gone.pk)
    mail.outbox.clear()
    with emails():
        assert booking.cancel_session(session.pk) is True
    with emails():
        assert booking.cancel_session(session.pk) is False
    assert sorted(m.to[0] for m in mail.outbox) == [f"personne{n}@example.org" for n in range(3)]
    session.refresh_from_db()
    assert session.is_cancelled and session.cancelled_at is not None


def test_emails_speak_the_registrants_language_and_carry_the_cancel_link(session, emails, settings):
    settings.MAILLAGE_OFFICER_EMAIL = "formations@example.org"
    with emails():
        booking.register(session.pk, **person(1), language="fr")
        booking.register(session.pk, **person(2), language="en")
    french, english = mail.outbox
    assert french.subject.startswith("Inscription confirmée")
    assert "Bonjour Personne 1" in french.body
    assert english.subject.startswith("Registration confirmed")
    assert "/annulation/?jeton=" in french.body
    assert f"/sessions/{session.pk}/" in french.body
    assert french.reply_to == ["formations@example.org"]  # answers reach the officer
