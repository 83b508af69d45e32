"""The groups index and the archives: filters with validated parameters,
and a fixed number of queries on every page as meetings and members grow."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from groups_helpers import english

from maillage_core.search import circuit
from maillage_groups.models import AttendanceReply, GroupKind, GroupStatus, MeetingPage
from maillage_groups.testing import (
    attach,
    join,
    make_document,
    make_group,
    make_meeting,
    make_minutes,
    make_person,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def groups(groups_index):
    return {
        "bf": make_group(groups_index, "Groupe pays Burkina Faso", kind=GroupKind.COUNTRY, countries=["BF"],
                         sectors=["education"]),
        "sn": make_group(groups_index, "Groupe pays Sénégal", kind=GroupKind.COUNTRY, countries=["SN", "ML"],
                         sectors=["sante"]),
        "ecsi": make_group(groups_index, "Éducation à la citoyenneté", kind=GroupKind.THEMATIC, sectors=["education"]),
        "mali": make_group(groups_index, "Groupe pays Mali", kind=GroupKind.COUNTRY, countries=["ML"],
                           status=GroupStatus.ARCHIVED),
    }


def titles(response):
    html = response.content.decode()
    return sorted(title for title in ["Groupe pays Burkina Faso", "Groupe pays Sénégal", "Éducation à la citoyenneté",
                                      "Groupe pays Mali"] if f">{title}</a>" in html)


@pytest.mark.parametrize("query, expected", [
    ({}, ["Groupe pays Burkina Faso", "Groupe pays Sénégal", "Éducation à la citoyenneté"]),
    ({"type": "thematique"}, ["Éducation à la citoyenneté"]),
    ({"pays": "ML"}, ["Groupe pays Sénégal"]),
    ({"pays": "ML", "statut": "tous"}, ["Groupe pays Mali", "Groupe pays Sénégal"]),
    ({"secteur": "education", "type": "pays"}, ["Groupe pays Burkina Faso"]),
    ({"statut": "archives"}, ["Groupe pays Mali"]),
])
def test_the_index_filters_groups(client, groups_index, groups, query, expected):
    assert titles(client.get(groups_index.url, query)) == expected


def test_the_index_shows_a_new_archived_or_restricted_group_on_the_next_request(client, groups_index, groups):
    from wagtail.models import PageViewRestriction

    assert titles(client.get(groups_index.url)) == [  # the index's groups are now kept by the process
        "Groupe pays Burkina Faso", "Groupe pays Sénégal", "Éducation à la citoyenneté"]
    make_group(groups_index, "Groupe eau", sectors=["sante"])
    senegal = groups["sn"]
    senegal.status = GroupStatus.ARCHIVED
    senegal.save_revision().publish()
    PageViewRestriction.objects.create(page=groups["ecsi"], restriction_type=PageViewRestriction.LOGIN)
    html = client.get(groups_index.url).content.decode()
    assert ">Groupe eau</a>" in html and "Groupe pays Sénégal" not in html
    assert ">Éducation à la citoyenneté</a>" not in html  # a restricted group is left out, as before
    assert ">Groupe eau</a>" in client.get(groups_index.url, {"secteur": "sante"}).content.decode()


def test_junk_parameters_are_ignored_with_a_message(client, groups_index, groups):
    with english(client):
        response = client.get(groups_index.url, {
            "type": "<script>", "pays": "XX", "secteur": "' OR 1=1", "statut": "\x00", "page": "99999999999999",
        })
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("it was ignored") == 3 and "is not a page number" in html
    assert "<script>" not in html.replace("<script>\n", "")  # the junk value is never echoed as markup
    assert titles(response) == ["Groupe pays Burkina Faso", "Groupe pays Sénégal", "Éducation à la citoyenneté"]
    assert 'name="robots" content="noindex' in html


def test_the_archive_lists_filters_and_searches_minutes(client, groups_index, groups):
    first = make_meeting(groups["bf"], "Réunion 2030", start=_paris(2030, 3, 4))
    make_minutes(first, "Compte rendu de mars")
    second = make_meeting(groups["sn"], "Réunion 2031", start=_paris(2031, 5, 6))
    make_minutes(second, "Compte rendu de mai")
    everything = client.get(groups_index.url + "comptes-rendus/").content.decode()
    assert "Compte rendu de mars" in everything and "Compte rendu de mai" in everything
    in_2031 = client.get(groups_index.url + "comptes-rendus/", {"annee": "2031"}).content.decode()
    assert "Compte rendu de mai" in in_2031 and "Compte rendu de mars" not in in_2031
    per_group = client.get(groups["bf"].url + "comptes-rendus/").content.decode()
    assert "Compte rendu de mars" in per_group and "Compte rendu de mai" not in per_group
    with english(client):
        junk = client.get(groups_index.url + "comptes-rendus/", {"annee": "1789", "page": "x", "q": "a" * 500})
    html = junk.content.decode()
    assert junk.status_code == 200 and "it was ignored" in html and "shortened" in html


def test_the_archive_search_finds_minutes_by_their_words(client, groups_index, groups, search_engine):
    meeting = make_meeting(groups["bf"], "Réunion", days=-5)
    make_minutes(meeting, "Compte rendu", body="<p>Les forages de Koudougou sont terminés.</p>")
    search_engine.refresh()
    html = client.get(groups_index.url + "comptes-rendus/", {"q": "forage"}).content.decode()
    assert ">Compte rendu</a>" in html


def test_the_archive_search_answers_from_the_database_during_an_outage(client, groups_index, groups, search_engine):
    meeting = make_meeting(groups["bf"], "Réunion", days=-5)
    make_minutes(meeting, "Compte rendu des forages", body="<p>Les forages de Koudougou sont terminés.</p>")
    make_minutes(make_meeting(groups["sn"], "Réunion", days=-3), "Compte rendu santé")
    circuit.trip()
    response = client.get(groups_index.url + "comptes-rendus/", {"q": "Koudougou"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Le moteur de recherche ne répond pas : ces résultats viennent d’une recherche simplifiée" in html
    assert ">Compte rendu des forages</a>" in html and "Compte rendu santé" not in html


def _paris(*args):
    from datetime import datetime

    from maillage_groups import conf

    return datetime(*args, 14, 0, tzinfo=conf.time_zone())


# -- queries ------------------------------------------------------------------


def grow(group, number, past=2, members=3):
    """Add meetings (past ones with minutes and documents) and members to ``group``."""
    for index in range(past):
        meeting = make_meeting(group, f"Réunion passée {number}-{index}", days=-10 - index, members_only=index % 2 == 0)
        attach(meeting, make_document(group, f"Document {number}-{index}", members_only=index % 2 == 0))
        make_minutes(meeting, f"Compte rendu {number}-{index}", members_only=index % 2 == 0)
        make_meeting(group, f"Réunion à venir {number}-{index}", days=5 + index, members_only=index % 2 == 1)
    for index in range(members):
        join(make_person(f"membre-{group.slug}-{number}-{index}@exemple.org"), group)


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def test_pages_make_the_same_number_of_queries_as_meetings_and_members_grow(client, settings, groups_index, groups):
    group = groups["bf"]
    grow(group, 1)
    coordinator = make_person("coord@exemple.org")
    join(coordinator, group, coordinator=True)
    meeting = MeetingPage.objects.get(title="Réunion passée 1-1")  # a public one
    minutes = meeting.get_children().specific().first()
    urls = {
        "index": groups_index.url,
        "group": group.url,
        "meeting": meeting.url,
        "minutes": minutes.url,
        "group archive": group.url + "comptes-rendus/",
        "archive": groups_index.url + "comptes-rendus/",
    }

    def measure():
        counts = {}
        for visitor in ("anonymous", "coordinator"):
            client.logout()
            if visitor == "coordinator":
                client.force_login(coordinator)
            for url in urls.values():
                client.get(url)  # warm Wagtail's site and content type caches
            counts[visitor] = {name: queries(client, url) for name, url in urls.items()}
        return counts

    small = measure()
    grow(group, 2, past=4, members=10)
    grow(groups["sn"], 3, past=1, members=2)
    for membership in group.memberships.all()[:8]:
        AttendanceReply.objects.create(meeting=meeting, user=membership.user, attending=True)
    assert measure() == small
    if settings.ROOT_URLCONF == "groups_testsite.urls":  # the host site's layout adds its own
        assert small == PINNED


# What each page costs standalone, pinned: a change here is a change to
# review. About half is Wagtail's serving (the site, one query per level of
# the path, view restrictions); signed-in people add their session, their
# memberships and permissions, and what a coordinator sees (requests,
# replies).
# The index, and a group's page for anonymous visitors, list what the
# process keeps under the content version: no query of their own.
PINNED = {
    "anonymous": {"index": 5, "group": 7, "meeting": 12, "minutes": 14, "group archive": 11, "archive": 9},
    "coordinator": {"index": 7, "group": 19, "meeting": 20, "minutes": 16, "group archive": 16, "archive": 14},
}


def test_the_group_page_shows_a_new_meeting_at_once_and_members_only_ones_to_members_only(client, groups):
    group = groups["bf"]
    member = make_person("membre-bf@exemple.org")
    join(member, group)
    make_meeting(group, "Réunion ouverte", days=3)
    assert ">Réunion ouverte</a>" in client.get(group.url).content.decode()  # kept for anonymous visitors now
    make_meeting(group, "Réunion des membres", days=4, members_only=True)
    make_meeting(group, "Réunion suivante", days=5)
    client.force_login(member)
    assert ">Réunion des membres</a>" in client.get(group.url).content.decode()
    client.logout()
    html = client.get(group.url).content.decode()
    assert ">Réunion suivante</a>" in html and "Réunion des membres" not in html
