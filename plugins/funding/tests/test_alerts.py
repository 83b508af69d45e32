"""A visitor saves a funding search as an email alert, without an account,
confirms it, and the daily command sends the new matching calls once."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from maillage_core.subscriptions.models import Subscriber, TopicSubscription

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://[^\s<>\"]+")


def path_of(link):
    parts = urlsplit(link)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def test_an_association_in_senegal_saves_its_water_search_and_gets_one_digest(client, search_engine, search_page,
                                                                             make_call):
    make_call("Eau potable au Sahel", sectors=["eau-assainissement"], countries=["SN"], actor_types=["association"])
    make_call("Santé à Madagascar", sectors=["sante"], countries=["MG"])
    search_engine.refresh()
    search = client.get(search_page.url, {"acteur": "association", "pays": "SN", "secteur": "eau-assainissement"})
    assert [call.title for call in search.context["listing"].calls] == ["Eau potable au Sahel"]
    alert_url = re.search(r'href="([^"]*alerte/[^"]*)"', search.content.decode())[1].replace("&amp;", "&")

    form = client.get(alert_url)
    assert "qui peut candidater: Association; pays: Sénégal; secteur: Eau, assainissement et hygiène" in form.content.decode()
    sent = client.post(alert_url, {"email": "Awa@Example.org", "frequency": "daily"})
    assert sent.status_code == 302
    subscription = TopicSubscription.objects.get(subscriber__email="awa@example.org")
    assert subscription.filters == {"acteur": ["association"], "pays": ["SN"], "secteur": ["eau-assainissement"]}
    assert not Subscriber.objects.get().is_active  # double opt-in: nothing until the link is followed

    confirm = next(link for link in LINK.findall(mail.outbox[-1].body) if "/confirmer/" in link)
    assert client.post(path_of(confirm)).status_code == 302
    # Confirmed two days ago; since then the officer published calls.
    Subscriber.objects.update(confirmed_at=timezone.now() - datetime.timedelta(days=2))
    make_call("Assainissement à Dakar", sectors=["eau-assainissement"], countries=["SN"], published_days_ago=0)
    make_call("Eau au Pérou", sectors=["eau-assainissement"], countries=["PE"], published_days_ago=0)
    make_call("Brouillon eau au Sénégal", live=False, sectors=["eau-assainissement"], countries=["SN"])
    mail.outbox.clear()

    call_command("send_digests")
    assert len(mail.outbox) == 1
    digest = mail.outbox[0]
    assert "Assainissement à Dakar" in digest.body
    assert "Pérou" not in digest.body and "Brouillon" not in digest.body and "Madagascar" not in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    Subscriber.objects.update(last_digest_at=timezone.now() - datetime.timedelta(days=1))
    call_command("send_digests")  # the next day: nothing new, nothing sent
    assert len(mail.outbox) == 1


def test_a_call_entering_its_last_days_is_sent_once(search_page, make_call):
    from maillage_funding.alerts import new_calls

    closing = make_call("Bientôt clos", closes_in=5, published_days_ago=30)
    make_call("Encore loin", closes_in=40, published_days_ago=30)
    fresh = make_call("Nouveau et bientôt clos", closes_in=3, published_days_ago=0)
    since = timezone.now() - datetime.timedelta(days=14)
    items = new_calls(since, {})
    # One item per call, whatever brings it: core never sends one key twice to a subscriber.
    assert sorted(item.key for item in items) == sorted([f"call:{closing.pk}", f"call:{fresh.pk}"])
    assert "Bientôt clos : Bientôt clos" in [item.title for item in items]


@pytest.mark.parametrize("data, message", [
    ({"email": "pas-une-adresse", "frequency": "daily", "pays": "SN"}, "Saisissez une adresse de courriel valide."),
    ({"email": "a@example.org", "frequency": "hourly", "pays": "SN"}, "Sélectionnez un choix valide."),
])
def test_the_alert_form_refuses_bad_answers_and_saves_nothing(client, search_page, data, message):
    response = client.post(search_page.url + "alerte/?pays=SN", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Subscriber.objects.exists() and not mail.outbox
