"""Concurrent registrations against the real database, with real threads
each holding its own connection (a file-backed SQLite in immediate-
transaction mode, or PostgreSQL when DATABASE_URL points to one)."""

import threading

import pytest
from django.core import mail
from django.db import connection, connections

from maillage_training import booking
from maillage_training.models import Registration, RegistrationEmail

pytestmark = [pytest.mark.race, pytest.mark.django_db(transaction=True)]

WRITERS = 50


def run_together(count, work):
    """Start ``count`` threads at one barrier; return their results and errors."""
    barrier = threading.Barrier(count)
    results, errors = [None] * count, []

    def worker(index):
        try:
            barrier.wait(timeout=30)
            results[index] = work(index)
        except Exception as error:  # collected, the test asserts none happened
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results, errors


def test_the_database_is_a_real_shared_one():
    """The guarantee below is only worth something on a database that
    several connections share: never SQLite in memory."""
    name = str(connection.settings_dict["NAME"])
    assert connection.vendor == "postgresql" or (":memory:" not in name and "mode=memory" not in name)


def test_fifty_people_racing_for_the_last_seat_one_gets_it_and_49_wait(make_training, make_session):
    session = make_session(make_training(), capacity=3)
    for number in range(2):
        booking.register(session.pk, name=f"Déjà {number}", email=f"deja{number}@example.org")
    mail.outbox.clear()

    results, errors = run_together(
        WRITERS,
        lambda index: booking.register(session.pk, name=f"Personne {index}", email=f"p{index}@example.org").status,
    )

    assert errors == []
    assert sorted(results).count("confirmed") == 1
    assert sorted(results).count("waitlisted") == WRITERS - 1
    racers = Registration.objects.filter(session=session, email__startswith="p")
    assert racers.count() == WRITERS  # none lost
    assert racers.values("email").distinct().count() == WRITERS  # none duplicated
    assert Registration.objects.filter(session=session, status="confirmed").count() == session.capacity
    waitlist = list(racers.filter(status="waitlisted").values_list("waitlisted_at", flat=True))
    assert len(waitlist) == WRITERS - 1 and all(waitlist)
    # One email each, of the right kind.
    assert len(mail.outbox) == WRITERS
    assert RegistrationEmail.objects.filter(kind="confirmed", registration__in=racers).count() == 1
    assert RegistrationEmail.objects.filter(kind="waitlisted", registration__in=racers).count() == WRITERS - 1


def test_the_same_person_submitting_twice_at_once_is_registered_once(make_training, make_session):
    session = make_session(make_training(), capacity=5)

    def attempt(index):
        try:
            return booking.register(session.pk, name="Camille", email="Camille@Example.org").status
        except booking.RegistrationRefused as refusal:
            return refusal.code

    results, errors = run_together(10, attempt)

    assert errors == []
    assert sorted(results) == ["confirmed"] + ["duplicate"] * 9
    assert Registration.objects.filter(session=session).count() == 1


def test_cancel_link_clicked_twice_at_once_cancels_once_and_promotes_one_person(make_training, make_session):
    session = make_session(make_training(), capacity=1)
    first = booking.register(session.pk, name="Première", email="premiere@example.org")
    waiting = [booking.register(session.pk, name=f"Attente {n}", email=f"attente{n}@example.org") for n in range(3)]
    mail.outbox.clear()

    results, errors = run_together(8, lambda index: booking.cancel_registration(first.pk))

    assert errors == []
    assert results.count(True) == 1
    statuses = dict(Registration.objects.filter(session=session).values_list("email", "status"))
    assert statuses == {
        "premiere@example.org": "cancelled",
        "attente0@example.org": "confirmed",
        "attente1@example.org": "waitlisted",
        "attente2@example.org": "waitlisted",
    }
    assert sorted(m.to[0] for m in mail.outbox) == ["attente0@example.org", "premiere@example.org"]
    sent = set(RegistrationEmail.objects.filter(registration__session=session).values_list("registration", "kind"))
    assert {(first.pk, "cancelled"), (waiting[0].pk, "promoted")} <= sent
    assert (waiting[1].pk, "promoted") not in sent


def test_overlapping_reminder_runs_send_each_reminder_once(make_training, make_session, settings):
    from datetime import timedelta

    from django.utils import timezone

    from maillage_training.reminders import send_due_reminders

    settings.MAILLAGE_TRAINING_REMINDER_DAYS = 3
    session = make_session(make_training(), start=timezone.now() + timedelta(days=1), capacity=10)
    for number in range(5):
        booking.register(session.pk, name=f"Personne {number}", email=f"p{number}@example.org")
    mail.outbox.clear()

    results, errors = run_together(6, lambda index: send_due_reminders()[0])

    assert errors == []
    assert sum(results) == 5
    assert sorted(m.to[0] for m in mail.outbox) == [f"p{number}@example.org" for number in range(5)]
