"""The directory's search against the real engine: French matching,
facet counts equal to the database's, and nothing private or unpublished."""

import random

import pytest
from django.urls import reverse
from modelsearch.backends import get_search_backend

from maillage_core.search import visible_search
from maillage_directory.models import Actor
from maillage_directory.search import database, engine
from maillage_directory.search.facets import FACETS, NAME, RELEVANCE

pytestmark = pytest.mark.django_db


def names(query, **selected):
    answer = engine.search(Actor, query, selected, RELEVANCE if query else NAME, 0, 50)
    by_id = Actor.objects.in_bulk(answer.ids)
    return [by_id[pk].name for pk in answer.ids]


@pytest.fixture
def actors(search_engine, make_actor):
    make_actor("Bioforce", type="association", countries=["SN"], sectors=["sante"], department="69")
    make_actor("Santé Sud", type="association", countries=["ML"], sectors=["sante"], department="38")
    make_actor("Comité de jumelage Voiron–Koudougou", type="collectivite", countries=["BF"], department="38")
    make_actor("Lycée agricole de Montbrison", type="etablissement-scolaire", countries=["MG"], department="42")
    search_engine.refresh()


def test_beginning_of_a_name_finds_it(actors):
    assert names("bioforc") == ["Bioforce"]


def test_query_without_accents_finds_accented_name(actors):
    assert names("sante") == ["Santé Sud"]


def test_one_letter_typo_in_a_name_still_finds_it(actors):
    assert names("biofroce") == ["Bioforce"]
    assert names("koudougu") == ["Comité de jumelage Voiron–Koudougou"]


def test_every_word_must_match(actors):
    assert names("lycee montbrison") == ["Lycée agricole de Montbrison"]
    assert names("lycee voiron") == []


@pytest.fixture
def places(search_engine, make_actor):
    """Actors whose names share words and places, for core's relevance rules."""
    make_actor("Mairie de Saint-Genis-d'Aoste", countries=["BJ"], city="Saint-Genis-d'Aoste",
               description="<p>La commune et ses jumelages.</p>")
    make_actor("Amis de Saint-Genis-Laval", city="Saint-Genis-Laval")
    make_actor("Saint-Priest Solidarité", city="Saint-Priest")
    make_actor("Association d'Aoste", city="Aoste")
    make_actor("Éducation sans frontières", countries=["MG"], city="Lyon")
    make_actor("Adduction d'eau Sahel", countries=["ML"], city="Lyon")
    # Equal texts for a search of "Voiron"; the second record is fuller.
    make_actor("Voiron Afrique", city="Voiron")
    make_actor("Voiron Europe", city="Voiron", type="association", sectors=["sante"], department="38")
    make_actor("Voiron", city="Grenoble")
    search_engine.refresh()


@pytest.mark.parametrize(
    "query, found",
    [
        # Country names, French or English, accents or not, find the actors working there.
        ("Bénin", ["Mairie de Saint-Genis-d'Aoste"]),
        ("benin", ["Mairie de Saint-Genis-d'Aoste"]),
        ("madagascar", ["Éducation sans frontières"]),
        ("Mali", ["Adduction d'eau Sahel"]),
        # A hyphenated or apostrophe compound needs every part, in order first.
        ("Saint-Genis-d'Aoste", ["Mairie de Saint-Genis-d'Aoste"]),
        ("Saint-Genis", ["Mairie de Saint-Genis-d'Aoste", "Amis de Saint-Genis-Laval"]),
        ("Saint-Genis-Laval", ["Amis de Saint-Genis-Laval"]),
        # Typos on the word as written, long enough, first letters right.
        ("educqqq", []),
        ("educatoin", ["Éducation sans frontières"]),
        ("adduction", ["Adduction d'eau Sahel"]),
        ("madagscar", ["Éducation sans frontières"]),
        ("vioron", []),  # the first two letters must be right
        ("sahl", []),  # too short for a typo
    ],
)
def test_relevance_rules_of_core_queries(places, query, found):
    assert sorted(names(query)) == sorted(found)


def test_an_exact_name_comes_first_then_the_most_complete_record(places):
    # Three actors carry the town's name; the one named exactly so comes
    # first, then, at equal scores, the fuller record, not the alphabet's first.
    assert names("Voiron") == ["Voiron", "Voiron Europe", "Voiron Afrique"]


def test_unpublished_actor_is_never_found(search_engine, make_actor):
    make_actor("Brouillon solidaire", live=False)
    search_engine.refresh()
    assert names("brouillon") == []
    assert list(visible_search(Actor.objects.all(), "brouillon")) == []


def test_private_fields_are_not_searchable(search_engine, make_actor):
    make_actor(
        "Association discrète",
        contact_name="Zéphyrine Quelconque",
        contact_email="zephyrine@example.org",
        email="secret-adresse@example.org",
        email_public=False,
    )
    search_engine.refresh()
    assert names("Zéphyrine") == []
    assert names("secret-adresse") == []
    document = search_engine.client.search(index=search_engine.pattern, body={"query": {"match_all": {}}})
    source = str(document["hits"]["hits"][0]["_source"])
    assert "phyrine" not in source and "secret-adresse" not in source


def test_a_proposed_change_is_not_searchable_before_it_is_published(search_engine, make_actor):
    actor = make_actor("Eau Vive Drôme")
    actor.name = "Nom proposé introuvable"
    actor.save_revision()
    search_engine.refresh()
    assert names("introuvable") == []
    assert names("eau vive") == ["Eau Vive Drôme"]
    actor.get_latest_revision().publish()
    search_engine.refresh()
    assert names("introuvable") == ["Nom proposé introuvable"]


