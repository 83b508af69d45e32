"""Retention, export and erasure of registrants' data; reminders."""

import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from maillage_training import booking
from maillage_training.models import Registration, RegistrationEmail

pytestmark = pytest.mark.django_db


def registration(session, email, status="confirmed", **fields):
    return Registration.objects.create(
        session=session, status=status, name="Camille Martin", email=email, organisation="Terres Solidaires",
        role="Bénévole", accessibility_needs="Fauteuil", consent_at=timezone.now(), **fields,
    )


def test_retention_erases_old_registrants_but_keeps_the_counts(make_training, make_session, settings):
    settings.MAILLAGE_TRAINING_RETENTION_DAYS = 30
    training = make_training()
    old = make_session(training, start=timezone.now() - timedelta(days=40))
    recent = make_session(training, start=timezone.now() - timedelta(days=10))
    for n in range(3):
        registration(old, f"old{n}@example.org", attended=True)
    registration(recent, "recent@example.org")

    out = io.StringIO()
    call_command("training_erase_expired", stdout=out)

    assert "3 registrations" in out.getvalue()
    erased = Registration.objects.filter(session=old)
    assert erased.count() == 3 and erased.filter(attended=True).count() == 3  # statistics kept
    assert set(erased.values_list("name", "email", "organisation", "role", "accessibility_needs")) == {("",) * 5}
    assert all(erased.values_list("personal_data_erased_at", flat=True))
    assert Registration.objects.get(session=recent).email == "recent@example.org"
    call_command("training_erase_expired", stdout=io.StringIO())  # a second run changes nothing
    assert Registration.objects.get(session=recent).email == "recent@example.org"


def test_dry_run_erases_nothing(make_training, make_session, settings):
    settings.MAILLAGE_TRAINING_RETENTION_DAYS = 1
    old = make_session(make_training(), start=timezone.now() - timedelta(days=5))
    registration(old, "old@example.org")
    out = io.StringIO()
    call_command("training_erase_expired", "--dry-run", stdout=out)
    assert "1 registrations" in out.getvalue()
    assert Registration.objects.get().email == "old@example.org"


def test_export_gives_everything_held_about_one_address(session, django_capture_on_commit_callbacks, tmp_path):
    with django_capture_on_commit_callbacks(execute=True):
        booking.register(session.pk, name="Camille Martin", email="camille@example.org", accessibility_needs="Boucle")
    registration(session, "other@example.org")
    target = tmp_path / "camille.zip"
    call_command("personal_data", "export", "Camille@Example.org", "--output", str(target), stdout=io.StringIO())
    files = zipfile.ZipFile(target)
    [record] = json.loads(files.read("training-registrations.json"))
    assert record["email"] == "camille@example.org"
    assert "Boucle" in files.read("training-registrations.csv").decode()
    assert record["name"] == "Camille Martin" and record["accessibility_needs"] == "Boucle"
    assert [email["kind"] for email in record["emails_sent"]] == ["confirmed"]


def test_erasing_one_address_frees_its_seat_for_the_waitlist(make_training, make_session, django_capture_on_commit_callbacks):
    session = make_session(make_training(), capacity=1)
    past = make_session(make_training("Ancienne"), start=timezone.now() - timedelta(days=3))
    booking.register(session.pk, name="Camille", email="camille@example.org")
    waiting = booking.register(session.pk, name="Léa", email="lea@example.org")
    registration(past, "camille@example.org", attended=True)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        out = io.StringIO()
        call_command("personal_data", "erase", "camille@example.org", "--yes", stdout=out)

    assert "training-registrations: 0 deleted, 2 anonymised" in out.getvalue()

    assert not Registration.objects.filter(email="camille@example.org").exists()
    assert Registration.objects.filter(personal_data_erased_at__isnull=False).count() == 2
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    assert [m.to[0] for m in mail.outbox] == ["lea@example.org"]  # nothing to the erased address


def test_the_daily_purge_anonymises_registrants_past_retention(make_training, make_session, settings):
    settings.MAILLAGE_TRAINING_RETENTION_DAYS = 30
    old = make_session(make_training(), start=timezone.now() - timedelta(days=40))
    registration(old, "old@example.org")
    out = io.StringIO()
    call_command("purge_personal_data", stdout=out)
    call_command("purge_personal_data", stdout=out)
    assert Registration.objects.get().email == ""
    assert "training-registrations: 1 purged" in out.getvalue() and "training-registrations: 0 purged" in out.getvalue()


def test_erased_registrations_no_longer_block_nor_receive(session, django_capture_on_commit_callbacks):
    from maillage_training import personal_data
    from maillage_training.notifications import send_notice

    first = registration(session, "a@example.org")
    second = registration(session, "b@example.org", status="waitlisted")
    personal_data.erase(Registration.objects.all())
    assert send_notice(first.pk, "reminder") is False
    assert not RegistrationEmail.objects.exists()
    assert {second.pk, first.pk} == set(Registration.objects.filter(email="").values_list("pk", flat=True))


# -- reminders ----------------------------------------------------------------


def test_reminders_go_once_to_confirmed_people_of_sessions_starting_soon(make_training, make_session, settings):
    settings.MAILLAGE_TRAINING_REMINDER_DAYS = 3
    training = make_training()
    soon = make_session(training, start=timezone.now() + timedelta(days=2))
    later = make_session(training, start=timezone.now() + timedelta(days=10))
    cancelled = make_session(training, start=timezone.now() + timedelta(days=1), status="cancelled")
    registration(soon, "seat@example.org")
    registration(soon, "waiting@example.org", status="waitlisted")
    registration(later, "later@example.org")
    registration(cancelled, "cancelled@example.org")

    out = io.StringIO()
    call_command("training_send_reminders", stdout=out)
    call_command("training_send_reminders", stdout=out)  # a second run sends nothing more

    assert [m.to[0] for m in mail.outbox] == ["seat@example.org"]
    assert mail.outbox[0].subject.startswith("Rappel : ")
    assert "1 reminders sent" in out.getvalue() and "0 reminders sent (0 registrations due)" in out.getvalue()


def test_a_reminder_already_sent_is_never_sent_again(make_training, make_session, settings):
    from maillage_training.notifications import send_notice

    settings.MAILLAGE_TRAINING_REMINDER_DAYS = 3
    soon = make_session(make_training(), start=timezone.now() + timedelta(days=1))
    seat = registration(soon, "seat@example.org")
    assert [send_notice(seat.pk, "reminder"), send_notice(seat.pk, "reminder")] == [True, False]
    assert len(mail.outbox) == 1


def test_reminders_can_be_turned_off(make_training, make_session, settings):
    settings.MAILLAGE_TRAINING_REMINDER_DAYS = 0
    soon = make_session(make_training(), start=timezone.now() + timedelta(days=1))
    registration(soon, "seat@example.org")
    call_command("training_send_reminders", stdout=io.StringIO())
    assert mail.outbox == []
