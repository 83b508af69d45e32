"""The issue's "done when", end to end through the site's own pages: a
visitor subscribes to La Lettre and to youth offers in Senegal, confirms,
the officer sends an issue from the admin and watches its progress, each
subscriber receives it exactly once, and the next digest lists the new
offers once."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from maillage_core.subscriptions.digests import send_digests
from maillage_core.subscriptions.models import Mailing

pytestmark = pytest.mark.django_db


@pytest.fixture
def board(home_page):
    from maillage_core.data.seed import ensure_vocabulary
    from maillage_youth.models import OfferBoardPage, YouthSpacePage

    ensure_vocabulary()
    space = home_page.add_child(instance=YouthSpacePage(title="Espace Jeunes", slug="espace-jeunes"))
    space.save_revision().publish()
    board = space.add_child(instance=OfferBoardPage(title="Offres", slug="offres"))
    board.save_revision().publish()
    return board


def publish_offer(title, country):
    from maillage_youth.models import Offer

    now = timezone.now()
    offer = Offer(title=title, kind="volunteering", country=country, organisation="Jeunes du monde",
                  description="<p>Six mois dans une école.</p>", how_to_apply="Écrire.", live=True,
                  closing_date=timezone.localdate() + datetime.timedelta(days=30),
                  first_published_at=now, last_published_at=now)
    offer.save()
    return offer


def subscribe_and_confirm(email, answers):
    visitor = Client()
    form = visitor.get("/abonnements/?theme=lettre").content.decode()
    assert 'value="lettre"' in form and 'value="offres-jeunes"' in form and 'value="SN"' in form
    assert visitor.post("/abonnements/", {"email": email, **answers}).status_code == 302
    link = next(link for link in re.findall(r"https?://\S+", mail.outbox[-1].body) if "/confirmer/" in link)
    assert visitor.post(urlsplit(link).path).status_code == 302
    cache.clear()


def test_subscribe_confirm_receive_the_issue_once_then_the_new_offers_once(client, officer, issue, board):
    assert 'href="/abonnements/?theme=lettre"' in Client().get(issue.get_parent().url).content.decode()
    subscribe_and_confirm("awa@example.org", {"topics": ["lettre", "offres-jeunes"],
                                              "offres-jeunes__country": ["SN"], "frequency": "daily"})
    subscribe_and_confirm("moussa@example.org", {"topics": ["lettre"], "frequency": "weekly"})
    mail.outbox.clear()

    client.force_login(officer)
    client.post(reverse("maillage_subscriptions_admin:send", args=[issue.pk]), {"action": "send", "confirm": "yes"})
    mailing = Mailing.objects.get(page=issue)
    progress = client.get(reverse("maillage_subscriptions_admin:progress", args=[mailing.pk])).content.decode()
    assert "Envoyé." in progress
    assert sorted(message.to[0] for message in mail.outbox) == ["awa@example.org", "moussa@example.org"]
    mail.outbox.clear()

    publish_offer("Volontariat à Thiès", "SN")
    publish_offer("Volontariat à Cotonou", "BJ")
    send_digests(timezone.now() + datetime.timedelta(days=1))
    [digest] = mail.outbox
    assert digest.to == ["awa@example.org"]
    assert "Volontariat à Thiès" in digest.body and "Cotonou" not in digest.body
    assert "http://localhost/espace-jeunes/offres/volontariat-a-thies" in digest.body
    send_digests(timezone.now() + datetime.timedelta(days=2))
    assert len(mail.outbox) == 1
