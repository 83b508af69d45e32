"""Subscribing without an account: the form, the double opt-in by a signed
link, the preferences link, one-click unsubscribe, consent records and
suspended addresses, through the public pages a visitor uses."""

import itertools
import re
import time
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from subscription_helpers import Items, links_in, topics_of
from wagtail import hooks

from maillage_core.hooks import SUBSCRIPTION_TOPICS
from maillage_core.subscriptions import tokens
from maillage_core.subscriptions.models import Consent, Subscriber
from maillage_core.testing import fuzz

pytestmark = pytest.mark.django_db

SUBSCRIBE = "/abonnements/"
numbers = itertools.count()


@pytest.fixture(autouse=True)
def topics(root_page):
    items = Items()
    with hooks.register_temporarily(SUBSCRIPTION_TOPICS, lambda: topics_of(items)):
        yield items


def answers(email="awa@example.org", **more):
    return {"email": email, "topics": ["bulletin", "nouvelles"], "nouvelles__region": ["sahel"],
            "frequency": "weekly", **more}


def subscribe(client, **more):
    return client.post(SUBSCRIBE, answers(**more))


def path_of(link):
    return urlsplit(link).path


def confirm_link(message):
    return path_of(links_in(message, "/confirmer/")[0])


def subscribed(client, email="awa@example.org"):
    """A confirmed subscriber, the way a visitor gets there."""
    subscribe(client, email=email)
    client.post(confirm_link(mail.outbox[-1]))
    mail.outbox.clear()
    return Subscriber.objects.get(email=email)


def test_subscribing_sends_a_link_and_nothing_is_active_before_it_is_confirmed(client):
    response = subscribe(client, email="Awa@Example.org")
    assert response.status_code == 302 and response.url == reverse("maillage_subscriptions:sent")
    subscriber = Subscriber.objects.get(email="awa@example.org")
    assert not subscriber.is_active
    assert {row.topic: row.filters for row in subscriber.topics.all()} == {
        "bulletin": {}, "nouvelles": {"region": ["sahel"]}}
    [message] = mail.outbox
    assert message.to == ["awa@example.org"]
    assert "Nouvelles du réseau (Région: Sahel)" in message.body

    link = confirm_link(message)
    page = client.get(link)  # a mail scanner opening the link changes nothing
    assert page.status_code == 200 and b"Le Bulletin" in page.content
    assert not Subscriber.objects.get(pk=subscriber.pk).is_active

    response = client.post(link)
    subscriber.refresh_from_db()
    assert subscriber.is_active
    assert response.status_code == 302 and "/preferences/" in response.url
    assert list(subscriber.consents.values_list("action", "source")) == [
        ("confirmed", "confirmation link"), ("requested", "subscribe form")]
    assert "Le Bulletin; Nouvelles du réseau (Région: Sahel)" == subscriber.consents.first().topics


def tampered(token):
    return token[:-2] + ("AA" if not token.endswith("AA") else "BB")


def made_days_ago(days, make):
    real = time.time
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(time, "time", lambda: real() - days * 86400)
        return make()


@pytest.mark.parametrize("how", ["altered", "another link's token", "garbage", "expired", "over-long"])
def test_a_forged_or_expired_confirmation_link_changes_nothing(client, how):
    subscribe(client)
    subscriber = Subscriber.objects.get()
    token = {
        "altered": lambda: tampered(tokens.confirm_token(subscriber)),
        "another link's token": lambda: tokens.link_token(subscriber),
        "garbage": lambda: "pas-un-jeton",
        "expired": lambda: made_days_ago(8, lambda: tokens.confirm_token(subscriber)),
        "over-long": lambda: "a" * 5000,
    }[how]()
    for method in (client.get, client.post):
        response = method(reverse("maillage_subscriptions:confirm", args=[token]))
        assert response.status_code == 400
        assert "Nothing was changed" in response.content.decode() or "Rien n" in response.content.decode()
    subscriber.refresh_from_db()
    assert not subscriber.is_active and subscriber.consents.count() == 1


def test_a_confirmation_link_works_once_and_never_after_unsubscribing(client):
    subscribe(client)
    link = confirm_link(mail.outbox[0])
    assert client.post(link).status_code == 302
    assert client.post(link).status_code == 409  # replayed
    subscriber = Subscriber.objects.get()
    client.post(reverse("maillage_subscriptions:unsubscribe", args=[tokens.link_token(subscriber)]))
    for method in (client.get, client.post):
        assert method(link).status_code == 409
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at and not subscriber.is_active
    assert subscriber.consents.filter(action="confirmed").count() == 1


