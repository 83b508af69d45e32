"""A visitor suggests a call or a correction: it becomes a draft in
moderation, never public before a moderator publishes it."""

import pytest
from django.core import mail

from maillage_core.testing import fuzz
from maillage_funding.forms import SuggestionForm
from maillage_funding.models import FundingCall

pytestmark = pytest.mark.django_db


def answers(**changes):
    return {"title": "Fonds pour l'eau au Bénin", "funder": "Fondation Eau Vive", "official_url": "https://example.org/fonds/",
            "closes_on": "2099-03-31", "summary": "Des forages dans les écoles.", "message": "Vu sur leur site.",
            "email": "awa@example.org", **changes}


def test_a_suggested_call_is_a_draft_in_moderation_and_the_officer_is_told(client, workflow, search_page, settings,
                                                                          django_capture_on_commit_callbacks):
    settings.MAILLAGE_OFFICER_EMAIL = "officer@funding.test"  # inside a host site too
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(search_page.url + "proposer/", answers())
    assert response.status_code == 302 and response["Location"] == search_page.url + "merci/"
    call = FundingCall.objects.get()
    assert not call.live and call.workflow_in_progress
    assert call.suggestion == "Financeur : Fondation Eau Vive\nVu sur leur site."
    assert [message.to for message in mail.outbox] == [["officer@funding.test"]]
    assert client.get(search_page.url + f"{call.slug}/").status_code == 404
    assert "Fonds pour" not in client.get(search_page.url).content.decode()


def test_a_correction_waits_in_a_revision_and_the_published_call_is_unchanged(client, workflow, search_page, make_call):
    call = make_call("Eau potable au Sahel", closes_in=20)
    form = client.get(search_page.url + f"proposer/?appel={call.slug}")
    assert 'value="Eau potable au Sahel"' in form.content.decode()
    response = client.post(search_page.url + f"proposer/?appel={call.slug}",
                           answers(title=call.title, closes_on="2099-12-31", summary="La date a changé."))
    assert response.status_code == 302
    call.refresh_from_db()
    assert call.live and str(call.closes_on) != "2099-12-31" and call.summary != "La date a changé."
    assert call.has_unpublished_changes and call.latest_revision.as_object().closes_on.isoformat() == "2099-12-31"
    assert call.workflow_in_progress
    assert "La date a changé." not in client.get(call.get_url()).content.decode()


@pytest.mark.parametrize("changes, message, status", [
    ({"website_url": "http://spam.example"}, "", 400),
    ({"official_url": "pas une adresse"}, "Saisissez une URL valide.", 400),
    ({"title": ""}, "Titre de l’appel: Champ requis.", 400),
])
def test_bad_suggestions_are_refused_and_save_nothing(client, search_page, changes, message, status):
    response = client.post(search_page.url + "proposer/", answers(**changes))
    assert response.status_code == status
    assert message in response.content.decode()
    assert not FundingCall.objects.exists() and not mail.outbox


def test_the_form_is_rate_limited(client, search_page, settings):
    settings.MAILLAGE_FORM_RATE_LIMIT = 1
    assert client.post(search_page.url + "proposer/", answers()).status_code == 302
    assert client.post(search_page.url + "proposer/", answers(title="Un autre")).status_code == 429
    assert FundingCall.objects.count() == 1


def test_every_field_of_the_suggestion_form_survives_hostile_values(client, search_page, settings):
    settings.MAILLAGE_FORM_RATE_LIMIT = 0
    form = fuzz.PublicForm("funding suggestion", search_page.url + "proposer/", SuggestionForm, answers=answers,
                           stored=lambda: FundingCall.objects.count(),
                           saved_text=lambda: fuzz.joined_text(FundingCall.objects.order_by("-pk").first()
                                                               .latest_revision.content))
    fuzz.run(client, form).assert_clean()
