"""During an engine outage every search answers from the database, with one
message, never a server error: here through a site-search source, as the
plugins' listings use the same helper."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.utils import translation

from maillage_core.search import circuit
from maillage_core.search.fallback import OUTAGE_NOTICE, engine_or_database
from maillage_core.search.sources import QuerysetSearchSource, SearchHit

pytestmark = pytest.mark.django_db


@pytest.fixture
def source(mixin_page_model):
    class Pages(QuerysetSearchSource):
        key = "pages"

        def get_queryset(self, request):
            return mixin_page_model.objects.live()

        def get_public_queryset(self, request):
            return mixin_page_model.objects.live().public()

        def to_hit(self, page, request):
            return SearchHit(title=page.title, url=page.url)

    return Pages()


@pytest.fixture
def visitor():
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    return request


@pytest.mark.parametrize("outage", [False, True])
def test_a_search_source_answers_from_the_database_during_an_outage(
    search_engine, make_page, source, visitor, outage
):
    make_page("Santé mondiale")
    make_page("Éducation à la citoyenneté")
    search_engine.refresh()
    if outage:
        circuit.trip()
    results = source.search("Santé", request=visitor)
    assert ([hit.title for hit in results.hits], results.total, results.degraded) == (["Santé mondiale"], 1, outage)


def test_the_database_answers_only_when_the_engine_is_unavailable():
    def engine_down():
        circuit.trip()
        from maillage_core.search.errors import EngineUnavailable

        raise EngineUnavailable("down")

    assert engine_or_database(lambda: "engine", lambda: "database") == ("engine", False)
    assert engine_or_database(engine_down, lambda: "database") == ("database", True)
    with pytest.raises(ZeroDivisionError):  # a bug is not an outage: it is not hidden
        engine_or_database(lambda: 1 / 0, lambda: "database")


def test_the_outage_message_is_in_french_by_default():
    with translation.override("fr"):
        assert str(OUTAGE_NOTICE).startswith("Le moteur de recherche ne répond pas")
