"""A session's page: seats, JSON-LD, the registration form and the cancel link."""

import json
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone
from training_helpers import register_data

from maillage_training import booking
from maillage_training.models import Registration
from maillage_training.tokens import cancel_token

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()


def session_path(session):
    training = session.training.specific
    return training.url + f"sessions/{session.pk}/"


def post(client, session, **overrides):
    return client.post(session_path(session), register_data(**overrides))


def test_session_page_shows_remaining_seats_and_the_form(client, session):
    booking.register(session.pk, name="Camille", email="camille@example.org")
    html = client.get(session_path(session)).content.decode()
    assert "1 place restante sur 2" in html
    assert 'name="email"' in html and 'name="consent"' in html
    assert "Politique." in html  # the programme's data policy beside the consent box


def test_session_page_carries_a_json_ld_event(client, session):
    html = client.get(session_path(session)).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1])
    assert data["@type"] == "Event"
    assert data["name"] == "Monter un projet"
    assert data["startDate"] == session.start.isoformat()
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"]["address"]["addressLocality"] == "Lyon"
    assert data["offers"]["availability"] == "https://schema.org/InStock"


def test_json_ld_cannot_be_broken_out_of(client, make_training, make_session):
    training = make_training("Titre </script><script>alert(1)</script>", summary="Résumé <!-- & -->")
    html = client.get(session_path(make_session(training))).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    assert "<" not in block and ">" not in block
    assert json.loads(block)["name"] == "Titre </script><script>alert(1)</script>"


def test_registering_confirms_redirects_and_emails(client, session, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, session)
    assert response.status_code == 302 and response["Location"].endswith(f"/sessions/{session.pk}/")
    registration = Registration.objects.get()
    assert (registration.status, registration.email, registration.organisation) == (
        "confirmed", "camille@example.org", "Terres Solidaires")
    assert registration.consent_at is not None
    assert len(mail.outbox) == 1 and "annulation/?jeton=" in mail.outbox[0].body
    assert "votre inscription est confirmée" in client.get(response["Location"]).content.decode()


def test_registering_when_full_puts_on_the_waitlist(client, make_training, make_session):
    session = make_session(make_training(), capacity=1)
    post(client, session, email="first@example.org")
    response = post(client, session, email="second@example.org")
    assert response.status_code == 302
    assert Registration.objects.get(email="second@example.org").status == "waitlisted"
    assert "liste d’attente" in client.get(response["Location"]).content.decode()


def test_registering_twice_is_refused_kindly(client, session):
    post(client, session)
    response = post(client, session, email="CAMILLE@example.org ")
    assert response.status_code == 409
    assert "déjà inscrite" in response.content.decode()
    assert Registration.objects.count() == 1


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"email": "pas-une-adresse"}, "adresse de courriel valide"),
        ({"email": ""}, "obligatoire"),
        ({"consent": ""}, "Votre accord est nécessaire"),
        ({"name": ""}, "obligatoire"),
        ({"website_url": "http://spam.example"}, "automatis"),
        ({"name": "<script>alert(1)</script>"}, "texte simple"),
        ({"organisation": "<img src=x onerror=alert(1)>"}, "texte simple"),
        ({"role": "<svg onload=alert(1)>"}, "texte simple"),
        ({"accessibility_needs": "<script>alert(1)</script>"}, "texte simple"),
        ({"name": "x" * 151}, "151"),
    ],
)
def test_bad_input_gets_a_clear_message_and_changes_nothing(client, session, overrides, message):
    response = post(client, session, **overrides)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert 'id="error-summary"' in html and 'role="alert"' in html
    assert "<script>alert(1)</script>" not in html and "<img src=x" not in html
    assert not Registration.objects.exists()
    assert mail.outbox == []


def test_fields_with_errors_are_marked_for_assistive_technology(client, session):
    html = post(client, session, email="nope").content.decode()
    field = re.search(r'<input[^>]*name="email"[^>]*>', html)[0]
    assert 'aria-invalid="true"' in field
    assert 'href="#id_email"' in html  # the summary links to the field


def test_registration_after_closing_or_on_a_cancelled_session_is_refused(client, session):
    session.registration_closes = timezone.now() - timedelta(hours=1)
    session.save()
    response = post(client, session)
    assert response.status_code == 409 and "closes" in response.content.decode()
    session.registration_closes = None
    session.status = "cancelled"
    session.save()
    response = post(client, session)
    assert response.status_code == 409 and "annulée" in response.content.decode()
    assert not Registration.objects.exists()


def test_cancelled_session_stays_visible_as_cancelled_without_form(client, session):
    booking.cancel_session(session.pk)
    response = client.get(session_path(session))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Cette session est annulée." in html and 'name="email"' not in html
    assert "EventCancelled" in html


def test_rate_limit_stops_a_flood_with_a_message(client, session, settings):
    settings.MAILLAGE_FORM_RATE_LIMIT = 3
    statuses = [post(client, session, email=f"p{n}@example.org").status_code for n in range(5)]
    assert statuses == [302, 302, 302, 429, 429]
    assert Registration.objects.count() == 3