def without_tokens(response):
    """The page without its CSRF tokens (each client gets its own)."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())


def test_the_form_answers_the_same_whatever_the_address_and_changes_no_ones_topics(client, settings):
    subscribed(client, "known@example.org")
    suspended = subscribed(client, "gone@example.org")
    settings.MAILLAGE_SUBSCRIPTIONS_HARD_FAILURE_LIMIT = 1
    call_command("record_hard_failures", "gone@example.org", stdout=open("/dev/null", "w"))
    cache.clear()  # the pause between two emails to one address is over
    responses = {}
    for email in ("new@example.org", "known@example.org", "gone@example.org"):
        response = Client().post(SUBSCRIBE, answers(email=email, topics=["bulletin"]), follow=True)
        responses[email] = (response.status_code, tuple(response.redirect_chain), without_tokens(response))
    assert len(set(responses.values())) == 1
    known = Subscriber.objects.get(email="known@example.org")
    assert set(known.topics.values_list("topic", flat=True)) == {"bulletin", "nouvelles"}  # unchanged
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"new@example.org", "known@example.org"}  # nothing to a failing address
    assert links_in(by_address["known@example.org"], "/preferences/")
    assert not links_in(by_address["known@example.org"], "/confirmer/")
    assert Subscriber.objects.get(pk=suspended.pk).suspended_at


def test_one_click_unsubscribe_is_a_post_without_csrf_token_and_a_get_only_asks(client):
    subscriber = subscribed(client)
    url = reverse("maillage_subscriptions:unsubscribe", args=[tokens.link_token(subscriber)])
    mail_client = Client(enforce_csrf_checks=True)
    page = mail_client.get(url)
    assert page.status_code == 200 and b'method="post"' in page.content
    subscriber.refresh_from_db()
    assert subscriber.is_active
    response = mail_client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at and not subscriber.is_active
    assert subscriber.consents.first().source == "one-click unsubscribe (RFC 8058)"
    assert mail_client.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200  # again: no change
    assert subscriber.consents.filter(action="withdrawn").count() == 1


def test_the_preferences_link_changes_topics_filters_and_language(client):
    subscriber = subscribed(client)
    url = reverse("maillage_subscriptions:preferences", args=[tokens.link_token(subscriber)])
    assert client.get(url).status_code == 200
    response = client.post(url, {"topics": ["nouvelles"], "nouvelles__region": ["andes", "sahel"],
                                 "frequency": "daily", "language": "en"})
    assert response.status_code == 302
    subscriber.refresh_from_db()
    assert (subscriber.frequency, subscriber.language) == ("daily", "en")
    assert {row.topic: row.filters for row in subscriber.topics.all()} == {"nouvelles": {"region": ["andes", "sahel"]}}
    assert subscriber.consents.first().source == "preferences page"


@pytest.mark.parametrize("view", ["preferences", "unsubscribe"])
def test_a_forged_preferences_or_unsubscribe_link_changes_nothing(client, view):
    subscriber = subscribed(client)
    for token in (tampered(tokens.link_token(subscriber)), "x" * 3000, "abc"):
        url = reverse(f"maillage_subscriptions:{view}", args=[token])
        assert client.post(url, {"topics": ["bulletin"], "frequency": "daily", "language": "en"}).status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.is_active and subscriber.frequency == "weekly"


def test_an_address_is_suspended_after_hard_failures_and_gets_nothing_more(client, settings):
    settings.MAILLAGE_SUBSCRIPTIONS_HARD_FAILURE_LIMIT = 2
    subscriber = subscribed(client)
    call_command("record_hard_failures", "AWA@example.org", "nobody@example.org", stdout=open("/dev/null", "w"))
    subscriber.refresh_from_db()
    assert subscriber.hard_failures == 1 and subscriber.is_active
    call_command("record_hard_failures", "awa@example.org", stdout=open("/dev/null", "w"))
    subscriber.refresh_from_db()
    assert subscriber.suspended_at and not subscriber.is_active
    assert not Subscriber.objects.active().exists()


def test_the_form_is_rate_limited_with_a_message(client, settings):
    settings.MAILLAGE_FORM_RATE_LIMIT = 1
    subscribe(client, email="a@example.org")
    response = subscribe(client, email="b@example.org")
    assert response.status_code == 429
    assert not Subscriber.objects.filter(email="b@example.org").exists()


def test_every_field_of_the_subscription_forms_survives_hostile_values(client, settings):
    settings.MAILLAGE_FORM_RATE_LIMIT = 0
    from maillage_core.subscriptions.forms import PreferencesForm, SubscribeForm

    fuzz.run(client, fuzz.PublicForm(
        "subscribe", SUBSCRIBE, SubscribeForm(),
        answers=lambda: answers(email=f"fuzz{next(numbers)}@example.org"),
        stored=lambda: (Subscriber.objects.count(), Consent.objects.count()),
    )).assert_clean()
    subscriber = subscribed(client, "prefs@example.org")
    fuzz.run(client, fuzz.PublicForm(
        "subscription preferences",
        reverse("maillage_subscriptions:preferences", args=[tokens.link_token(subscriber)]), PreferencesForm(),
        answers=lambda: {"topics": ["bulletin"], "frequency": "weekly", "language": "fr"},
        stored=lambda: Consent.objects.count(),
    )).assert_clean()
