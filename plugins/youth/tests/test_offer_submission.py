"""An organisation posts an offer without an account: a draft under
moderation, never public before approval; the submitter is told twice."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import WorkflowState

from maillage_core.models import Sector
from maillage_youth.models import Offer

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def day(offset):
    return (timezone.localdate() + datetime.timedelta(days=offset)).isoformat()


def answers(**changes):
    data = {
        "title": "Stage en agroécologie",
        "kind": "internship",
        "organisation": "Semences d'Avenir",
        "organisation_url": "semences.example.org",
        "country": "BF",
        "city": "Koudougou",
        "sector": str(Sector.objects.get(slug="agriculture").pk),
        "start_date": day(60),
        "end_date": day(240),
        "duration": "6 mois",
        "closing_date": day(30),
        "description": "Appui à une coopérative.\n\nDepuis 2010.",
        "how_to_apply": "CV et lettre de motivation.",
        "application_email": "recrutement@semences.example.org",
        "submitter_name": "Camille",
        "submitter_email": "camille@semences.example.org",
        "website_url": "",
    }
    data.update(changes)
    return data


def approve(obj, django_user_model):
    officer = django_user_model.objects.create_superuser("officer", "o@example.org", "x")
    state = WorkflowState.objects.get(object_id=str(obj.pk), status="in_progress")
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, officer, "approve")


def test_a_posted_offer_waits_unpublished_in_moderation(client, board, workflow, mailoutbox, settings,
                                                        django_capture_on_commit_callbacks):
    settings.MAILLAGE_OFFICER_EMAIL = "officer@youth.test"  # a host site sets its own
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(board.url + "deposer/", answers())
    assert response.status_code == 302 and response["Location"].endswith("/offres/merci/")
    offer = Offer.objects.get()
    assert not offer.live and offer.latest_revision is not None
    assert offer.description == "<p>Appui à une coopérative.</p><p>Depuis 2010.</p>"
    assert offer.organisation_url == "https://semences.example.org"
    assert WorkflowState.objects.filter(object_id=str(offer.pk), status="in_progress").exists()
    assert client.get(offer.get_url()).status_code == 404
    assert "Stage en agroécologie" not in client.get(board.url).content.decode()
    assert {message.to[0] for message in mailoutbox} == {"camille@semences.example.org", "officer@youth.test"}


def test_approval_publishes_the_offer_and_tells_the_submitter_once(client, board, workflow, mailoutbox,
                                                                    django_user_model,
                                                                    django_capture_on_commit_callbacks):
    client.post(board.url + "deposer/", answers())
    offer = Offer.objects.get()
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        approve(offer, django_user_model)
    offer.refresh_from_db()
    assert offer.live and offer.first_published_at
    assert client.get(offer.get_url()).status_code == 200
    assert [message.to for message in mailoutbox] == [["camille@semences.example.org"]]
    assert "http://localhost/espace-jeunes/offres/stage-en-agroecologie" in mailoutbox[0].body
    # a correction published later does not write again
    with django_capture_on_commit_callbacks(execute=True):
        offer.save_revision().publish()
    assert len(mailoutbox) == 1


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"closing_date": day(-1)}, "closing_date", "Cette date est passée"),
        ({"closing_date": day(400)}, "closing_date", "au plus tard jusqu’au"),
        ({"start_date": day(90), "end_date": day(60)}, "end_date", "La fin est avant le début"),
        ({"end_date": day(20)}, "closing_date", "après la fin de l’offre"),
        ({"closing_date": "31/02/2027"}, "closing_date", "Saisissez une date valide"),
        ({"kind": "cdi"}, "kind", "Sélectionnez un choix valide"),
        ({"country": "ZZ"}, "country", "Sélectionnez un choix valide"),
        ({"sector": "999999"}, "sector", "Sélectionnez un choix valide"),
        ({"title": ""}, "title", "Champ requis"),
        ({"submitter_email": "pas-une-adresse"}, "submitter_email", "adresse de courriel valide"),
        ({"application_url": "javascript:alert(1)"}, "application_url", "Saisissez une URL valide"),
        ({"description": "x" * 6001}, "description", "6000 caractères"),
        # Values the form once accepted and the database could not hold (a server error).
        ({"submitter_email": "a" * 243 + "@example.org"}, "submitter_email", "au plus 254 caractères"),
        ({"application_email": "a" * 243 + "@example.org"}, "application_email", "au plus 254 caractères"),
        ({"application_url": "https://example.org/" + "a" * 190}, "application_url", "au plus 200 caractères"),
        ({"organisation_url": "example.org/" + "a" * 190}, "organisation_url", "au plus 200 caractères"),
        ({"sector": "9" * 20}, "sector", "Sélectionnez un choix valide"),
    ],
)
def test_bad_answers_get_a_clear_message_and_change_nothing(client, board, changes, field, message):
    response = client.post(board.url + "deposer/", answers(**changes))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="error-summary"' in html and message in html
    assert f'href="#id_{field}"' in html
    assert not Offer.objects.exists()


def test_script_in_every_text_field_stays_inert(client, board, workflow, django_user_model):
    text_fields = ["title", "organisation", "city", "duration", "description", "how_to_apply", "submitter_name"]
    response = client.post(board.url + "deposer/", answers(**{name: HOSTILE for name in text_fields}))
    assert response.status_code == 302
    offer = Offer.objects.get()
    assert "<script>" not in offer.description and "&lt;script&gt;" in offer.description
    approve(offer, django_user_model)
    offer.refresh_from_db()
    for url in (offer.get_url(), board.url, board.url + "rss/"):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html, url
    # JSON Feed: titles and plain text are data, as typed; the HTML is escaped.
    item = client.get(board.url + "json/").json()["items"][0]
    assert item["title"] == HOSTILE and item["content_text"] == HOSTILE
    assert "<script>" not in item["content_html"] and "<img" not in item["content_html"]


def test_the_honeypot_refuses_robots(client, board):
    response = client.post(board.url + "deposer/", answers(website_url="http://spam.example"))
    assert response.status_code == 200 and not Offer.objects.exists()


def test_too_many_offers_from_one_address_are_refused(client, board, settings):
    settings.MAILLAGE_FORM_RATE_LIMIT = 2
    statuses = [client.post(board.url + "deposer/", answers(title=f"Offre {n}")).status_code for n in range(3)]
    assert statuses == [302, 302, 429]
    assert Offer.objects.count() == 2


def test_an_offer_posted_during_an_engine_outage_is_kept(client, board, settings, search_engine):
    from maillage_core.models import PendingIndexUpdate

    backend = dict(settings.WAGTAILSEARCH_BACKENDS["default"])
    backend["URLS"] = ["http://127.0.0.1:9"]
    settings.WAGTAILSEARCH_BACKENDS = {"default": backend}
    assert client.post(board.url + "deposer/", answers()).status_code == 302
    offer = Offer.objects.get()
    assert PendingIndexUpdate.objects.filter(object_pk=str(offer.pk)).exists()


def test_a_mail_server_outage_loses_nothing(client, board, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "youth_testsite.failing_mail.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(board.url + "deposer/", answers())
    assert response.status_code == 302 and Offer.objects.count() == 1


def test_the_form_page_marks_optional_fields(client, board):
    html = client.get(board.url + "deposer/").content.decode()
    assert "Ville (facultatif)" in html and "Intitulé de l’offre (facultatif)" not in html
    assert 'name="robots" content="noindex"' in html