def test_a_facet_counts_ignore_its_own_selection_but_not_the_others(actors):
    answer = engine.search(Actor, "", {"country": ["SN"], "department": ["38"]}, NAME, 0, 50)
    assert answer.total == 0
    # countries: restricted to Isère (38), not to Senegal
    assert answer.counts["country"] == {"ML": 1, "BF": 1}
    # departments: restricted to Senegal, not to Isère
    assert answer.counts["department"] == {"69": 1}


def test_several_values_of_one_facet_add_up(actors):
    answer = engine.search(Actor, "", {"country": ["SN", "ML"]}, NAME, 0, 50)
    assert answer.total == 2


def random_directory(make_actor, size=60):
    rng = random.Random(4)
    types = ["association", "collectivite", "universite", "osim"]
    sectors = ["sante", "education", "agriculture", "eau-assainissement", "culture"]
    for number in range(size):
        make_actor(
            f"Acteur {number}",
            type=rng.choice(types + [None]),
            countries=rng.sample(["SN", "BF", "ML", "MG", "HT", "VN"], k=rng.randint(0, 3)),
            sectors=rng.sample(sectors, k=rng.randint(0, 3)),
            sdgs=rng.sample(range(1, 18), k=rng.randint(0, 3)),
            department=rng.choice(["69", "38", "42", "2A", None]),
            live=rng.random() > 0.15,
        )


@pytest.mark.parametrize(
    "text, selected",
    [
        ("", {}),
        ("", {"country": ["SN"]}),
        ("", {"country": ["SN", "HT"], "sector": []}),
        ("acteur", {"department": ["69", "38"]}),
        ("", {"country": ["SN", "BF"], "department": ["69"]}),
        ("acteur", {"country": ["ML", "HT"], "department": ["38", "2A"]}),
    ],
)
def test_facet_counts_match_the_database(search_engine, make_actor, text, selected):
    random_directory(make_actor)
    search_engine.refresh()
    from maillage_core.models import Sector

    if "sector" in selected:
        selected["sector"] = [str(Sector.objects.get(slug="sante").pk)]
    from_engine = engine.search(Actor, text, selected, NAME, 0, 100)
    from_database = database.search(Actor, text, selected, NAME, 0, 100)
    assert from_engine.total == from_database.total
    assert sorted(from_engine.ids) == sorted(from_database.ids)
    for facet in FACETS:
        assert from_engine.counts[facet.key] == from_database.counts[facet.key], facet.key


def test_facets_counted_under_the_same_selections_share_one_filter():
    """Each filter aggregation is evaluated on every matching document: the
    facets nobody chose are counted under one filter (all the selections),
    each chosen facet under the others', and with nothing chosen, none."""
    nothing = engine.build_body({"match_all": {}}, {}, NAME, 0, 20)
    assert set(nothing["aggs"]) == {facet.key for facet in FACETS}
    assert all(set(aggregation) == {"terms"} for aggregation in nothing["aggs"].values())

    two = engine.build_body({"match_all": {}}, {"country": ["SN"], "department": ["69"]}, NAME, 0, 20)
    grouped = sorted(sorted(aggregation["aggs"]) for aggregation in two["aggs"].values())
    assert grouped == [["country"], ["department"], ["sdg", "sector", "type"]]


def test_a_first_visitor_costs_one_engine_search(client, actors, directory_page, monkeypatch):
    """The page of hits and every facet's counts come from one search: the
    engine evaluates the query once for a query string nobody asked yet."""
    backend = type(get_search_backend())
    sent = []
    send = backend.send_multi_search

    def counted(self, es, searches):
        sent.append(len(searches) // 2)  # a header and a body per search
        return send(self, es, searches)

    monkeypatch.setattr(backend, "send_multi_search", counted)
    html = client.get(directory_page.url, {"q": "sante", "secteur": "sante"}).content.decode()
    assert "Santé Sud" in html and "Bioforce" not in html
    assert 'value="ML" id="f-pays-1"><label for="f-pays-1">Mali <span class="facet-count">(1)</span>' in html
    assert sent == [1]


def test_site_search_includes_actors(client, search_engine, directory_page, make_actor):
    make_actor("Bioforce", countries=["SN"])
    make_actor("Bioforce brouillon", live=False)
    search_engine.refresh()
    source = next(s for s in __import__("maillage_core.hooks", fromlist=["x"]).search_sources() if s.key == "actors")
    request = __import__("django.test", fromlist=["x"]).RequestFactory().get("/")
    request.user = __import__("django.contrib.auth.models", fromlist=["x"]).AnonymousUser()
    results = source.search("bioforc", request=request)
    assert [hit.title for hit in results.hits] == ["Bioforce"]
    assert results.hits[0].url.endswith("/annuaire/bioforce/")


def test_directory_page_answers_during_an_outage_with_a_message(client, settings, search_engine, directory_page, make_actor):
    make_actor("Santé Sud", countries=["ML"])
    backend = dict(settings.WAGTAILSEARCH_BACKENDS["default"])
    backend["URLS"] = ["http://127.0.0.1:9"]
    settings.WAGTAILSEARCH_BACKENDS = {"default": backend}
    response = client.get(directory_page.url, {"q": "Santé", "pays": "ML"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Le moteur de recherche ne répond pas : ces résultats viennent d’une recherche simplifiée" in html
    assert "Santé Sud" in html
    assert reverse  # the module's import is used by other tests
