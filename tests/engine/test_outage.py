"""The engine can fail: searches degrade, saves stay fast, nothing is lost."""

import socket
import threading

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

from maillage_core.models import PendingIndexUpdate
from maillage_core.search import visible_search

pytestmark = pytest.mark.django_db


def unused_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def black_hole():
    """A port that accepts connections and never answers: a stalled engine."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(50)
    accepted, stop = [], threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    server.close()


def engine_at(settings, url):
    backend = dict(settings.WAGTAILSEARCH_BACKENDS["default"])
    backend["URLS"] = [url]
    settings.WAGTAILSEARCH_BACKENDS = {"default": backend}


@pytest.fixture(params=["refused", "stalled"])
def broken_engine(request, settings, search_engine):
    url = f"http://127.0.0.1:{unused_port()}" if request.param == "refused" else request.getfixturevalue("black_hole")
    engine_at(settings, url)
    return request.param


@pytest.fixture
def engine_waits(monkeypatch):
    """The requests the site sent the engine and waited for, whichever client
    (opensearch-py or elasticsearch) the configuration chose."""
    import importlib

    sent = []
    for module in ("opensearchpy.transport", "elastic_transport"):
        try:
            transport = importlib.import_module(module).Transport
        except ImportError:
            continue

        def counted(self, *args, _perform=transport.perform_request, **kwargs):
            sent.append(args[:2])
            return _perform(self, *args, **kwargs)

        monkeypatch.setattr(transport, "perform_request", counted)
    return sent


def test_search_page_degrades_with_a_message(client, broken_engine, make_page):
    make_page("Santé mondiale")
    response = client.get(reverse("search"), {"q": "Santé", "pays": "SN"})
    assert response.status_code == 200
    html = response.content.decode()
    # One message for the whole page, whichever sources degraded.
    assert html.count("Le moteur de recherche ne répond pas : ces résultats viennent d’une recherche simplifiée") == 1
    assert "Santé mondiale" in html  # titles still match from the database
    # Only the engine narrows by country: the page says it shows everything.
    assert "La recherche par pays ou par secteur est indisponible pour le moment" in html


def test_search_suggestions_answer_an_empty_list(client, broken_engine, make_page):
    make_page("Santé mondiale")
    response = client.get(reverse("search_suggestions"), {"q": "Santé"})
    assert response.status_code == 200 and response.json() == {"suggestions": []}


def test_saving_a_page_waits_for_the_engine_once_at_most(broken_engine, engine_waits, make_page):
    """A save waits for one engine request at most (one timeout, a second
    here): the first failure opens the circuit and the next writes go to
    the outbox at once. Counted, not timed: a loaded machine slows the save
    itself, not the number of waits."""
    from maillage_core.search import circuit

    page = make_page("Publication pendant la panne")
    assert len(engine_waits) <= 1, engine_waits
    assert circuit.is_open()
    make_page("Une deuxième publication")
    assert len(engine_waits) <= 1, engine_waits
    assert Page.objects.get(pk=page.pk).live


def test_updates_kept_during_an_outage_reach_the_engine_afterwards(settings, search_engine, make_page):
    working = settings.WAGTAILSEARCH_BACKENDS
    engine_at(settings, f"http://127.0.0.1:{unused_port()}")
    page = make_page("Rencontre des acteurs de la santé")
    assert PendingIndexUpdate.objects.filter(object_pk=str(page.pk)).exists()

    settings.WAGTAILSEARCH_BACKENDS = working
    call_command("retry_search_index", stdout=open("/dev/null", "w"))
    search_engine.refresh()
    assert not PendingIndexUpdate.objects.exists()
    assert [p.title for p in visible_search(Page.objects.live(), "rencontre")] == [page.title]


def test_a_deletion_during_an_outage_is_replayed(settings, search_engine, make_page):
    page = make_page("Page à retirer")
    search_engine.refresh()
    working = settings.WAGTAILSEARCH_BACKENDS
    engine_at(settings, f"http://127.0.0.1:{unused_port()}")
    page.delete()
    settings.WAGTAILSEARCH_BACKENDS = working
    call_command("retry_search_index", stdout=open("/dev/null", "w"))
    search_engine.refresh()
    assert list(visible_search(Page.objects.all(), "retirer")) == []
    hits = search_engine.client.search(index=search_engine.pattern, body={"query": {"match": {"title": "retirer"}}})
    assert hits["hits"]["total"]["value"] == 0


@pytest.mark.usefixtures("page_cache")
@pytest.mark.parametrize("address", ["search", "search_suggestions"])
def test_an_answer_drawn_during_an_outage_is_not_kept_for_the_next_visitor(client, broken_engine, make_page, address):
    """Kept, the outage's answer would outlive the outage by the cache's
    five minutes: each visitor is answered afresh, and proxies are told so."""
    page = make_page("Santé mondiale")
    answers = [Client().get(reverse(address), {"q": "Santé"}) for _ in range(2)]
    assert [answer.status_code for answer in answers] == [200, 200]
    assert [answer["X-Page-Cache"] for answer in answers] == ["miss", "miss"]
    assert "no-cache" in answers[1]["Cache-Control"]
    # A page that asks the engine nothing is still kept during the outage.
    Client().get(page.url)
    assert Client().get(page.url)["X-Page-Cache"] == "hit"
