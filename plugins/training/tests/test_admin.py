"""The officer's screens: sessions, registrations, export, attendance, cancelling."""

import csv
import io
import json
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from training_helpers import person

from maillage_training import booking
from maillage_training.models import Registration, TrainingSession

pytestmark = pytest.mark.django_db

SESSIONS = "maillage_training_sessions"
REGISTRATIONS = "maillage_training_registrations"


@pytest.fixture
def full_session(make_training, make_session):
    session = make_session(make_training("Gestion financière"), capacity=2)
    for n in range(4):
        booking.register(session.pk, **person(n))
    mail.outbox.clear()
    return session


def local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def session_form(session, **changes):
    data = {
        "training": session.training_id, "start": local(session.start), "end": local(session.end),
        "schedule_note": "", "venue_name": "Maison des solidarités", "street_address": "", "postal_code": "69003",
        "city": "Lyon", "department": "69", "online_url": "", "capacity": session.capacity,
        "registration_opens": "", "registration_closes": "", "status": session.status,
    }
    data.update(changes)
    return data


def test_sessions_listing_shows_seat_counts(admin_client, full_session):
    response = admin_client.get(reverse(f"{SESSIONS}:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Gestion financière" in html
    row = html[html.index("Gestion financière") :]
    assert ">2<" in row.replace(" ", "").replace("\n", "")  # confirmed
    assert f"?session={full_session.pk}" in html


def test_officer_creates_a_session_for_a_training(admin_client, make_training):
    training = make_training("Suivi-évaluation")
    start = timezone.now() + timedelta(days=20)
    draft = TrainingSession(training=training, start=start, end=start + timedelta(hours=3), capacity=12, status="open")
    response = admin_client.post(reverse(f"{SESSIONS}:add"), session_form(draft))
    assert response.status_code == 302, response.content.decode()[:3000]
    session = TrainingSession.objects.get()
    assert (session.training_id, session.capacity, session.city) == (training.pk, 12, "Lyon")


def test_session_form_offers_only_trainings_and_refuses_bad_dates(admin_client, full_session, programme):
    form = admin_client.get(reverse(f"{SESSIONS}:edit", args=[full_session.pk])).content.decode()
    assert f'<option value="{full_session.training_id}" selected>Gestion financière</option>' in form
    # By its title: the department field's options hold numbers a page's key may equal.
    assert f'<option value="{programme.pk}">{programme.title}</option>' not in form
    assert programme.title not in form.split('name="training"')[1].split("</select>")[0]
    data = session_form(full_session, end=local(full_session.start - timedelta(hours=1)))
    response = admin_client.post(reverse(f"{SESSIONS}:edit", args=[full_session.pk]), data)
    assert response.status_code == 200
    assert "ne peut pas finir avant de commencer" in response.content.decode()


def test_adding_seats_in_the_admin_promotes_people_waiting(admin_client, full_session, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse(f"{SESSIONS}:edit", args=[full_session.pk]), session_form(full_session, capacity=3)
        )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Registration.objects.filter(session=full_session, status="confirmed").count() == 3
    assert [m.to[0] for m in mail.outbox] == ["personne2@example.org"]


def test_cancelling_a_session_emails_everyone_once(admin_client, full_session, django_capture_on_commit_callbacks):
    url = reverse(f"{SESSIONS}:cancel", args=[full_session.pk])
    page = admin_client.get(url).content.decode()
    assert "4 personnes sont inscrites" in page
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(url)
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(url)
    assert sorted(m.to[0] for m in mail.outbox) == [f"personne{n}@example.org" for n in range(4)]
    full_session.refresh_from_db()
    assert full_session.is_cancelled


def test_attendance_is_marked_for_confirmed_people(admin_client, full_session):
    seated = list(Registration.objects.filter(session=full_session, status="confirmed").order_by("pk"))
    url = reverse(f"{SESSIONS}:attendance", args=[full_session.pk])
    assert "personne0" not in admin_client.get(url).content.decode()  # names, not addresses
    response = admin_client.post(url, {"attended": [str(seated[0].pk), "junk", "999999"]})
    assert response.status_code == 302
    assert dict(Registration.objects.filter(session=full_session, status="confirmed").values_list("pk", "attended")) == {
        seated[0].pk: True, seated[1].pk: False
    }


def test_registrations_listing_filters_by_session_and_exports_csv(admin_client, full_session, make_session):
    other = make_session(full_session.training, capacity=5)
    booking.register(other.pk, name="=HYPERLINK(\"http://evil\")", email="evil@example.org")
    url = reverse(f"{REGISTRATIONS}:index") + f"?session={full_session.pk}"
    html = admin_client.get(url).content.decode()
    assert "personne0@example.org" in html and "evil@example.org" not in html

    export = admin_client.get(url + "&export=csv")
    assert export.status_code == 200 and export["Content-Type"] == "text/csv"
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert len(rows) == 4
    everyone = admin_client.get(reverse(f"{REGISTRATIONS}:index") + "?export=csv")
    text = b"".join(everyone.streaming_content).decode()
    assert "'=HYPERLINK" in text  # a spreadsheet will not run it


def test_officer_moves_someone_from_the_waitlist_and_they_are_told(admin_client, full_session, django_capture_on_commit_callbacks):
    waiting = Registration.objects.filter(session=full_session, status="waitlisted").first()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse(f"{REGISTRATIONS}:edit", args=[waiting.pk]), {"status": "confirmed", "attended": "unknown"}
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    assert [m.to[0] for m in mail.outbox] == [waiting.email]


def test_officer_cancelling_a_registration_promotes_the_next(admin_client, full_session, django_capture_on_commit_callbacks):
    seated = Registration.objects.filter(session=full_session, status="confirmed").first()
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(reverse(f"{REGISTRATIONS}:edit", args=[seated.pk]), {"status": "cancelled", "attended": "unknown"})
    assert Registration.objects.get(email="personne2@example.org").status == "confirmed"


def test_registrations_are_neither_added_nor_deleted_from_the_admin(admin_client, full_session):
    registration = Registration.objects.filter(session=full_session).first()
    assert admin_client.get(reverse(f"{REGISTRATIONS}:add")).status_code in (302, 403)
    assert admin_client.post(reverse(f"{REGISTRATIONS}:delete", args=[registration.pk])).status_code in (302, 403)
    assert Registration.objects.filter(pk=registration.pk).exists()


def test_a_session_with_registrations_is_not_deleted(admin_client, full_session):
    response = admin_client.post(reverse(f"{SESSIONS}:delete", args=[full_session.pk]))
    assert response.status_code in (200, 302, 403)
    assert TrainingSession.objects.filter(pk=full_session.pk).exists()


def test_a_training_with_registrations_cannot_be_deleted(admin_client, full_session):
    training = full_session.training
    response = admin_client.post(reverse("wagtailadmin_pages:delete", args=[training.pk]))
    assert response.status_code == 302
    assert TrainingSession.objects.filter(pk=full_session.pk).exists()
    assert type(training).objects.filter(pk=training.pk).exists()


def test_officer_creates_a_training_page_through_the_admin(admin_client, programme, vocabulary):
    from maillage_core.models import Sector
    from maillage_training.models import TrainingPage

    url = reverse("wagtailadmin_pages:add", args=("maillage_training", "trainingpage", programme.pk))
    assert admin_client.get(url).status_code == 200
    sector = Sector.objects.get(slug="sante")
    empty_rich_text = json.dumps({"blocks": [], "entityMap": {}})
    response = admin_client.post(url, {
        "title": "Santé mondiale", "slug": "sante-mondiale", "summary": "Agir en partenariat.", "format": "hybrid",
        "sectors": [sector.pk], "objectives": empty_rich_text, "programme": empty_rich_text, "audience": "",
        "prerequisites": "",
        "trainers": "", "price": "40", "reduced_price": "20", "price_note": "adhérents", "action-publish": "publish",
    })
    assert response.status_code == 302, response.content.decode()[:3000]
    training = TrainingPage.objects.get(slug="sante-mondiale")
    assert training.live and training.get_parent().pk == programme.pk
    assert list(training.sectors.all()) == [sector]


def test_programme_accepts_only_trainings_and_trainings_live_under_a_programme(programme, root_page):
    from maillage_training.models import TrainingIndexPage, TrainingPage

    assert TrainingIndexPage.allowed_subpage_models() == [TrainingPage]
    assert TrainingPage.can_create_at(programme)
    assert not TrainingPage.can_create_at(root_page)
