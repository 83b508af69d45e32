"""The programme's public views: semester, month calendar, list, archive."""

from datetime import timedelta

import pytest
from django.utils import timezone
from training_helpers import paris

from maillage_training import booking
from maillage_training.models import Registration

pytestmark = pytest.mark.django_db


def url(programme, route=""):
    return programme.url + route


@pytest.fixture
def catalogue(programme, make_training, make_session):
    water = make_training("Eau et assainissement", sectors=["eau-assainissement"], format="hybrid")
    health = make_training("Santé mondiale", sectors=["sante"], format="on_site")
    online = make_training("Communiquer en ligne", format="online")
    draft = make_training("Brouillon secret", publish=False)
    now = timezone.now()
    return {
        "water": make_session(water, start=now + timedelta(days=5), department="38", city="Grenoble"),
        "health": make_session(health, start=now + timedelta(days=6), department="69", capacity=1),
        "online": make_session(online, start=now + timedelta(days=7), department=None, city="", online_url="https://visio.example.org/x"),
        "past": make_session(health, start=now - timedelta(days=40)),
        "draft": make_session(draft, start=now + timedelta(days=5)),
        "cancelled": make_session(water, start=now + timedelta(days=8), status="cancelled"),
    }


def test_list_shows_visible_upcoming_sessions_with_seats(client, programme, catalogue):
    booking.register(catalogue["health"].pk, name="Camille", email="camille@example.org")
    html = client.get(url(programme, "liste/")).content.decode()
    assert "Eau et assainissement" in html and "Communiquer en ligne" in html
    assert "Brouillon secret" not in html
    assert html.count("session-card") == 4  # water, health, online, cancelled
    assert f'/sessions/{catalogue["health"].pk}/">Santé mondiale</a>' in html


@pytest.mark.parametrize(
    "query, shown, hidden",
    [
        ("sector=sante", ["Santé mondiale"], ["Eau et assainissement", "Communiquer en ligne"]),
        ("format=online", ["Communiquer en ligne", "Eau et assainissement"], ["Santé mondiale"]),  # hybrid is online too
        ("format=on_site", ["Santé mondiale", "Eau et assainissement"], ["Communiquer en ligne"]),
        ("department=38", ["Eau et assainissement"], ["Santé mondiale", "Communiquer en ligne"]),
    ],
)
def test_list_filters(client, programme, catalogue, query, shown, hidden):
    html = client.get(url(programme, "liste/?" + query)).content.decode()
    cards = html[html.index('class="session-list"') :]
    for title in shown:
        assert f">{title}</a>" in cards
    for title in hidden:
        assert f">{title}</a>" not in cards


FILTER_JUNK = [
    "month=2026-13",
    "month=abc",
    "month=2026-01&month=2026-02",
    "month=9999-01",
    "sector=<script>alert(1)</script>",
    "format=teleportation",
    "department=999",
    "format=online&format=on_site",
    "sector=%00%ff",
    "month=" + "1" * 5000,
]
PAGE_JUNK = ["page=abc", "page=99999", "page=-1", "page=1&page=2x"]
SEMESTER_JUNK = ["semester=2026-3", "semester=abc", "semester=2026-1&semester=2026-2", "semester=<b>1</b>"]


