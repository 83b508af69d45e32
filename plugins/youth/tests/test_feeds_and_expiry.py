"""The RSS and JSON feeds of open offers, and the daily closing of offers."""

import datetime
import json

import feedparser
import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from maillage_youth.expiry import close_expired_offers
from maillage_youth.models import Offer

pytestmark = pytest.mark.django_db


@pytest.fixture
def offers(board, make_offer):
    make_offer("Stage en agroécologie", kind="internship", country="BF", sector="agriculture", city="Koudougou",
               start_date=timezone.localdate() + datetime.timedelta(days=50), duration="6 mois", published_days_ago=3,
               application_url="https://koudougou.example.org/candidater")
    make_offer("Chargé de projet eau", kind="job", country="BJ", published_days_ago=1)
    make_offer("Offre close", closing_in=-3)
    make_offer("Offre en relecture", live=False)
    return board


def test_rss_lists_open_offers_newest_first(client, offers):
    response = client.get(offers.url + "rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert [entry.title for entry in feed.entries] == [
        "Chargé de projet eau — Les Amis de Koudougou", "Stage en agroécologie — Les Amis de Koudougou"]
    assert feed.entries[1].link == "http://testserver/espace-jeunes/offres/stage-en-agroecologie-les-amis-de-koudougou/"


def test_json_feed_shape(client, offers):
    response = client.get(offers.url + "json/")
    assert response["Content-Type"] == "application/feed+json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    document = json.loads(response.content)
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert [item["title"] for item in document["items"]] == ["Chargé de projet eau", "Stage en agroécologie"]
    item = document["items"][1]
    assert item["id"] == item["url"] == "http://testserver/espace-jeunes/offres/stage-en-agroecologie-les-amis-de-koudougou/"
    offer = item["_maillage_offer"]
    assert offer["kind"] == "internship" and offer["country"] == "BF" and offer["country_name"] == "Burkina Faso"
    assert offer["city"] == "Koudougou" and offer["sector"] == "agriculture" and offer["duration"] == "6 mois"
    assert offer["closing_date"] == (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    assert offer["start_date"] == (timezone.localdate() + datetime.timedelta(days=50)).isoformat()
    assert offer["end_date"] is None
    assert offer["application_url"] == "https://koudougou.example.org/candidater"
    assert set(offer) == {"kind", "organisation", "organisation_url", "country", "country_name", "city", "sector",
                          "sector_name", "start_date", "end_date", "duration", "closing_date", "how_to_apply",
                          "application_url", "application_email"}


def test_feeds_take_the_board_filters(client, offers):
    document = json.loads(client.get(offers.url + "json/", {"type": "job"}).content)
    assert [item["title"] for item in document["items"]] == ["Chargé de projet eau"]
    feed = feedparser.parse(client.get(offers.url + "rss/", {"pays": "BF"}).content)
    assert [entry.title for entry in feed.entries] == ["Stage en agroécologie — Les Amis de Koudougou"]


@pytest.mark.parametrize("params", [{"type": "cdi"}, {"pays": "ZZ"}, {"debut": "2027-00"}, {"q": "stage"}])
@pytest.mark.parametrize("feed", ["rss/", "json/"])
def test_a_bad_feed_parameter_answers_400_with_the_reason(client, offers, feed, params):
    response = client.get(offers.url + feed, params)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert response.content.decode().strip()


def test_the_feed_limit_holds(client, offers, settings):
    settings.MAILLAGE_YOUTH_FEED_LIMIT = 1
    assert len(json.loads(client.get(offers.url + "json/").content)["items"]) == 1


def test_closing_unpublishes_expired_offers_once(offers):
    assert close_expired_offers() == 1
    closed = Offer.objects.get(title="Offre close")
    assert not closed.live and closed.expired
    assert ModelLogEntry.objects.filter(object_id=str(closed.pk), action="maillage_youth.close").count() == 1
    # a second run, the same day or later, changes nothing
    assert close_expired_offers() == 0
    assert ModelLogEntry.objects.filter(object_id=str(closed.pk), action="maillage_youth.close").count() == 1
    assert Offer.objects.filter(live=True).count() == 2


def test_closing_leaves_an_offer_whose_date_was_moved(offers):
    Offer.objects.filter(title="Offre close").update(closing_date=timezone.localdate())
    assert close_expired_offers() == 0
    assert close_expired_offers(today=timezone.localdate() + datetime.timedelta(days=1)) == 1


def test_the_command_says_what_it_did(offers):
    from io import StringIO

    out = StringIO()
    call_command("youth_close_offers", stdout=out)
    assert "1 offer(s) closed." in out.getvalue()
    out = StringIO()
    call_command("youth_close_offers", stdout=out)
    assert "0 offer(s) closed." in out.getvalue()


def test_a_closed_offer_becomes_a_draft_in_the_engine(offers, search_engine):
    from maillage_core.search import visible_search

    search_engine.index_all()
    offer = Offer.objects.get(title="Offre close")
    document = search_engine.client.get(index=search_engine.backend.get_index_for_model(Offer).name, id=str(offer.pk))
    assert document["_source"]["maillage_visibility"] == "draft"
    # published and open again, then closed by the command: the document follows
    Offer.objects.filter(pk=offer.pk).update(closing_date=timezone.localdate())
    offer.refresh_from_db()
    offer.save()
    search_engine.refresh()
    assert [o.title for o in visible_search(Offer.objects.all(), "close")] == ["Offre close"]
    close_expired_offers(today=timezone.localdate() + datetime.timedelta(days=1))
    search_engine.refresh()
    assert list(visible_search(Offer.objects.all(), "close")) == []
