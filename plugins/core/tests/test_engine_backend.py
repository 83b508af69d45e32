"""The core backends against the real engine."""

import pytest
from django.core.management import call_command
from wagtail.models import Page, PageViewRestriction

from maillage_core.models import PendingIndexUpdate
from maillage_core.search import circuit, visible_search
from maillage_core.search.config import search_backends
from maillage_core.search.errors import EngineUnavailable

pytestmark = pytest.mark.django_db


def titles(query, user=None):
    return [page.title for page in visible_search(Page.objects.live(), query, user=user)]


def test_index_settings_carry_french_analysis(search_engine):
    settings = search_engine.client.indices.get_settings(index=search_engine.pattern)
    analyzers = [s["settings"]["index"]["analysis"]["analyzer"] for s in settings.values()]
    assert all(a["default"]["filter"][-1] == "maillage_french_stemmer" for a in analyzers)


def test_searches_with_aggregations_may_use_two_threads(search_engine):
    """Concurrent segment search for searches with aggregations (a listing's
    facet counts), two slices: the directory's landing page in half the time."""
    settings = search_engine.client.indices.get_settings(index=search_engine.pattern, flat_settings=True)
    for index in settings.values():
        assert index["settings"]["index.search.concurrent_segment_search.mode"] == "auto"
        assert index["settings"]["index.search.concurrent.max_slice_count"] == "2"


def test_a_one_node_engine_holds_the_indexes_green(search_engine):
    """No replica a single node cannot place: the indexes report green, not yellow."""
    health = search_engine.client.cluster.health(index=search_engine.pattern)
    assert (health["status"], health["unassigned_shards"]) == ("green", 0)


def test_the_replica_count_comes_from_the_settings():
    assert "INDEX_SETTINGS" not in search_backends("http://e:9200")["default"]
    config = search_backends("http://e:9200", replicas=2)["default"]
    assert config["INDEX_SETTINGS"] == {"settings": {"index": {"number_of_replicas": 2}}}


def test_analysis_folds_accents_stems_and_removes_elision(search_engine):
    index = next(iter(search_engine.client.indices.get_alias(index=search_engine.pattern)))

    def analyse(text):
        result = search_engine.client.indices.analyze(index=index, body={"analyzer": "default", "text": text})
        return [token["token"] for token in result["tokens"]]

    assert analyse("L’Éducation") == analyse("education") == analyse("l'education")
    assert analyse("Filles") == analyse("fille")
    assert analyse("Santé") == analyse("sante")


def test_documents_carry_their_visibility(search_engine, make_page):
    public = make_page("Page publique")
    draft = make_page("Page en brouillon", publish=False)
    search_engine.refresh()
    found = search_engine.client.search(index=search_engine.pattern, body={"size": 50})["hits"]["hits"]
    visibility = {hit["_id"]: hit["_source"]["maillage_visibility"] for hit in found}
    assert visibility[str(public.pk)] == "public"
    assert visibility[str(draft.pk)] == "draft"


def test_a_new_view_restriction_reindexes_the_pages_below(search_engine, make_page):
    section = make_page("Espace réservé")
    child = make_page("Note interne", parent=section)
    search_engine.refresh()
    assert titles("note interne") == ["Note interne"]
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.PASSWORD, password="x")
    search_engine.refresh()
    assert titles("note interne") == []
    PageViewRestriction.objects.filter(page=section).delete()
    search_engine.refresh()
    assert titles("note interne") == [child.title]


def test_searches_fail_fast_while_the_circuit_is_open(search_engine, make_page):
    circuit.trip()
    with pytest.raises(EngineUnavailable):
        list(visible_search(Page.objects.live(), "santé"))


def test_writes_while_the_circuit_is_open_go_to_the_outbox_and_are_replayed(search_engine, make_page):
    circuit.trip()
    page = make_page("Rencontre régionale")
    assert PendingIndexUpdate.objects.filter(object_pk=str(page.pk), action="index").exists()
    call_command("retry_search_index", stdout=open("/dev/null", "w"))
    search_engine.refresh()
    assert not PendingIndexUpdate.objects.exists()
    assert titles("rencontre") == ["Rencontre régionale"]


def test_a_rebuild_supersedes_the_updates_kept_before_it(search_engine, make_page):
    circuit.trip()
    page = make_page("Rencontre régionale")
    assert PendingIndexUpdate.objects.filter(object_pk=str(page.pk)).exists()
    circuit.reset()
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))
    search_engine.refresh()
    assert not PendingIndexUpdate.objects.exists()
    assert titles("rencontre") == ["Rencontre régionale"]


def test_a_failed_rebuild_leaves_the_index_in_service(search_engine, make_page):
    make_page("Rencontre régionale")
    search_engine.refresh()
    indexes = set(search_engine.client.indices.get(index=search_engine.pattern))
    with pytest.raises(RuntimeError):
        with search_engine.backend.rebuilding(Page) as index:
            index.add([(1, {"title": "Page à moitié chargée"})])
            raise RuntimeError("the load stopped half-way")
    assert set(search_engine.client.indices.get(index=search_engine.pattern)) == indexes  # the new one dropped
    assert titles("rencontre") == ["Rencontre régionale"]


def index_settings(client, name):
    settings = client.indices.get_settings(index=name, flat_settings=True)[name]["settings"]
    return {key: settings.get(f"index.{key}") for key in ("refresh_interval", "number_of_replicas", "translog.durability")}


def test_a_rebuild_loads_without_replica_refresh_or_synced_log_then_restores_them(search_engine, make_page):
    """The fast settings of a load, then the index's own in service (replicas as created: 0 on one node)."""
    make_page("Rencontre régionale")
    with search_engine.backend.rebuilding(Page) as index:
        loading = index_settings(search_engine.client, index.name)
        index.add([(1, {"title": "Rencontre régionale"})])
    assert loading == {"refresh_interval": "-1", "number_of_replicas": "0", "translog.durability": "async"}
    served = index_settings(search_engine.client, index.name)
    assert served == {"refresh_interval": None, "number_of_replicas": "0", "translog.durability": None}


def test_a_batch_the_engine_refuses_fails_the_rebuild(search_engine, make_page):
    """Batches go to the engine while the next is built: a refused one still
    fails the rebuild, and the index in service stays."""
    make_page("Rencontre régionale")
    search_engine.refresh()
    indexes = set(search_engine.client.indices.get(index=search_engine.pattern))
    with pytest.raises(Exception, match="1 document"):
        with search_engine.backend.rebuilding(Page) as index:
            index.add([(1, {"title": {"not": "a text"}})])
    assert set(search_engine.client.indices.get(index=search_engine.pattern)) == indexes
    assert titles("rencontre") == ["Rencontre régionale"]


def test_hidden_page_leaves_the_sitemap_and_asks_for_noindex(make_page):
    shown = make_page("Visible")
    hidden = make_page("Cachée", hide_from_sitemap=True)
    assert hidden.get_sitemap_urls() == [] and hidden.robots.startswith("noindex")
    assert shown.get_sitemap_urls() and shown.robots.startswith("index")