def test_organisation_named_by_another_plugin_is_recorded_with_its_key(client, session):
    from wagtail import hooks

    from maillage_core.hooks import ORGANISATIONS, Organisation

    known = [Organisation(key="actor:42", name="Terres Solidaires", detail="Lyon")]

    def directory(query, limit):
        return [o for o in known if query.casefold() in o.name.casefold()][:limit]

    with hooks.register_temporarily(ORGANISATIONS, directory):
        html = client.get(session_path(session)).content.decode()
        assert '<datalist id="organisation-suggestions">' in html and 'list="organisation-suggestions"' in html
        post(client, session, organisation="terres solidaires")
        post(client, session, email="autre@example.org", organisation="Une association inconnue")
    chosen, free = Registration.objects.order_by("pk")
    assert (chosen.organisation, chosen.organisation_key) == ("Terres Solidaires", "actor:42")
    assert (free.organisation, free.organisation_key) == ("Une association inconnue", "")


def test_without_an_organisation_provider_the_field_is_free_text(client, session):
    html = client.get(session_path(session)).content.decode()
    assert "datalist" not in html


def test_unknown_or_foreign_session_ids_are_not_found(client, session, make_training):
    other = make_training("Autre formation")
    assert client.get(other.url + f"sessions/{session.pk}/").status_code == 404
    assert client.get(session.training.specific.url + "sessions/999999/").status_code == 404


def test_draft_training_pages_are_not_served(client, make_training, make_session):
    draft = make_training("Brouillon", publish=False)
    session = make_session(draft)
    assert client.get(f"/formations/brouillon/sessions/{session.pk}/").status_code == 404


def test_session_page_queries_stay_constant(client, session, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    path = session_path(session)
    client.get(path)
    with CaptureQueriesContext(connection) as small:
        client.get(path)
    expected = len(small.captured_queries)  # read now: each request empties the connection's log
    for n in range(30):
        Registration.objects.create(session=session, status="waitlisted", name="P", email=f"p{n}@example.org",
                                    consent_at=timezone.now())
    client.get(path)  # the content changed: caches kept under its version are drawn again
    with django_assert_num_queries(expected):
        client.get(path)


# -- the cancel link --------------------------------------------------------


def cancel_path(registration):
    training = registration.session.training.specific
    return training.url + "annulation/?jeton=" + cancel_token(registration)


def test_opening_the_cancel_link_only_asks_for_confirmation(client, session):
    registration = booking.register(session.pk, name="Camille", email="camille@example.org")
    response = client.get(cancel_path(registration))
    assert response.status_code == 200
    assert "Annuler mon inscription" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_cancel_link_used_twice_cancels_once_promotes_once_emails_once(client, make_training, make_session,
                                                                        django_capture_on_commit_callbacks):
    session = make_session(make_training(), capacity=1)
    seated = booking.register(session.pk, name="Camille", email="camille@example.org")
    waiting = booking.register(session.pk, name="Léa", email="lea@example.org")
    path = cancel_path(seated)
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(path, {"jeton": path.split("jeton=")[1]})
    with django_capture_on_commit_callbacks(execute=True):
        second = client.post(path, {"jeton": path.split("jeton=")[1]})
    assert "Votre inscription est annulée" in first.content.decode()
    assert "déjà annulée" in second.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    assert sorted((m.to[0], m.subject.split(" :")[0]) for m in mail.outbox) == [
        ("camille@example.org", "Inscription annulée"),
        ("lea@example.org", "Une place pour vous"),
    ]


@pytest.mark.parametrize("token", ["", "garbage", "1:forged:token", "x" * 3000, "<script>alert(1)</script>"])
def test_forged_cancel_tokens_get_a_message_and_change_nothing(client, session, token):
    registration = booking.register(session.pk, name="Camille", email="camille@example.org")
    training = session.training.specific
    response = client.post(training.url + "annulation/", {"jeton": token})
    assert response.status_code == 400
    assert "pas valide ou a expiré" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_expired_cancel_token_is_refused(client, session, settings):
    registration = booking.register(session.pk, name="Camille", email="camille@example.org")
    path = cancel_path(registration)
    settings.MAILLAGE_TRAINING_CANCEL_LINK_MAX_AGE_DAYS = 1
    from unittest import mock

    with mock.patch("django.core.signing.time.time", return_value=timezone.now().timestamp() + 2 * 86400):
        response = client.post(path)
    assert response.status_code == 400
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_a_token_for_another_training_is_refused(client, session, make_training):
    registration = booking.register(session.pk, name="Camille", email="camille@example.org")
    other = make_training("Autre")
    response = client.post(other.url + "annulation/?jeton=" + cancel_token(registration))
    assert response.status_code == 400
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_training_page_shows_the_seats_of_an_upcoming_session_beside_past_ones(client, make_training, make_session):
    """The page's list of past sessions (``past``) is not the seats' ``past`` flag."""
    training = make_training()
    make_session(training, start=timezone.now() - timedelta(days=30))
    make_session(training, capacity=5)
    html = client.get(training.url).content.decode()
    assert "5 places restantes sur 5" in html
    assert "Session passée" not in html



def test_the_kept_form_fields_are_drawn_in_each_language_and_a_sent_form_keeps_its_values(client, session):
    from django.utils import translation

    from maillage_training.forms import RegistrationForm

    drawn = {}
    for language in ("fr", "en", "fr"):
        with translation.override(language):
            drawn.setdefault(language, []).append(str(RegistrationForm().details_html()))
    assert drawn["fr"][0] == drawn["fr"][1] and "Prénom et nom" in drawn["fr"][0]
    assert "First and last name" in drawn["en"][0]
    sent = post(client, session, email="pas-une-adresse", name="Dominique Sent").content.decode()
    assert 'value="Dominique Sent"' in sent and 'aria-invalid="true"' in sent
    again = client.get(session_path(session)).content.decode()
    assert "Dominique Sent" not in again and 'aria-invalid="true"' not in again
