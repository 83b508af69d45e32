"""Feeds, the JSON API and the daily archive, as other sites and cron use them."""

import datetime
import json

import feedparser
import icalendar
import pytest
from django.core.management import call_command
from django.utils import timezone

pytestmark = pytest.mark.django_db


@pytest.fixture
def calls(search_engine, make_call):
    """The engine holds these calls alone (no call of an earlier test answers)."""
    made = {
        "sahel": make_call("Eau potable au Sahel", closes_in=10, sectors=["eau-assainissement"], countries=["SN"],
                           published_days_ago=3),
        "fonds": make_call("Fonds régional", funder="region", closes_in=None, published_days_ago=1),
        "closed": make_call("Appel clos", closes_in=-2, sectors=["eau-assainissement"]),
        "draft": make_call("Brouillon", live=False, sectors=["eau-assainissement"]),
    }
    search_engine.refresh()
    return made


def test_rss_and_json_feed_list_current_calls_newest_first_with_the_filters(client, search_page, calls):
    rss = client.get(search_page.url + "rss/")
    assert rss["Access-Control-Allow-Origin"] == "*"
    assert [entry.title for entry in feedparser.parse(rss.content).entries] == ["Fonds régional", "Eau potable au Sahel"]
    feed = client.get(search_page.url + "json/", {"secteur": "eau-assainissement"}).json()
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert [item["title"] for item in feed["items"]] == ["Eau potable au Sahel"]
    assert feed["items"][0]["url"] == "http://testserver" + calls["sahel"].get_url()


def test_ical_holds_the_closing_dates_of_current_calls(client, search_page, calls):
    response = client.get(search_page.url + "ical/")
    assert response["Content-Type"].startswith("text/calendar")
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(event["summary"]) for event in events] == ["Clôture : Eau potable au Sahel"]
    assert events[0].decoded("dtstart") == calls["sahel"].closes_on


@pytest.mark.parametrize("path", ["rss/?pays=XX", "json/?tri=hasard", "ical/?statut=jamais", "api/v1/appels/?taille=0",
                                  "api/v1/appels/?montant=beaucoup"])
def test_feeds_and_api_answer_400_with_the_reason(client, search_page, calls, path):
    response = client.get(search_page.url + path)
    assert response.status_code == 400
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "inconnu" in response.content.decode() or "n’est pas" in response.content.decode()


def test_the_api_pages_through_published_calls_with_open_cors(client, search_page, calls):
    first = client.get(search_page.url + "api/v1/appels/", {"taille": 1})
    assert first["Access-Control-Allow-Origin"] == "*"
    body = first.json()
    assert (body["version"], body["count"], body["pages"]) == ("1", 2, 2)
    assert body["results"][0]["title"] == "Eau potable au Sahel" and body["results"][0]["countries"] == ["SN"]
    second = client.get(body["next"]).json()
    assert [call["title"] for call in second["results"]] == ["Fonds régional"] and second["next"] is None
    archive = client.get(search_page.url + "api/v1/appels/", {"archives": "1"}).json()
    assert [call["title"] for call in archive["results"]] == ["Appel clos"]
    one = client.get(search_page.url + f"api/v1/appels/{calls['sahel'].slug}/").json()
    assert one["funders"] == [{"name": "Agence française de développement", "kind": "agency"}]
    assert client.get(search_page.url + f"api/v1/appels/{calls['draft'].slug}/").status_code == 404


def test_the_daily_archive_marks_past_calls_once(calls, capsys):
    call_command("archive_funding_calls")
    assert "1 appel archivé." in capsys.readouterr().out
    call_command("archive_funding_calls")
    assert "0 appel archivé." in capsys.readouterr().out
    calls["closed"].refresh_from_db()
    calls["sahel"].refresh_from_db()
    assert calls["closed"].archived and not calls["sahel"].archived


def test_a_call_leaves_the_current_search_the_day_after_it_closes(client, search_engine, search_page, make_call):
    call = make_call("Dernier jour", closes_in=0)
    search_engine.refresh()
    assert [c.title for c in client.get(search_page.url).context["listing"].calls] == ["Dernier jour"]
    call.closes_on = timezone.localdate() - datetime.timedelta(days=1)
    call.save()
    search_engine.refresh()
    assert client.get(search_page.url).context["listing"].calls == []
    assert json.loads(client.get(search_page.url + "json/").content)["items"] == []
