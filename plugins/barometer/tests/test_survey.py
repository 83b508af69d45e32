"""The survey through an actor's signed link: altered, foreign, replayed
and expired links get a page that says so and change nothing; drafts, last
year's answers, required questions; and the form fuzzed."""

import datetime

import pytest
from django.utils import timezone

from maillage_barometer.models import Response
from maillage_barometer.survey import make_link_token

pytestmark = pytest.mark.django_db

VALID = {"projets": "4", "budget": "0-10k", "evolution": "Stable", "difficultes": ["Visas"], "pays": ["SN"],
         "secteurs": ["eau-assainissement"], "odd": ["6"], "commentaire": "RAS"}


@pytest.fixture
def edition(make_edition, actors):
    return make_edition(2026)


def path(edition, token):
    return f"{edition.url}enquete/{token}/"


def tampered(edition, key):
    token = make_link_token(edition, key)
    return token[:-3] + ("AAA" if token[-3:] != "AAA" else "BBB")


def another_actors_key(edition, key):
    """The link of ``key`` with its signed payload rewritten to name another
    actor, the signature left as it was."""
    import base64

    from django.core import signing

    token = make_link_token(edition, key)
    signed = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
    payload, rest = signed.split(":", 1)
    value = signing.b64_decode(payload.encode()).decode().replace(key, "test:2")
    forged = f"{signing.b64_encode(value.encode()).decode()}:{rest}"
    return base64.urlsafe_b64encode(forged.encode()).decode().rstrip("=")


LINKS = {
    # name: (how the link is made, status, words of the page)
    "altered": (lambda edition, other: tampered(edition, "test:1"), 403, "Ce lien ne fonctionne pas"),
    "another actor's key in it": (lambda edition, other: another_actors_key(edition, "test:1"), 403,
                                  "Ce lien ne fonctionne pas"),
    "another edition's": (lambda edition, other: make_link_token(other, "test:1"), 403, "Ce lien ne fonctionne pas"),
    "an actor gone from the directory": (lambda edition, other: make_link_token(edition, "test:99"), 403,
                                         "Ce lien ne fonctionne pas"),
    "garbage": (lambda edition, other: "x" * 3000, 403, "Ce lien ne fonctionne pas"),
}


@pytest.mark.parametrize("name", LINKS)
def test_a_link_that_is_not_right_says_so_and_saves_nothing(client, edition, make_edition, name):
    make, status, words = LINKS[name]
    other = make_edition(2025)
    url = path(edition, make(edition, other))
    for response in (client.get(url), client.post(url, {**VALID, "action": "submit"})):
        assert response.status_code == status
        assert words in response.content.decode()
        assert "no-store" in response["Cache-Control"]
    assert not Response.objects.exists()


def test_a_link_replayed_after_the_answers_were_sent_changes_nothing(client, edition, answer):
    assert answer(edition, "test:1", VALID).status_code == 302
    sent = Response.objects.get()
    url = path(edition, make_link_token(edition, "test:1"))
    shown = client.get(url)
    assert shown.status_code == 200 and "Vos réponses ont été envoyées" in shown.content.decode()
    replayed = client.post(url, {**VALID, "projets": "99", "action": "save"})
    assert replayed.status_code == 409 and "ne peuvent plus être modifiées" in replayed.content.decode()
    after = Response.objects.get()
    assert (after.answers, after.submitted_at, after.updated_at) == (sent.answers, sent.submitted_at, sent.updated_at)


@pytest.mark.parametrize("days, words, status", [
    (-1, "L’enquête est close", 410),  # closed yesterday: the link has expired
    (None, "L’enquête est close", 410),  # results published: closed too
])
def test_an_expired_link_says_the_survey_closed(client, make_edition, actors, days, words, status):
    today = timezone.localdate()
    edition = make_edition(2026, opens_on=today - datetime.timedelta(days=30),
                           closes_on=today + datetime.timedelta(days=days if days is not None else 5))
    if days is None:
        edition.figures = {"year": 2026}
        edition.save()
    response = client.post(path(edition, make_link_token(edition, "test:1")), {**VALID, "action": "submit"})
    assert response.status_code == status and words in response.content.decode()
    assert not Response.objects.exists()


def test_a_link_older_than_the_survey_has_expired(client, edition, settings):
    # Signed 40 days ago for a survey that opened 10 days ago: max_age refuses it.
    from unittest import mock

    from django.core import signing

    signed_long_ago = int((timezone.now() - datetime.timedelta(days=40)).timestamp())
    with mock.patch.object(signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(signed_long_ago)):
        token = make_link_token(edition, "test:1")
    response = client.get(path(edition, token))
    assert response.status_code == 403 and "Ce lien ne fonctionne pas" in response.content.decode()


def test_a_survey_not_open_yet_says_when_it_opens(client, make_edition, actors):
    today = timezone.localdate()
    edition = make_edition(2026, opens_on=today + datetime.timedelta(days=3), closes_on=today + datetime.timedelta(days=30))
    response = client.get(path(edition, make_link_token(edition, "test:1")))
    assert response.status_code == 403 and "L’enquête ouvre le" in response.content.decode()


def test_answers_are_saved_over_sittings_then_sent_with_the_required_ones(client, edition, answer):
    url = path(edition, make_link_token(edition, "test:2"))
    assert answer(edition, "test:2", {"budget": "1m+"}, action="save").status_code == 302
    draft = Response.objects.get()
    assert (draft.answers, draft.submitted_at, draft.actor_type, draft.department) == (
        {"budget": "1m+"}, None, "Collectivité territoriale", "Rhône (69)")
    again = client.get(url)
    assert again.context["form"].initial == {"budget": "1m+"}
    assert '<meta name="robots" content="noindex, nofollow">' in again.content.decode()  # a personal page
    refused = answer(edition, "test:2", {"budget": "1m+"})  # "projets" is required to send
    assert refused.status_code == 400
    assert "Cette question demande une réponse" in refused.content.decode()
    assert Response.objects.get().submitted_at is None
    assert answer(edition, "test:2", VALID).status_code == 302
    assert Response.objects.get().answers == {**VALID, "projets": 4, "difficultes": ["Visas"], "pays": ["SN"],
                                              "secteurs": ["eau-assainissement"], "odd": ["6"]}


def test_last_years_answers_are_filled_in_for_the_questions_kept(client, make_edition, actors, answer, questionnaire):
    last_year = make_edition(2025, opens_on=timezone.localdate() - datetime.timedelta(days=5))
    answer(last_year, "test:3", VALID)
    last_year.figures = {"year": 2025}
    last_year.save()
    questions = [q for q in questionnaire if q[1]["key"] != "evolution"]
    questions.append(("number", {"key": "budget", "label": "Budget exact", "help_text": "", "required": False,
                                 "unit": "€"}))  # same key, another kind: not filled in
    questions = [q for q in questions if not (q[0] == "amount_band")]
    edition = make_edition(2026, questions=questions)
    page = client.get(path(edition, make_link_token(edition, "test:3")))
    assert page.context["prefilled_year"] == 2025
    assert page.context["form"].initial == {"projets": 4, "difficultes": ["Visas"], "pays": ["SN"],
                                            "secteurs": ["eau-assainissement"], "odd": ["6"], "commentaire": "RAS"}


def test_the_edition_page_takes_no_anonymous_answer(client, edition):
    page = client.get(edition.url)
    assert page.status_code == 200 and "barometer-form" not in page.content.decode()
    assert "L’enquête est ouverte jusqu’au" in page.content.decode()
