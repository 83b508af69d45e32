"""2,000 members-only minutes in the index: anonymous searches find none of
them and still answer (Wagtail's own privacy filter adds one clause per
private page and fails past 1,024, issue 14108); their members find them
all. The pages are inserted and indexed in bulk to keep the test short."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from wagtail.models import Page

from maillage_core.search import circuit, visible_search
from maillage_groups.models import MinutesPage
from maillage_groups.sources import GroupSearchSource
from maillage_groups.testing import bulk_index, bulk_minutes, join, make_group, make_person

PRIVATE = 2000
WORD = "Tambacounda"


def search_as(user, query=WORD):
    request = RequestFactory().get("/recherche/", {"q": query})
    request.user = user
    return GroupSearchSource().search(query, request=request)


@pytest.mark.engine
@pytest.mark.django_db
def test_two_thousand_members_only_minutes_stay_out_of_anonymous_search(client, groups_index, search_engine):
    group = make_group(groups_index, "Groupe pays Sénégal")
    bulk_index(bulk_minutes(group, PRIVATE, word=WORD))
    search_engine.refresh()
    member = make_person("membre@senegal.test")
    join(member, group)

    anonymous = search_as(AnonymousUser())
    assert (anonymous.total, anonymous.hits, anonymous.degraded) == (0, [], False)
    assert visible_search(Page.objects.live(), WORD, user=None).count() == 0
    response = client.get(groups_index.url + "comptes-rendus/", {"q": WORD})
    assert response.status_code == 200 and f"Compte rendu {WORD}" not in response.content.decode()

    found = search_as(member)
    assert found.total == PRIVATE and not found.degraded
    assert MinutesPage.objects.filter(members_only=True).count() == PRIVATE


@pytest.mark.engine
@pytest.mark.django_db
def test_during_an_outage_the_database_fallback_keeps_them_private_too(groups_index, search_engine):
    # An outage of the engine: on the database backend there is none to have.
    group = make_group(groups_index, "Groupe pays Mali")
    bulk_minutes(group, PRIVATE, word=WORD)
    member = make_person("membre@mali.test")
    join(member, group)
    circuit.trip()

    anonymous = search_as(AnonymousUser())
    assert anonymous.degraded and anonymous.total == 0
    found = search_as(member)
    assert found.degraded and found.total == PRIVATE
