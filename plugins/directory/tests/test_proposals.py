"""Proposals from the public: drafts under moderation, never live before
an officer approves; hostile input stays inert; signed update links."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.html import escape
from PIL import Image as PILImage
from wagtail.models import WorkflowState

from maillage_core.models import Sector
from maillage_directory.models import Actor, Submission
from maillage_directory.moderation import ensure_workflow
from maillage_directory.tokens import make_update_token

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture(autouse=True)
def workflow(db):
    return ensure_workflow()


def answers(**changes):
    data = {
        "name": "Terre Solidaire Drôme",
        "acronym": "TSD",
        "description": "Nous agissons au Sénégal.\n\nDepuis 1998.",
        "postcode": "26000",
        "city": "Valence",
        "department": "26",
        "countries": ["SN"],
        "sectors": [str(Sector.objects.get(slug="agriculture").pk)],
        "email": "contact@tsd.example",
        "email_public": "on",
        "submitter_name": "Camille",
        "submitter_email": "camille@example.org",
        "website_url": "",
    }
    data.update(changes)
    return data


def png(size=(40, 20)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "white").save(buffer, "PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")


def test_a_new_actor_waits_unpublished_in_moderation(
    client, directory_page, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.MAILLAGE_DIRECTORY_OFFICER_EMAIL = "officer@directory.test"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(directory_page.url + "proposer/", answers())
    assert response.status_code == 302 and response["Location"].endswith("/merci/")
    actor = Actor.objects.get()
    assert not actor.live
    assert actor.latest_revision is not None
    assert WorkflowState.objects.filter(object_id=str(actor.pk), status="in_progress").exists()
    submission = Submission.objects.get()
    assert submission.kind == "new" and submission.submitter_email == "camille@example.org"
    assert client.get(directory_page.url + actor.slug + "/").status_code == 404
    assert {message.to[0] for message in mailoutbox} == {"camille@example.org", "officer@directory.test"}


def test_an_approved_proposal_goes_live(client, directory_page, django_user_model):
    client.post(directory_page.url + "proposer/", answers())
    actor = Actor.objects.get()
    officer = django_user_model.objects.create_superuser("officer", "o@example.org", "x")
    state = WorkflowState.objects.get(object_id=str(actor.pk))
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, officer, "approve")
    actor.refresh_from_db()
    assert actor.live
    assert client.get(directory_page.url + actor.slug + "/").status_code == 200


def test_a_proposed_correction_leaves_the_published_record_unchanged(client, directory_page, make_actor):
    actor = make_actor("Eau Vive", city="Die", contact_name="Secret", countries=["ML"])
    response = client.post(directory_page.url + "eau-vive/modifier/", answers(name="Eau Vive", city="Crest"))
    assert response.status_code == 302
    actor.refresh_from_db()
    assert actor.city == "Die" and actor.live and actor.has_unpublished_changes
    proposed = actor.get_latest_revision_as_object()
    assert proposed.city == "Crest"
    # a private field the public form showed empty is kept, not erased
    assert proposed.contact_name == "Secret"
    html = client.get(directory_page.url + "eau-vive/").content.decode()
    assert "Die" in html and "Crest" not in html


def test_the_correction_form_does_not_show_private_details(client, directory_page, make_actor):
    make_actor("Eau Vive", contact_name="Personne Privée", email="cache@example.org", email_public=False)
    html = client.get(directory_page.url + "eau-vive/modifier/").content.decode()
    assert "Personne Privée" not in html and "cache@example.org" not in html


def test_script_and_html_in_every_text_field_stay_inert(client, directory_page, django_user_model):
    text_fields = ["name", "acronym", "description", "address", "city", "logo_alt", "contact_name",
                   "contact_role", "contact_phone", "submitter_name", "message"]
    short = {"acronym": 40, "contact_phone": 30}
    data = answers(**{name: HOSTILE[: short.get(name, 200)] for name in text_fields})
    data.pop("postcode")
    response = client.post(directory_page.url + "proposer/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    actor = Actor.objects.get()
    actor.get_latest_revision().publish()
    html = client.get(directory_page.url + actor.slug + "/").content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html
    assert "<script>" not in actor.description
    listing = client.get(directory_page.url).content.decode()
    assert "<script>alert" not in listing


@pytest.mark.parametrize(
    "upload, message",
    [
        (SimpleUploadedFile("logo.png", b"<?php echo 1; ?>", content_type="image/png"), "image"),
        (SimpleUploadedFile("logo.svg", b"<svg onload='alert(1)'/>", content_type="image/svg+xml"), "image"),
    ],
)
def test_fake_images_are_refused_with_a_message(client, directory_page, upload, message):
    response = client.post(directory_page.url + "proposer/", answers(logo=upload, logo_alt="Logo"))
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not Actor.objects.exists()


def error_codes(response, field):
    """The codes of a field's errors on the page answered (language-independent), shown in the page."""
    errors = response.context["form"].errors
    for message in errors.get(field, []):
        assert escape(message) in response.content.decode()
    return [error.code for error in errors.as_data().get(field, [])]


