"""La Lettre by email, as the officer sends it from an issue's admin screens:
preview, a test to herself, the send to La Lettre's subscribers, and its
progress. The email is the web version with its styles inline, absolute
addresses, text alternatives for pictures, a text part and one-click
unsubscribe."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse
from wagtail.models import GroupPagePermission

from maillage_core.subscriptions.models import Mailing

pytestmark = pytest.mark.django_db


def send_url(page):
    return reverse("maillage_subscriptions_admin:send", args=[page.pk])


def test_the_issue_offers_send_by_email_in_its_admin_header(client, officer, issue):
    client.force_login(officer)
    explorer = client.get(reverse("wagtailadmin_explore", args=[issue.get_parent().pk])).content.decode()
    assert send_url(issue) in explorer
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[issue.pk])).content.decode()
    assert send_url(issue) in edit


def test_the_preview_is_the_web_version_ready_for_mail_clients(client, officer, issue):
    client.force_login(officer)
    screen = client.get(send_url(issue))
    assert screen.status_code == 200
    html = client.get(reverse("maillage_subscriptions_admin:preview", args=[issue.pk])).content.decode()
    assert "Coopérer en temps de crise" in html and "Agir ensemble." in html
    images = re.findall(r"<img [^>]*>", html)
    assert images and all('src="http://localhost/' in image for image in images)
    assert any('alt="Des jeunes en atelier à Dakar"' in image for image in images)
    assert 'href="http://localhost/la-lettre/"' in html
    assert '<h1 style="' in html and "<style" not in html.split("<body")[1]  # styles inline
    assert "<script" not in html


def test_a_test_goes_to_the_officer_alone(client, officer, issue, subscriber_of):
    subscriber_of("lectrice@example.org")
    client.force_login(officer)
    response = client.post(send_url(issue), {"action": "test"})
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["communication@reseau.example"] and message.subject.startswith("[Test]")
    assert not Mailing.objects.exists()


def test_the_officer_sends_the_issue_once_to_each_subscriber_and_follows_its_progress(
        client, officer, issue, subscriber_of):
    readers = [subscriber_of(f"lecteur{number}@example.org") for number in range(3)]
    subscriber_of("offres@example.org", topic="offres-jeunes")
    client.force_login(officer)
    assert client.post(send_url(issue), {"action": "send"}).status_code == 302  # not confirmed
    assert mail.outbox == [] and not Mailing.objects.exists()

    response = client.post(send_url(issue), {"action": "send", "confirm": "yes"})
    mailing = Mailing.objects.get(page=issue)
    assert response.url == reverse("maillage_subscriptions_admin:progress", args=[mailing.pk])
    assert sorted(message.to[0] for message in mail.outbox) == sorted(reader.email for reader in readers)
    message = mail.outbox[0]
    assert message.subject == "Coopérer en temps de crise (La Lettre n° 12)"
    assert "Agir ensemble." in message.body and "<" not in message.body.split("Agir ensemble.")[0][-5:]
    assert "[Des jeunes en atelier à Dakar]" in message.body  # the picture's text in the text part
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.alternatives[0].mimetype == "text/html"

    client.post(send_url(issue), {"action": "send", "confirm": "yes"})  # again
    assert len(mail.outbox) == 3
    progress = client.get(response.url).content.decode()
    assert "Sent" in progress or "Envoyé" in progress
    assert re.search(r"<td>3</td>", progress)


def test_only_people_who_may_publish_the_issue_may_send_it(client, issue, django_user_model):
    editor = django_user_model.objects.create_user("redaction", "redaction@reseau.example", "x")
    editors = Group.objects.create(name="Rédaction")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(group=editors, page=issue.get_parent(),
                                       permission=Permission.objects.get(codename="change_page"))
    editor.groups.add(editors)
    client.force_login(editor)
    # Wagtail turns a refusal into a return to the dashboard, with its message.
    for response in (client.get(send_url(issue)), client.post(send_url(issue), {"action": "send", "confirm": "yes"})):
        assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))
    assert not Mailing.objects.exists() and mail.outbox == []


def test_each_subscriber_reads_the_issue_in_their_own_language(client, officer, issue, subscriber_of):
    from maillage_core.subscriptions.models import Subscriber

    subscriber_of("lectrice@example.org")
    Subscriber.objects.filter(pk=subscriber_of("reader@example.org").pk).update(language="en")
    client.force_login(officer)
    client.post(send_url(issue), {"action": "send", "confirm": "yes"})

    copies = {message.to[0]: message for message in mail.outbox}
    french, english = copies["lectrice@example.org"], copies["reader@example.org"]
    assert french.subject == "Coopérer en temps de crise (La Lettre n° 12)"
    assert english.subject == "Coopérer en temps de crise (La Lettre no. 12)"
    assert "Unsubscribe" in english.body and 'lang="en"' in english.alternatives[0].content
    assert "Unsubscribe" not in french.body and 'lang="fr"' in french.alternatives[0].content
    assert "Agir ensemble." in english.body  # the page itself, as written
