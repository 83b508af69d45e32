"""Calendar feeds and RSS, parsed as a subscriber's application would."""

from datetime import UTC, timedelta

import feedparser
import icalendar
import pytest
from django.utils import timezone
from training_helpers import paris

pytestmark = pytest.mark.django_db


def events_of(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    return calendar, list(calendar.walk("VEVENT"))


@pytest.fixture
def feed_data(programme, make_training, make_session):
    from wagtail.models import PageViewRestriction

    water = make_training("Eau et assainissement", sectors=["eau-assainissement"], format="on_site")
    online = make_training("Communiquer en ligne", format="online")
    draft = make_training("Brouillon", publish=False)
    private = make_training("Réservée aux membres")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    now = timezone.now()
    return {
        "water": make_session(water, start=now + timedelta(days=3), department="38"),
        "online": make_session(online, start=now + timedelta(days=4), department=None, city="", online_url="https://v.example.org"),
        "cancelled": make_session(water, start=now + timedelta(days=9), status="cancelled"),
        "past": make_session(water, start=now - timedelta(days=9)),
        "draft": make_session(draft),
        "private": make_session(private),
    }


def test_feed_lists_only_public_upcoming_published_sessions(client, programme, feed_data):
    calendar, events = events_of(client.get(programme.url + "ical/"))
    uids = {str(event["UID"]) for event in events}
    expected = {f"maillage-training-session-{feed_data[key].pk}@localhost" for key in ("water", "online", "cancelled")}
    assert uids == expected
    assert str(calendar["X-WR-CALNAME"]) == "Programme de formation"
    statuses = {str(e["UID"]).split("-")[3].split("@")[0]: str(e["STATUS"]) for e in events}
    assert statuses[str(feed_data["cancelled"].pk)] == "CANCELLED"
    assert statuses[str(feed_data["water"].pk)] == "CONFIRMED"


@pytest.mark.parametrize(
    "query, kept",
    [
        ("sector=eau-assainissement", {"water", "cancelled"}),
        ("department=38", {"water"}),
        ("format=online", {"online"}),
        ("sector=eau-assainissement&format=on_site&department=38", {"water"}),
    ],
)
def test_subscription_feeds_filter_by_sector_department_and_format(client, programme, feed_data, query, kept):
    _calendar, events = events_of(client.get(programme.url + "ical/?" + query))
    assert {str(e["UID"]) for e in events} == {
        f"maillage-training-session-{feed_data[key].pk}@localhost" for key in kept
    }


@pytest.mark.parametrize("query", ["sector=nope", "format=x", "department=00", "format=online&format=on_site"])
def test_a_subscription_with_a_bad_filter_is_refused_with_a_message(client, programme, feed_data, query):
    for route in ("ical/", "rss/"):
        response = client.get(programme.url + route + "?" + query)
        assert response.status_code == 400
        assert response.content.decode().strip()


def test_uids_are_stable_and_sequence_grows_with_changes(client, programme, feed_data):
    def water_event():
        _calendar, events = events_of(client.get(programme.url + "ical/"))
        return next(e for e in events if str(e["UID"]).endswith(f"-{feed_data['water'].pk}@localhost"))

    before = water_event()
    session = feed_data["water"]
    session.start += timedelta(hours=1)
    session.end += timedelta(hours=1)
    session.save()
    after = water_event()
    assert str(after["UID"]) == str(before["UID"])
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])


def test_times_are_right_on_both_sides_of_the_daylight_saving_change(client, programme, make_training, make_session):
    training = make_training("Avant et après le changement d’heure")
    # 10:00 in Paris on Saturday 27 March 2032 (UTC+1) and Monday 29 March (UTC+2).
    winter = make_session(training, start=paris(2032, 3, 27, 10), hours=2)
    summer = make_session(training, start=paris(2032, 3, 29, 10), hours=2)
    calendar, events = events_of(client.get(programme.url + "ical/"))

    timezones = calendar.walk("VTIMEZONE")
    assert [str(tz["TZID"]) for tz in timezones] == ["Europe/Paris"]
    by_uid = {str(e["UID"]): e for e in events}
    for session, utc_hour in ((winter, 9), (summer, 8)):
        event = by_uid[f"maillage-training-session-{session.pk}@localhost"]
        start = event.decoded("DTSTART")
        assert event["DTSTART"].params["TZID"] == "Europe/Paris"
        assert (start.hour, start.minute) == (10, 0)
        assert start.astimezone(UTC).hour == utc_hour
        # The VTIMEZONE shipped in the feed says the same, for clients without tz data.
        shipped = timezones[0].to_tz()
        assert start.replace(tzinfo=None).replace(tzinfo=shipped).astimezone(UTC).hour == utc_hour
        assert event.decoded("DTEND") - start == timedelta(hours=2)
    raw = client.get(programme.url + "ical/").content.decode()
    assert "DTSTART;TZID=Europe/Paris:20320327T100000" in raw
    assert "DTSTART;TZID=Europe/Paris:20320329T100000" in raw


def test_session_ics_file_holds_that_one_session(client, feed_data):
    session = feed_data["water"]
    response = client.get(session.training.specific.url + f"sessions/{session.pk}/ical/")
    _calendar, events = events_of(response)
    assert response["Content-Disposition"].startswith("attachment;")
    assert [str(e["UID"]) for e in events] == [f"maillage-training-session-{session.pk}@localhost"]
    assert str(events[0]["SUMMARY"]) == "Eau et assainissement"
    assert str(events[0]["LOCATION"]).endswith("Lyon")


def test_online_link_is_never_published_in_feeds(client, programme, feed_data):
    raw = client.get(programme.url + "ical/").content.decode() + client.get(programme.url + "rss/").content.decode()
    assert "v.example.org" not in raw


def test_rss_feed_parses_and_lists_upcoming_sessions(client, programme, feed_data):
    response = client.get(programme.url + "rss/")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "Programme de formation"
    titles = [entry.title for entry in feed.entries]
    assert len(titles) == 3
    assert titles[0].startswith("Eau et assainissement — ")
    assert any(title.startswith("Annulée : ") for title in titles)
    assert all("Brouillon" not in t and "Réservée" not in t for t in titles)
    assert feed.entries[0].link.endswith(f"/sessions/{feed_data['water'].pk}/")
    assert feed.entries[0].id == f"maillage-training-session-{feed_data['water'].pk}@localhost"


def test_feed_queries_stay_constant(client, programme, make_training, make_session, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def add(count, prefix):
        for n in range(count):
            make_session(make_training(f"{prefix} {n}", sectors=["sante"]))

    add(2, "A")
    for route in ("ical/", "rss/"):
        client.get(programme.url + route)
        with CaptureQueriesContext(connection) as small:
            client.get(programme.url + route)
        # Counted now: the connection keeps a bounded log of queries, so the
        # context's slice of it may be gone once more queries ran.
        expected = len(small.captured_queries)
        add(5, f"B{route}")
        client.get(programme.url + route)  # publishing pages renewed the host site's caches
        with django_assert_num_queries(expected):
            client.get(programme.url + route)
