"""One engine backend per process for each configuration (``backends.shared``)."""

import threading

import pytest
from modelsearch.backends import get_search_backend
from wagtail.models import Page

from maillage_core.search import circuit, visible_search
from maillage_core.search.errors import EngineUnavailable

pytestmark = pytest.mark.django_db


def configured(settings, **changes):
    backend = {**settings.WAGTAILSEARCH_BACKENDS["default"], **changes}
    settings.WAGTAILSEARCH_BACKENDS = {"default": backend}


def test_every_call_of_a_configuration_gets_the_same_backend(search_engine):
    assert get_search_backend() is get_search_backend() is search_engine.backend


def test_modelsearch_searches_go_through_the_same_backend(search_engine):
    """A host's ``Page.objects.search()`` builds no backend of its own."""
    assert Page.objects.live().search("santé").backend is get_search_backend()


def test_a_changed_configuration_gets_its_own_backend(search_engine, settings):
    first, engine = get_search_backend(), settings.WAGTAILSEARCH_BACKENDS
    configured(settings, TIMEOUT=7)
    changed = get_search_backend()
    assert changed is not first and changed.timeout == 7 and first.timeout != 7
    configured(settings, URLS=["http://127.0.0.1:1"])
    assert get_search_backend().hosts[0]["port"] == 1
    settings.WAGTAILSEARCH_BACKENDS = engine
    assert get_search_backend() is first


def test_threads_building_a_new_configuration_share_one_backend(search_engine, settings):
    configured(settings, INDEX_PREFIX="shared_backend_threads_")
    start, found = threading.Barrier(8), []

    def build():
        start.wait()
        found.append(get_search_backend())

    threads = [threading.Thread(target=build) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(found) == 8 and len({id(backend) for backend in found}) == 1


def test_an_unreachable_engine_still_fails_fast_then_the_backend_answers_again(search_engine, settings, make_page):
    """A shared backend keeps no state of an outage (the circuit breaker
    does): once the engine is back, the same backend answers."""
    make_page("Rencontre régionale")
    search_engine.refresh()
    working, engine = get_search_backend(), settings.WAGTAILSEARCH_BACKENDS
    configured(settings, URLS=["http://127.0.0.1:1"])
    with pytest.raises(EngineUnavailable):
        list(visible_search(Page.objects.live(), "rencontre"))
    assert circuit.is_open()
    settings.WAGTAILSEARCH_BACKENDS = engine
    circuit.reset()
    assert get_search_backend() is working
    assert [page.title for page in visible_search(Page.objects.live(), "rencontre")] == ["Rencontre régionale"]
