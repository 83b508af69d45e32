"""Alerts: a daily or weekly digest of what is new in a subscriber's topics,
sent by the cron command; never an item twice, nothing when nothing is new."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from subscription_helpers import Items, topics_of
from wagtail import hooks

from maillage_core.hooks import SUBSCRIPTION_TOPICS
from maillage_core.subscriptions.digests import send_digests
from maillage_core.subscriptions.models import Subscriber, TopicSubscription

pytestmark = pytest.mark.django_db
DAY = timedelta(days=1)


@pytest.fixture
def items(root_page):
    items = Items()
    with hooks.register_temporarily(SUBSCRIPTION_TOPICS, lambda: topics_of(items)):
        yield items


def follower(email="awa@example.org", frequency="daily", region=None, days_ago=2):
    subscriber = Subscriber.objects.create(email=email, language="fr", frequency=frequency,
                                           confirmed_at=timezone.now() - days_ago * DAY)
    TopicSubscription.objects.create(subscriber=subscriber, topic="nouvelles",
                                     filters={"region": [region]} if region else {})
    TopicSubscription.objects.create(subscriber=subscriber, topic="bulletin")  # issues: never in a digest
    return subscriber


def titles_sent_to(email):
    return [(message.subject, message.body) for message in mail.outbox if message.to == [email]]


def test_a_digest_lists_each_new_item_once_and_nothing_is_sent_when_nothing_is_new(items):
    follower(region="sahel")
    items.add("forum", "Forum de Ouagadougou")
    items.add("andes", "Mission à Cuzco", region="andes")  # not their region
    items.add("ancien", "Avant l'abonnement", days_ago=5)  # before they subscribed
    now = timezone.now()

    send_digests(now)
    [message] = mail.outbox
    assert "Forum de Ouagadougou" in message.body
    assert "Cuzco" not in message.body and "Avant l'abonnement" not in message.body
    assert message.subject == "1 nouveauté sur " + message.subject.split(" sur ", 1)[1]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert 'href="http://' in message.alternatives[0].content  # the item's address, absolute

    send_digests(now)  # the same run again: not due, and nothing new
    items.add("atelier", "Atelier eau et santé")
    send_digests(now + DAY)
    assert len(mail.outbox) == 2
    assert "Atelier eau et santé" in mail.outbox[1].body and "Forum de Ouagadougou" not in mail.outbox[1].body

    send_digests(now + 2 * DAY)  # nothing new
    assert len(mail.outbox) == 2


def test_a_digest_never_repeats_an_item_even_when_runs_overlap(items):
    subscriber = follower()
    items.add("forum", "Forum de Ouagadougou")
    now = timezone.now()
    send_digests(now)
    Subscriber.objects.filter(pk=subscriber.pk).update(last_digest_at=None)  # as if the run had not been noted
    send_digests(now)
    assert len(mail.outbox) == 1


def test_weekly_alerts_wait_a_week_and_inactive_subscribers_get_none(items):
    follower("hebdo@example.org", frequency="weekly", days_ago=2)
    follower("ancien@example.org", frequency="weekly", days_ago=30)
    gone = follower("parti@example.org")
    Subscriber.objects.filter(pk=gone.pk).update(unsubscribed_at=timezone.now())
    items.add("forum", "Forum de Ouagadougou")
    now = timezone.now()
    send_digests(now)
    assert [message.to for message in mail.outbox] == [["ancien@example.org"]]
    send_digests(now + 5 * DAY + 20 * timedelta(hours=1))  # 7 days since "hebdo" subscribed, less a margin
    assert [message.to for message in mail.outbox] == [["ancien@example.org"], ["hebdo@example.org"]]


def test_the_cron_command_reports_what_it_sent(items, capsys):
    follower()
    items.add("forum", "Forum de Ouagadougou")
    call_command("send_digests")
    assert "1 alerts sent, 1 items" in capsys.readouterr().out


def test_a_digest_is_written_in_the_subscribers_language(root_page):
    from django.utils.translation import get_language

    from maillage_core.subscriptions.topics import DigestItem, Topic

    def new_items(since, filters):
        # A plugin's item read in the active language (a sector's name, a kind of offer).
        return [DigestItem(key="forum", title=f"Forum ({get_language()})", url="/forum/",
                           published_at=timezone.now())]

    with hooks.register_temporarily(SUBSCRIPTION_TOPICS, lambda: [Topic(key="nouvelles", label="N",
                                                                         new_items=new_items)]):
        for email, language in [("awa@example.org", "fr"), ("sam@example.org", "en")]:
            subscriber = follower(email)
            Subscriber.objects.filter(pk=subscriber.pk).update(language=language)
        send_digests(timezone.now())

    copies = {message.to[0]: message for message in mail.outbox}
    assert copies["awa@example.org"].subject.startswith("1 nouveauté sur ")
    assert "Forum (fr)" in copies["awa@example.org"].body
    assert copies["sam@example.org"].subject.startswith("1 new item on ")
    assert "Forum (en)" in copies["sam@example.org"].body and "Forum (fr)" not in copies["sam@example.org"].body
