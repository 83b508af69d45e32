"""The directory's search without the engine (no engine configured, or an
outage) finds what visitors type as the engine does: every text field of
the actor, accents, case and plurals folded. The same table of real-world
queries runs on the engine, and on each database CI uses (SQLite for the
plugin alone, PostgreSQL inside the site)."""

import pytest

from maillage_directory.models import Actor
from maillage_directory.search import database, engine
from maillage_directory.search.facets import NAME, RELEVANCE

pytestmark = pytest.mark.django_db

ACTORS = [
    dict(name="Les Amis de Koudougou", acronym="ADK", city="Vénissieux",
         description="<p>Jumelage scolaire et accès à l’eau potable dans les villages du Burkina Faso.</p>"),
    dict(name="Comité de jumelage Voiron–Koudougou", city="Voiron",
         description="<p>Échanges entre <b>collégiens</b> des deux villes.</p>"),
    dict(name="Santé Sud", city="Grenoble", description="<p>Soins primaires au Mali.</p>"),
    # Health is in its description only.
    dict(name="Eau Vive Drôme", acronym="EVD", city="Valence",
         description="<p>Programme de santé communautaire à Kayes.</p>"),
    dict(name="Centre hospitalier de Montélimar", acronym="CHM", city="Montélimar",
         description="<p>Les hôpitaux partenaires de Ziguinchor reçoivent du matériel.</p>"),
    dict(name="Lycée agricole Jean Moulin", city="Saint-Étienne",
         description="<p>Échanges d'élèves et formations en agroécologie.</p>"),
    dict(name="Fondation Dupont pour l’éducation", city="Lyon", description="<p>Bourses d’études.</p>"),
    dict(name="Association discrète", city="Lyon", contact_name="Zéphyrine Quelconque",
         description="<p>Appui aux coopératives.</p>"),
]

QUERIES = [
    # Words of a name, with or without their accents.
    ("koudougou", ["Comité de jumelage Voiron–Koudougou", "Les Amis de Koudougou"]),
    ("amis koudougou", ["Les Amis de Koudougou"]),
    ("montelimar hospitalier", ["Centre hospitalier de Montélimar"]),
    # Acronyms, as typed.
    ("ADK", ["Les Amis de Koudougou"]),
    ("chm", ["Centre hospitalier de Montélimar"]),
    # A city.
    ("venissieux", ["Les Amis de Koudougou"]),
    ("Saint-Étienne", ["Lycée agricole Jean Moulin"]),
    # A sector word, with or without accents, in names and descriptions.
    ("sante", ["Eau Vive Drôme", "Santé Sud"]),
    ("SANTÉ", ["Eau Vive Drôme", "Santé Sud"]),
    ("éducation", ["Fondation Dupont pour l’éducation"]),
    ("agroecologie", ["Lycée agricole Jean Moulin"]),
    # Plurals and singulars.
    ("formation", ["Lycée agricole Jean Moulin"]),
    ("hôpital", ["Centre hospitalier de Montélimar"]),
    ("collegien", ["Comité de jumelage Voiron–Koudougou"]),
    ("villages", ["Les Amis de Koudougou"]),
    # An elided article, and words found in different fields.
    ("l'eau potable", ["Les Amis de Koudougou"]),
    ("sante kayes", ["Eau Vive Drôme"]),
    # Nothing private (the contact person), nothing that is not there.
    ("Zéphyrine", []),
    ("xylophone", []),
]


@pytest.fixture
def actors(make_actor):
    for fields in ACTORS:
        make_actor(**fields)
    make_actor("Santé brouillon", live=False, description="<p>Santé.</p>")


def names(answer):
    by_id = Actor.objects.in_bulk(answer.ids)
    return sorted(by_id[pk].name for pk in answer.ids)


def test_the_database_finds_what_visitors_type(actors):
    missed = {}
    for query, found in QUERIES:
        if (got := names(database.search(Actor, query, {}, NAME, 0, 50))) != found:
            missed[query] = got
    assert not missed


def test_the_engine_finds_the_same(actors, search_engine):
    """The table holds what the engine finds: the database path answers alike."""
    search_engine.index_all()
    missed = {}
    for query, found in QUERIES:
        if not set(found) <= set(got := names(engine.search(Actor, query, {}, RELEVANCE, 0, 50))):
            missed[query] = got
    assert not missed


def test_facet_counts_follow_the_folded_text(actors):
    answer = database.search(Actor, "sante", {}, NAME, 0, 50)
    assert answer.total == 2


def unreachable_engine(settings):
    backend = dict(settings.WAGTAILSEARCH_BACKENDS["default"], URLS=["http://127.0.0.1:9"])
    settings.WAGTAILSEARCH_BACKENDS = {"default": backend}


def no_engine(settings):
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}


@pytest.mark.parametrize("without_engine", [unreachable_engine, no_engine], ids=["outage", "no engine"])
def test_the_directory_page_finds_health_in_descriptions_without_the_engine(
    client, settings, directory_page, actors, without_engine
):
    without_engine(settings)
    response = client.get(directory_page.url, {"q": "sante"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Eau Vive Drôme" in html and "Santé Sud" in html and "Santé brouillon" not in html