def truncated_jpeg():
    buffer = io.BytesIO()
    PILImage.effect_noise((120, 80), 60).convert("RGB").save(buffer, "JPEG")
    whole = buffer.getvalue()
    return SimpleUploadedFile("logo.jpg", whole[: len(whole) // 2], content_type="image/jpeg")


def test_a_truncated_jpeg_is_refused_with_a_message(client, directory_page):
    response = client.post(directory_page.url + "proposer/", answers(logo=truncated_jpeg(), logo_alt="Logo"))
    assert response.status_code == 200
    assert error_codes(response, "logo") == ["damaged"]
    assert not Actor.objects.exists()


THIS_YEAR = "this year"


def year_of(text):
    return str(timezone.localdate().year) if text == THIS_YEAR else text


@pytest.mark.parametrize("year", ["1998", "1800", THIS_YEAR])
def test_a_real_founding_year_is_kept(client, directory_page, year):
    response = client.post(directory_page.url + "proposer/", answers(year_founded=year_of(year)))
    assert response.status_code == 302, response.context["form"].errors
    assert Actor.objects.get().get_latest_revision_as_object().year_founded == int(year_of(year))


@pytest.mark.parametrize("year, code", [("1799", "min_value"), ("-5", "min_value"), ("9" * 20, "max_value")])
def test_an_impossible_founding_year_is_refused_with_a_message(client, directory_page, year, code):
    for _attempt in range(2):  # the second form must not inherit anything from the first
        response = client.post(directory_page.url + "proposer/", answers(year_founded=year))
        assert response.status_code == 200
        assert error_codes(response, "year_founded") == [code]
    assert not Actor.objects.exists()


def test_next_year_is_refused_as_a_founding_year(client, directory_page):
    next_year = timezone.localdate().year + 1
    response = client.post(directory_page.url + "proposer/", answers(year_founded=str(next_year)))
    assert error_codes(response, "year_founded") == ["max_value"]
    assert str(next_year - 1) in response.context["form"].errors["year_founded"][0]
    assert not Actor.objects.exists()


def test_the_founding_year_ends_at_the_sites_local_new_year(client, directory_page, settings, monkeypatch):
    # 31 December 2026, 23:30 in UTC is already 2027 in Paris.
    settings.TIME_ZONE = "Europe/Paris"
    instant = datetime.datetime(2026, 12, 31, 23, 30, tzinfo=datetime.UTC)
    monkeypatch.setattr(timezone, "now", lambda: instant)
    html = client.get(directory_page.url + "proposer/").content.decode()
    assert 'max="2027"' in html
    response = client.post(directory_page.url + "proposer/", answers(year_founded="2027"))
    assert response.status_code == 302


@pytest.mark.parametrize(
    "field, value",
    [
        ("email", "a" * 243 + "@example.org"),
        ("contact_email", "a" * 243 + "@example.org"),
        ("submitter_email", "a" * 243 + "@example.org"),
        ("website", "https://example.org/" + "a" * 200),
        ("sectors", ["1" * 20]),
        ("sdgs", ["1" * 20]),
        ("actor_type", "1" * 20),
        ("department", "9" * 20),
    ],
)
def test_values_the_database_cannot_hold_are_refused_with_a_message(client, directory_page, field, value):
    response = client.post(directory_page.url + "proposer/", answers(**{field: value}))
    assert response.status_code == 200
    assert error_codes(response, field)
    assert not Actor.objects.exists() and not Submission.objects.exists()


def test_oversized_images_are_refused_with_a_message(client, directory_page, settings):
    settings.MAILLAGE_DIRECTORY_LOGO_MAX_PIXELS = 30
    response = client.post(directory_page.url + "proposer/", answers(logo=png((40, 20)), logo_alt="Logo"))
    assert "30" in response.content.decode() and not Actor.objects.exists()
    settings.MAILLAGE_DIRECTORY_LOGO_MAX_PIXELS = 4000
    settings.MAILLAGE_DIRECTORY_LOGO_MAX_BYTES = 50
    response = client.post(directory_page.url + "proposer/", answers(logo=png((40, 20)), logo_alt="Logo"))
    assert "errorlist" in response.content.decode() and not Actor.objects.exists()


def test_a_real_logo_is_kept_with_its_text(client, directory_page):
    response = client.post(directory_page.url + "proposer/", answers(logo=png(), logo_alt="Terre Solidaire"))
    assert response.status_code == 302
    actor = Actor.objects.get()
    assert actor.logo is not None and actor.logo_alt == "Terre Solidaire"


def test_honeypot_refuses_robots(client, directory_page):
    response = client.post(directory_page.url + "proposer/", answers(website_url="http://spam.example"))
    assert response.status_code == 200 and not Actor.objects.exists()


def test_too_many_proposals_from_one_address_are_refused(client, directory_page, settings):
    settings.MAILLAGE_FORM_RATE_LIMIT = 2
    statuses = [client.post(directory_page.url + "proposer/", answers(name=f"Acteur {n}")).status_code for n in range(3)]
    assert statuses == [302, 302, 429]
    assert Actor.objects.count() == 2


def test_a_signed_link_lets_the_actor_update_its_record_with_private_details(client, directory_page, make_actor):
    actor = make_actor("Eau Vive", contact_name="Claire Martin", countries=["ML"])
    url = f"{directory_page.url}mise-a-jour/{make_update_token(actor)}/"
    html = client.get(url).content.decode()
    assert "Claire Martin" in html
    response = client.post(url, answers(name="Eau Vive", contact_name="Paul Durand"))
    assert response.status_code == 302
    assert Submission.objects.get().kind == "invited"
    actor.refresh_from_db()
    assert actor.get_latest_revision_as_object().contact_name == "Paul Durand"
    assert actor.contact_name == "Claire Martin"


@pytest.mark.parametrize("token", ["forged", "x" * 1999, "ZXlKaFkzUnZjaUk2TVgwOjF4V0QzSDo5UTdm"])
def test_a_forged_or_broken_link_is_refused_politely(client, directory_page, make_actor, token):
    make_actor("Eau Vive")
    response = client.get(f"{directory_page.url}mise-a-jour/{token}/")
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' not in response.content.decode()
    assert not Submission.objects.exists()


def test_an_expired_link_is_refused(client, directory_page, make_actor, settings, monkeypatch):
    actor = make_actor("Eau Vive")
    token = make_update_token(actor)
    import time

    later = time.time() + 31 * 86400
    monkeypatch.setattr(time, "time", lambda: later)
    response = client.post(f"{directory_page.url}mise-a-jour/{token}/", answers(name="Eau Vive"))
    assert response.status_code == 200
    assert not Submission.objects.exists()


def test_a_proposal_made_during_an_engine_outage_is_kept(client, directory_page, settings, search_engine):
    from maillage_core.models import PendingIndexUpdate

    backend = dict(settings.WAGTAILSEARCH_BACKENDS["default"])
    backend["URLS"] = ["http://127.0.0.1:9"]
    settings.WAGTAILSEARCH_BACKENDS = {"default": backend}
    response = client.post(directory_page.url + "proposer/", answers())
    assert response.status_code == 302
    actor = Actor.objects.get()
    assert Submission.objects.filter(actor=actor).exists()
    assert PendingIndexUpdate.objects.filter(object_pk=str(actor.pk)).exists()
