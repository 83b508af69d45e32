"""A person's data across the whole site: every stored email address is
answered for by a kind of the ``maillage_personal_data`` hook; messages
sent through the contact form are exported, erased and purged after
``MAILLAGE_CONTACT_RETENTION_MONTHS``."""

import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from maillage_core.personal_data import kinds

SCREEN = "/admin/donnees-personnelles/"


def test_every_stored_email_address_is_covered_by_an_exporter_and_eraser():
    # A model that keeps an address (an EmailField, or a field named *email*)
    # must be answered for by a kind, or declared not personal with a reason.
    assert "maillage_training.Registration.email" in kinds.stored_email_fields()
    assert kinds.uncovered_fields() == []


def test_every_kind_has_a_unique_key_and_every_plugin_answers():
    keys = [kind.key for kind in kinds.all_kinds()]
    assert len(keys) == len(set(keys))
    assert {"contact-messages", "subscriptions", "accounts", "training-registrations", "groups-memberships",
            "youth-offers", "youth-testimonies", "directory-submissions"} <= set(keys)


@pytest.fixture
def contact(home_page):
    from home.models import ContactFormField, ContactPage

    page = ContactPage(title="Contact", slug="contact", to_address="officer@example.org")
    page.form_fields = [
        ContactFormField(label="Adresse électronique", field_type="email", required=True),
        ContactFormField(label="Message", field_type="multiline", required=True),
    ]
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def write(client, contact, email, message):
    response = client.post(contact.url, {"adresse_electronique": email, "message": message})
    assert response.status_code == 200


@pytest.mark.django_db
def test_the_officer_exports_then_erases_a_visitors_contact_messages(client, contact, django_user_model):
    write(client, contact, "Awa@Example.org", "Comment adhérer ?")
    write(client, contact, "paul@example.org", "Écrivez à awa@example.org, elle sait.")
    write(client, contact, "lea@example.org", "Bonjour")
    client.force_login(django_user_model.objects.create_superuser("officer", "officer@reseau.example", "x"))

    export = client.post(SCREEN, {"email": "awa@example.org", "action": "export"})
    messages = json.loads(zipfile.ZipFile(io.BytesIO(export.content)).read("contact-messages.json"))
    assert sorted(message["message"] for message in messages) == ["Comment adhérer ?",
                                                                  "Écrivez à awa@example.org, elle sait."]

    report = client.post(SCREEN, {"email": "awa@example.org", "action": "erase", "confirmed": "yes"}).content.decode()
    assert "Messages envoyés par le formulaire de contact" in report
    assert [submission.form_data["message"] for submission in FormSubmission.objects.all()] == ["Bonjour"]


@pytest.mark.django_db
def test_the_daily_purge_deletes_contact_messages_past_their_retention(client, contact, settings):
    settings.MAILLAGE_CONTACT_RETENTION_MONTHS = 12
    for email in ("old@example.org", "recent@example.org"):
        write(client, contact, email, "Bonjour")
    FormSubmission.objects.filter(form_data__adresse_electronique="old@example.org").update(
        submit_time=timezone.now() - timedelta(days=370))
    FormSubmission.objects.filter(form_data__adresse_electronique="recent@example.org").update(
        submit_time=timezone.now() - timedelta(days=360))

    out = io.StringIO()
    call_command("purge_personal_data", stdout=out)
    call_command("purge_personal_data", stdout=out)  # idempotent: nothing more the second time

    assert [submission.form_data["adresse_electronique"] for submission in FormSubmission.objects.all()] == [
        "recent@example.org"]
    assert "contact-messages: 1 purged" in out.getvalue() and "contact-messages: 0 purged" in out.getvalue()
