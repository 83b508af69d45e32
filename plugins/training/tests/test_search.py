"""Trainings in site search, against the real engine."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from maillage_training.search import TrainingSearchSource

pytestmark = pytest.mark.django_db


@pytest.fixture
def visitor(root_page):
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    request.user = AnonymousUser()
    return request


def test_trainings_are_found_with_french_matching_and_drafts_stay_hidden(
    search_engine, visitor, make_training, make_session
):
    from wagtail.models import PageViewRestriction

    health = make_training("Santé mondiale", summary="Agir avec des structures de santé partenaires.", sectors=["sante"])
    make_session(health)
    make_training("Financements publics", summary="Rechercher des subventions.")
    make_training("Santé en brouillon", publish=False)
    private = make_training("Santé réservée aux membres")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    search_engine.index_all()

    results = TrainingSearchSource().search("sante", request=visitor)
    assert [hit.title for hit in results.hits] == ["Santé mondiale"]
    assert results.hits[0].meta.startswith("Prochaine session : ")
    assert results.hits[0].url == health.url
    assert not results.degraded

    by_summary = TrainingSearchSource().search("subvention", request=visitor)
    assert [hit.title for hit in by_summary.hits] == ["Financements publics"]
    assert by_summary.hits[0].meta == "Aucune session à venir"
