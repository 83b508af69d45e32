"""The contact / questions–answers form: spam protection, clear errors,
nothing lost."""

import smtplib

import pytest
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

from home.models import ContactPage

pytestmark = pytest.mark.django_db

VALID = {
    "nom": "Awa Ndiaye",
    "adresse_electronique": "awa@example.org",
    "structure": "Association Eau pour tous",
    "sujet": "Adhésion",
    "message": "Comment adhérer au réseau ?",
}


@pytest.fixture
def contact(demo):
    return ContactPage.objects.get()


def test_valid_message_is_stored_and_emailed_to_the_officer(client, contact, settings):
    settings.MAILLAGE_OFFICER_EMAIL = "officer@example.org"
    response = client.post(contact.url, VALID)
    assert response.status_code == 200
    assert "Merci ! Votre message a bien été reçu." in response.content.decode()
    submission = FormSubmission.objects.get(page=contact)
    assert submission.form_data == VALID
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["officer@example.org"]
    assert message.reply_to == ["awa@example.org"]
    assert "Comment adhérer au réseau ?" in message.body
    assert f"/admin/forms/submissions/{contact.pk}/" in message.body
    assert "website_url" not in message.body


def test_filled_honeypot_is_refused_with_a_message_and_nothing_is_stored(client, contact):
    response = client.post(contact.url, {**VALID, "website_url": "http://spam.example"})
    html = response.content.decode()
    assert "Cet envoi semble automatique" in html or "automat" in html
    assert not FormSubmission.objects.exists() and not mail.outbox


def test_malformed_email_gets_a_clear_message_and_keeps_what_was_typed(client, contact):
    response = client.post(contact.url, {**VALID, "adresse_electronique": "awa@"})
    html = response.content.decode()
    assert "Saisissez une adresse électronique comme nom@exemple.fr." in html
    assert "<title>Erreur :" in html
    assert 'href="#id_adresse_electronique"' in html
    assert "Comment adhérer au réseau ?" in html
    assert not FormSubmission.objects.exists()


def test_missing_required_field_names_the_field(client, contact):
    html = client.post(contact.url, {**VALID, "message": ""}).content.decode()
    assert "Renseignez « Message »." in html
    assert not FormSubmission.objects.exists()


def test_rate_limit_refuses_with_a_message_after_too_many_submissions(client, contact, settings):
    settings.MAILLAGE_FORM_RATE_LIMIT = 2
    for _ in range(2):
        assert client.post(contact.url, VALID).status_code == 200
    response = client.post(contact.url, VALID)
    assert response.status_code == 429
    assert "Trop d’envois" in response.content.decode() or "Too many" in response.content.decode()
    assert FormSubmission.objects.count() == 2


def test_behind_a_proxy_the_rate_limit_counts_each_visitor(client, contact, settings):
    settings.MAILLAGE_FORM_RATE_LIMIT = 2
    settings.MAILLAGE_TRUSTED_PROXY_HOPS = 1

    def send(forwarded):
        return client.post(contact.url, VALID, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded).status_code

    assert [send("203.0.113.7") for _ in range(3)] == [200, 200, 429]
    assert send("198.51.100.2, 203.0.113.7") == 429  # a first entry of her own changes nothing
    assert send("198.51.100.2") == 200  # another visitor through the same proxy
    assert FormSubmission.objects.count() == 3


def test_mail_outage_keeps_the_submission(client, contact, monkeypatch):
    def broken(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("mail server down")

    monkeypatch.setattr("home.contact.send_mail", broken)
    response = client.post(contact.url, VALID)
    assert response.status_code == 200
    assert FormSubmission.objects.filter(page=contact).count() == 1


def test_form_fields_have_labels_autocomplete_and_required_marks(client, contact):
    html = client.get(contact.url).content.decode()
    assert (
        '<label for="id_adresse_electronique">Adresse électronique <span class="form-field__required">(obligatoire)</span>'
        in html
    )
    assert 'autocomplete="email"' in html
    assert 'aria-describedby="id_adresse_electronique_helptext"' in html
    assert html.index('name="message"') < html.index('name="website_url"')
