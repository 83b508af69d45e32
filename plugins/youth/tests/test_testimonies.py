"""Testimonies: sent with consent, moderated, withdrawable by a signed link;
photos checked and stripped of their metadata."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Revision, WorkflowState

from maillage_youth import tokens
from maillage_youth.models import SchemePage
from maillage_youth.models import Testimony as Story  # not "Test…": pytest would collect it
from maillage_youth.tokens import make_withdraw_token

pytestmark = pytest.mark.django_db

STORY = "Six mois dans une école de Kpalimé, à animer des ateliers de lecture avec une enseignante. " * 3


def answers(**changes):
    data = {
        "author_name": "Léa",
        "email": "lea@example.org",
        "title": "Six mois à Kpalimé",
        "scheme": "",
        "scheme_other": "Stage de fin d'études",
        "country": "TG",
        "year": "2024",
        "text": STORY,
        "photo_alt": "",
        "consent": "on",
        "website_url": "",
    }
    data.update(changes)
    return data


def jpeg(size=(64, 48), exif_gps=False):
    image = PILImage.new("RGB", size, (200, 120, 40))
    buffer = io.BytesIO()
    exif = PILImage.Exif()
    if exif_gps:
        exif[0x010F] = "PhoneMaker"  # camera make
        exif[0x8825] = {1: "N", 2: (45.0, 10.0, 0.0)}  # GPS
    image.save(buffer, "JPEG", exif=exif.tobytes())
    return SimpleUploadedFile("photo.jpg", buffer.getvalue(), content_type="image/jpeg")


def approve(obj, django_user_model):
    officer = django_user_model.objects.create_superuser("officer", "o@example.org", "x")
    task_state = WorkflowState.objects.get(object_id=str(obj.pk), status="in_progress").current_task_state
    task_state.task.specific.on_action(task_state, officer, "approve")


def test_a_story_waits_in_moderation_and_its_author_gets_the_withdrawal_link(
    client, testimony_index, workflow, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.MAILLAGE_OFFICER_EMAIL = "officer@youth.test"  # a host site sets its own
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(testimony_index.url + "temoigner/", answers())
    assert response.status_code == 302 and response["Location"].endswith("/temoignages/merci/")
    testimony = Story.objects.get()
    assert not testimony.live and testimony.consent_at
    assert WorkflowState.objects.filter(object_id=str(testimony.pk), status="in_progress").exists()
    assert client.get(testimony_index.url + f"{testimony.pk}/").status_code == 404
    assert "Six mois à Kpalimé" not in client.get(testimony_index.url).content.decode()
    to_author = next(message for message in mailoutbox if message.to == ["lea@example.org"])
    # The signature carries the second it was made, so read the link back
    # rather than rebuilding it: the test must not depend on the clock.
    link = re.search(r"/temoignages/retrait/([A-Za-z0-9_-]+)/", to_author.body)
    assert link and tokens.testimony_from_token(link.group(1)) == testimony
    assert any(message.to == ["officer@youth.test"] for message in mailoutbox)


def test_approval_publishes_the_story_and_tells_its_author(client, testimony_index, workflow, mailoutbox,
                                                           django_user_model, django_capture_on_commit_callbacks):
    client.post(testimony_index.url + "temoigner/", answers())
    testimony = Story.objects.get()
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        approve(testimony, django_user_model)
    html = client.get(testimony_index.url).content.decode()
    assert "Six mois à Kpalimé" in html and "lea@example.org" not in html
    assert len(mailoutbox) == 1 and "retrait/" in mailoutbox[0].body


def test_consent_is_required(client, testimony_index):
    data = answers()
    del data["consent"]
    response = client.post(testimony_index.url + "temoigner/", data)
    assert "Votre accord est nécessaire pour publier votre récit." in response.content.decode()
    assert not Story.objects.exists()


def test_a_story_can_name_a_scheme_of_the_catalogue(client, catalogue, testimony_index):
    scheme = SchemePage.objects.get(slug="service-civique-international")
    client.post(testimony_index.url + "temoigner/", answers(scheme=str(scheme.pk), scheme_other=""))
    testimony = Story.objects.get()
    assert testimony.scheme.specific == scheme
    testimony.get_latest_revision().publish()
    assert "Six mois à Kpalimé" in client.get(scheme.url).content.decode()


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"year": "1950"}, "L’année ne peut pas être antérieure à 1990"),
        ({"year": "2999"}, "L’année ne peut pas dépasser"),
        ({"year": "9" * 20}, "L’année ne peut pas dépasser"),
        ({"year": "l'an dernier"}, "Saisissez un nombre entier"),
        ({"text": "Trop court."}, "au moins 100 caractères"),
        ({"email": "pas-une-adresse"}, "adresse de courriel valide"),
        ({"country": "XX"}, "Sélectionnez un choix valide"),
        ({"scheme": "999999"}, "Sélectionnez un choix valide"),
        # Values the form once accepted and the database could not hold (a server error).
        ({"scheme": "9" * 20}, "Sélectionnez un choix valide"),
        ({"email": "a" * 243 + "@example.org"}, "au plus 254 caractères"),
    ],
)
def test_bad_answers_get_a_clear_message_and_change_nothing(client, testimony_index, changes, message):
    response = client.post(testimony_index.url + "temoigner/", answers(**changes))
    assert message in response.content.decode() and 'id="error-summary"' in response.content.decode()
    assert not Story.objects.exists()


def test_script_in_every_text_field_stays_inert(client, testimony_index, workflow):
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    fields = {"author_name": hostile[:60], "title": hostile, "scheme_other": hostile, "text": hostile * 3}
    assert client.post(testimony_index.url + "temoigner/", answers(**fields)).status_code == 302
    testimony = Story.objects.get()
    testimony.get_latest_revision().publish()
    for url in (testimony_index.url, testimony_index.url + f"{testimony.pk}/"):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html


@pytest.mark.parametrize(
    "upload, message",
    [
        (SimpleUploadedFile("photo.jpg", b"<?php system($_GET['c']); ?>", content_type="image/jpeg"),
         "n’est pas une photo lisible"),
        (SimpleUploadedFile("photo.svg", b"<svg onload='alert(1)'/>", content_type="image/svg+xml"),
         "n’est pas une photo lisible"),
        (SimpleUploadedFile("photo.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 200, content_type="image/jpeg"),
         "n’est pas une photo lisible"),
    ],
)
def test_fake_images_are_refused_with_a_message(client, testimony_index, upload, message):
    response = client.post(testimony_index.url + "temoigner/", answers(photo=upload, photo_alt="Une école"))
    assert message in response.content.decode()
    assert not Story.objects.exists() and not get_image_model().objects.exists()


def test_a_truncated_photo_is_refused_with_a_message(client, testimony_index):
    buffer = io.BytesIO()
    PILImage.effect_noise((120, 80), 60).convert("RGB").save(buffer, "JPEG")
    whole = buffer.getvalue()
    upload = SimpleUploadedFile("photo.jpg", whole[: len(whole) // 2], content_type="image/jpeg")
    response = client.post(testimony_index.url + "temoigner/", answers(photo=upload, photo_alt="Une école"))
    assert "Cette photo est abîmée" in response.content.decode()
    assert not Story.objects.exists() and not get_image_model().objects.exists()


def test_a_gif_is_refused_with_a_message(client, testimony_index):
    buffer = io.BytesIO()
    PILImage.new("RGB", (10, 10)).save(buffer, "GIF")
    upload = SimpleUploadedFile("photo.gif", buffer.getvalue(), content_type="image/gif")
    response = client.post(testimony_index.url + "temoigner/", answers(photo=upload, photo_alt="x"))
    assert "doit être une image JPEG, PNG ou WebP" in response.content.decode()


def test_oversized_photos_are_refused_with_a_message(client, testimony_index, settings):
    settings.MAILLAGE_YOUTH_PHOTO_MAX_PIXELS = 50
    response = client.post(testimony_index.url + "temoigner/", answers(photo=jpeg((64, 48)), photo_alt="x"))
    assert "mesure 64 × 48 pixels" in response.content.decode()
    settings.MAILLAGE_YOUTH_PHOTO_MAX_PIXELS = 6000
    settings.MAILLAGE_YOUTH_PHOTO_MAX_BYTES = 100
    response = client.post(testimony_index.url + "temoigner/", answers(photo=jpeg((64, 48)), photo_alt="x"))
    assert "la limite est de 100" in response.content.decode()
    assert not Story.objects.exists() and not get_image_model().objects.exists()


def test_a_photo_needs_its_description(client, testimony_index):
    response = client.post(testimony_index.url + "temoigner/", answers(photo=jpeg()))
    assert "Dites ce que montre la photo" in response.content.decode()
    assert not Story.objects.exists()


def test_a_real_photo_is_kept_without_its_metadata(client, testimony_index):
    response = client.post(testimony_index.url + "temoigner/",
                           answers(photo=jpeg(exif_gps=True), photo_alt="Le jardin de l’école"))
    assert response.status_code == 302
    testimony = Story.objects.get()
    assert testimony.photo_alt == "Le jardin de l’école"
    with testimony.photo.file.open("rb") as stored, PILImage.open(stored) as image:
        assert image.size == (64, 48) and not image.getexif()
    assert testimony.photo.collection.name == "Espace Jeunes — témoignages"


def test_the_signed_link_asks_then_withdraws_everything(client, testimony_index, workflow, mailoutbox,
                                                        django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(testimony_index.url + "temoigner/", answers(photo=jpeg(), photo_alt="Une école"))
    testimony = Story.objects.get()
    testimony.get_latest_revision().publish()
    link = re.search(r"http://localhost(/\S+/retrait/\S+/)", mailoutbox[0].body)[1]
    page = client.get(link)
    assert "Supprimer mon récit" in page.content.decode()
    assert Story.objects.exists()  # opening the link (a mail scanner, say) deletes nothing
    done = client.post(link)
    assert "Votre récit est retiré" in done.content.decode()
    assert not Story.objects.exists() and not get_image_model().objects.exists()
    assert not Revision.objects.filter(object_id=str(testimony.pk), base_content_type__model="testimony").exists()
    assert not WorkflowState.objects.filter(object_id=str(testimony.pk)).exists()
    # the link is spent
    assert "pas valable" in client.post(link).content.decode()


@pytest.mark.parametrize("token", ["forged", "x" * 1999, "ZXlKMFpYTjBhVzF2Ym5raU9qRjk6MXZ3OmFiYw", "%00", "é"])
def test_a_forged_withdrawal_link_changes_nothing(client, testimony_index, make_testimony, token):
    make_testimony()
    response = client.post(testimony_index.url + f"retrait/{token}/")
    assert response.status_code in (200, 404)
    assert Story.objects.count() == 1


def test_a_link_for_another_testimony_cannot_be_altered(client, testimony_index, make_testimony):
    first, second = make_testimony("Premier"), make_testimony("Second")
    token = make_withdraw_token(first)
    client.post(testimony_index.url + f"retrait/{token[:-2]}{'AA' if token[-2:] != 'AA' else 'BB'}/")
    assert Story.objects.count() == 2
    client.post(testimony_index.url + f"retrait/{make_withdraw_token(second)}/")
    assert list(Story.objects.values_list("title", flat=True)) == ["Premier"]


def test_listing_queries_stay_constant(client, testimony_index, make_testimony, queries_of,
                                       django_assert_num_queries):
    from wagtail.images.tests.utils import get_test_image_file

    def with_photo(title):
        image = get_image_model().objects.create(title=title, file=get_test_image_file())
        return make_testimony(title, photo=image, photo_alt="Une photo")

    with_photo("Un")
    make_testimony("Deux")
    client.get(testimony_index.url)
    small = queries_of(11, lambda: client.get(testimony_index.url))
    for number in range(8):
        with_photo(f"Photo {number}") if number % 2 else make_testimony(f"Récit {number}")
    client.get(testimony_index.url)  # renditions of the new photos are made once
    with django_assert_num_queries(small):
        html = client.get(testimony_index.url).content.decode()
    assert html.count('class="youth-card youth-testimony-card"') == 10