def assert_message_not_error(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    html = response.content.decode()
    assert 'class="notice"' in html, path
    assert "<script>alert(1)" not in html and "<b>1</b>" not in html
    return html


@pytest.mark.parametrize("route", ["liste/", "archives/", "calendrier/"])
@pytest.mark.parametrize("query", FILTER_JUNK)
def test_junk_filters_get_a_message_never_an_error(client, programme, catalogue, route, query):
    assert_message_not_error(client, url(programme, route + "?" + query))


@pytest.mark.parametrize("route", ["liste/", "archives/"])
@pytest.mark.parametrize("query", PAGE_JUNK)
def test_junk_page_numbers_get_a_message_never_an_error(client, programme, catalogue, route, query):
    assert_message_not_error(client, url(programme, route + "?" + query))


@pytest.mark.parametrize("query", SEMESTER_JUNK)
def test_junk_semesters_get_a_message_never_an_error(client, programme, catalogue, query):
    assert_message_not_error(client, url(programme, "?" + query))


def test_month_filter_keeps_sessions_overlapping_that_month(client, programme, make_training, make_session):
    training = make_training("Formation longue")
    make_session(training, start=paris(2031, 3, 31, 9), hours=30)  # 31 March to 1 April
    html = client.get(url(programme, "liste/?month=2031-04")).content.decode()
    assert ">Formation longue</a>" in html
    html = client.get(url(programme, "liste/?month=2031-05")).content.decode()
    assert ">Formation longue</a>" not in html


def test_month_calendar_places_sessions_on_their_days_in_paris_time(client, programme, make_training, make_session):
    training = make_training("Atelier du soir")
    # 23:30 in Paris on 14 May is 21:30 UTC: it belongs to the 14th.
    make_session(training, start=paris(2031, 5, 14, 23, 30), hours=1)
    html = client.get(url(programme, "calendrier/?month=2031-05")).content.decode()
    assert "<caption>Mai 2031</caption>" in html
    day = html[html.index("mercredi 14 mai") :]
    assert day.index("23:30 Atelier du soir") < day.index("jeudi 15 mai")


def test_calendar_without_month_shows_the_current_one(client, programme):
    response = client.get(url(programme, "calendrier/"))
    assert response.status_code == 200
    assert timezone.localdate().strftime("%Y") in response.content.decode()


def test_semester_programme_groups_by_month_and_marks_cancelled(client, programme, make_training, make_session):
    training = make_training("Partenariat")
    make_session(training, start=paris(2031, 2, 3, 9))
    make_session(training, start=paris(2031, 4, 3, 9), status="cancelled")
    make_session(training, start=paris(2031, 9, 3, 9))  # next semester
    html = client.get(url(programme, "?semester=2031-1")).content.decode()
    assert "Janvier à juin 2031" in html
    assert html.index("Février 2031") < html.index("Avril 2031")
    assert "Septembre 2031" not in html
    assert "Annulée" in html
    assert "?semester=2031-2" in html and "?semester=2030-2" in html


def test_the_programme_opens_on_upcoming_sessions_and_keeps_the_semesters_past_ones_after(
        client, programme, make_training, make_session, monkeypatch):
    from maillage_training.views import programme as views

    monkeypatch.setattr(views, "current_moment", lambda: paris(2031, 3, 15, 12))  # mid-semester, whatever today is
    training = make_training("Partenariat")
    make_session(training, start=paris(2031, 2, 3, 9))  # held
    make_session(training, start=paris(2031, 3, 15, 9), hours=3)  # ends now: still listed as current
    make_session(training, start=paris(2031, 4, 3, 9))
    html = client.get(url(programme)).content.decode()
    assert "Janvier à juin 2031" in html
    assert html.index("Mars 2031") < html.index("Avril 2031") < html.index("Déjà tenues ce semestre") < html.index("Février 2031")  # held, still here
    monkeypatch.setattr(views, "current_moment", lambda: paris(2031, 6, 30, 12))
    html = client.get(url(programme)).content.decode()
    assert "Toutes les sessions de ce semestre ont eu lieu." in html


def test_archive_lists_past_sessions_newest_first(client, programme, make_training, make_session):
    training = make_training("Suivi-évaluation")
    make_session(training, start=paris(2020, 2, 3, 9))
    make_session(training, start=paris(2021, 2, 3, 9))
    make_session(training, start=timezone.now() + timedelta(days=3))
    html = client.get(url(programme, "archives/")).content.decode()
    assert html.count("session-card") == 2
    assert html.index("2021") < html.index("2020")


def test_private_training_sessions_stay_out_of_public_listings(client, programme, make_training, make_session):
    from wagtail.models import PageViewRestriction

    secret = make_training("Réservée aux membres")
    make_session(secret)
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    html = client.get(url(programme, "liste/")).content.decode()
    assert "Réservée aux membres" not in html


def visit(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return response


# Site, view restrictions, sessions with counts (and a count for paginated
# views); the trainings, sectors, restricted sections and filter choices are
# kept in the process under the content version.
PINNED_QUERIES = {"": 6, "calendrier/": 6, "liste/": 7, "archives/": 7}


@pytest.mark.parametrize("route", ["", "calendrier/", "liste/", "archives/"])
def test_queries_stay_constant_as_sessions_grow(
    client, settings, programme, make_training, make_session, django_assert_num_queries, route
):
    def add(count):
        for n in range(count):
            training = make_training(f"Formation {route} {n}-{timezone.now().timestamp()}", sectors=["sante", "education"])
            now = timezone.now()
            for start in (now + timedelta(days=2 + n), now - timedelta(days=5 + n)):
                session = make_session(training, start=start, capacity=3)
                for status in ("confirmed", "waitlisted"):
                    Registration.objects.create(
                        session=session, status=status, name="Une personne", email=f"{status}{n}@example.org",
                        consent_at=now,
                    )

    add(2)
    path = url(programme, route)
    visit(client, path)  # warm caches (site root paths)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        visit(client, path)
    if settings.ROOT_URLCONF == "training_testsite.urls":  # the host site's layout adds its own
        assert len(small.captured_queries) == PINNED_QUERIES[route]
    # Counted now: the connection's query log is bounded, the slice may go.
    expected = len(small.captured_queries)
    add(8)
    visit(client, path)  # publishing pages renewed the host site's caches (menu, footer)
    with django_assert_num_queries(expected):
        visit(client, path)


def test_each_view_names_itself_canonical_and_filtered_views_are_not_indexed(client, programme, catalogue):
    html = client.get(url(programme, "calendrier/?month=2031-05")).content.decode()
    assert '<link rel="canonical" href="http://testserver/formations/calendrier/">' in html
    assert '<meta name="robots" content="noindex, follow">' in html
    html = client.get(url(programme, "liste/")).content.decode()
    assert '<link rel="canonical" href="http://testserver/formations/liste/">' in html
    assert '<meta name="robots" content="index, follow">' in html
    session = catalogue["water"]
    path = session.training.specific.url + f"sessions/{session.pk}/"
    html = client.get(path).content.decode()
    assert f'<link rel="canonical" href="http://testserver{path}">' in html
    assert '<meta name="description" content="Résumé de Eau et assainissement.">' in html
