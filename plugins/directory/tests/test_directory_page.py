"""The public directory page: validated parameters, the database path,
the actor page, and constant query counts."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from maillage_directory.models import Actor

pytestmark = pytest.mark.django_db

DATABASE_SEARCH = {"default": {"BACKEND": "wagtail.search.backends.database"}}


@pytest.fixture
def database_search(settings):
    settings.WAGTAILSEARCH_BACKENDS = DATABASE_SEARCH


@pytest.fixture
def directory(directory_page, make_actor):
    make_actor("Bioforce", acronym="BF", type="association", countries=["SN", "BF"], sectors=["sante"],
               sdgs=[3], department="69", city="Vénissieux")
    make_actor("Santé Sud", type="association", countries=["ML"], sectors=["sante"], department="38")
    make_actor("Ville de Voiron", type="collectivite", countries=["BF"], sectors=["eau-assainissement"],
               department="38")
    make_actor("Projet caché", live=False, countries=["SN"])
    return directory_page


def get(client, target, **params):
    response = client.get(target.url, params)
    assert response.status_code == 200
    return response.content.decode()


def result_names(html):
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a>', html)


def test_filters_combine_and_unpublished_actors_stay_hidden(client, directory, database_search):
    assert result_names(get(client, directory)) == ["Bioforce", "Santé Sud", "Ville de Voiron"]
    assert result_names(get(client, directory, pays="BF")) == ["Bioforce", "Ville de Voiron"]
    assert result_names(get(client, directory, pays="BF", departement="38")) == ["Ville de Voiron"]
    assert result_names(get(client, directory, pays=["BF", "ML"], type="association")) == ["Bioforce", "Santé Sud"]
    assert "Projet caché" not in get(client, directory, pays="SN")


def test_database_path_counts_each_facet_without_its_own_selection(client, directory, database_search):
    html = get(client, directory, pays="ML")
    assert result_names(html) == ["Santé Sud"]
    assert re.search(r'value="BF"[^>]*>\s*<label[^>]*>Burkina Faso <span class="facet-count">\(2\)', html)
    assert re.search(r'value="38"[^>]*>\s*<label[^>]*>Isère \(38\) <span class="facet-count">\(1\)', html)


def test_text_search_on_the_database_path(client, directory, database_search):
    assert result_names(get(client, directory, q="voiron")) == ["Ville de Voiron"]


@pytest.mark.parametrize(
    "params",
    [
        {"pays": ["ZZ", "<script>alert(1)</script>", "SN", "SN"]},
        {"type": "inconnu", "secteur": "x" * 500},
        {"odd": ["99", "-1", "3"]},
        {"tri": "n'importe", "page": "abc"},
        {"page": "99999999999999999999"},
        {"page": "-4"},
        {"q": "a" * 100_000},
        {"q": "\x00\x01 santé"},
        {"departement": ["69"] * 200},
    ],
)
def test_junk_parameters_get_a_message_never_an_error(client, directory, database_search, params):
    response = client.get(directory.url, params)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert 'class="notice"' in html or params.get("q") == "\x00\x01 santé" or "departement" in params


def test_repeated_values_count_once(client, directory, database_search):
    html = get(client, directory, departement=["38"] * 50)
    assert result_names(html) == ["Santé Sud", "Ville de Voiron"]


def test_a_page_past_the_end_shows_the_last_page_with_a_message(client, directory, database_search):
    html = get(client, directory, page="7")
    assert 'class="notice"' in html
    assert result_names(html) == ["Bioforce", "Santé Sud", "Ville de Voiron"]


def test_the_map_links_each_country_to_its_filter(client, directory, database_search):
    html = get(client, directory, departement="38")
    assert '<a href="?pays=BF&amp;departement=38" aria-label="Burkina Faso' in html
    assert "map-level-5" in html
    # the table gives the same counts as text
    assert re.search(r'<td><a href="\?pays=ML&amp;departement=38">Mali</a></td><td>1</td>', html)


def test_actor_page_shows_public_fields_and_hides_private_ones(client, directory_page, make_actor):
    make_actor(
        "Eau Vive", acronym="EV", countries=["SN"], sectors=["eau-assainissement"], city="Valence",
        address="3 rue cachée", address_public=False, email="public@eauvive.example", phone="04 00 00 00 00",
        phone_public=False, contact_name="Personne Privée", contact_email="prive@eauvive.example",
        website="https://eauvive.example", description="<p>Accès à l’eau potable.</p>",
    )
    response = client.get(directory_page.url + "eau-vive/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "public@eauvive.example" in html and "Valence" in html and "Accès à l’eau potable" in html
    for private in ("3 rue cachée", "04 00 00 00 00", "Personne Privée", "prive@eauvive.example"):
        assert private not in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Organization" and data["name"] == "Eau Vive" and data["email"] == "public@eauvive.example"
    assert "telephone" not in data and "streetAddress" not in data["address"]


def test_unpublished_actor_page_is_not_found(client, directory_page, make_actor):
    make_actor("Pas encore", live=False)
    assert client.get(directory_page.url + "pas-encore/").status_code == 404
    assert client.get(directory_page.url + "personne/").status_code == 404


def test_structured_data_cannot_break_out_of_its_script(client, directory_page, make_actor):
    make_actor("</script><script>alert(1)</script>", acronym="X")
    actor = Actor.objects.get()
    html = client.get(directory_page.url + actor.slug + "/").content.decode()
    assert "<script>alert(1)</script>" not in html


def queries_of(client, url, **params):
    client.get(url, params)  # once first: the vocabulary goes to the cache
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params).status_code == 200
    return len(captured)


def add_actors(make_actor, count, start):
    for number in range(start, start + count):
        make_actor(f"Acteur {number:03d}", type="association", countries=["SN", "ML"], sectors=["sante", "culture"],
                   sdgs=[3, 4], department="69")


@pytest.mark.parametrize("engine", [True, False], ids=["engine", "database"])
def test_listing_queries_do_not_grow_with_actors(client, directory_page, make_actor, settings, request, engine):
    if engine:
        search = request.getfixturevalue("search_engine")
    else:
        settings.WAGTAILSEARCH_BACKENDS = DATABASE_SEARCH
    add_actors(make_actor, 3, 0)
    if engine:
        search.refresh()
    few = queries_of(client, directory_page.url, pays="SN")
    add_actors(make_actor, 40, 3)
    if engine:
        search.refresh()
    many = queries_of(client, directory_page.url, pays="SN")
    assert few == many
    assert many <= 30  # the host site's menus add a few


def test_actor_page_queries_do_not_grow_with_actors(client, directory_page, make_actor):
    add_actors(make_actor, 3, 0)
    actor = make_actor("Observé", countries=["SN"], sectors=["sante"], sdgs=[3])
    few = queries_of(client, directory_page.url + actor.slug + "/")
    add_actors(make_actor, 40, 3)
    many = queries_of(client, directory_page.url + actor.slug + "/")
    assert few == many
    assert many <= 25


def with_projects(actor, *sectors):
    from maillage_core.models import Sector
    from maillage_directory.models import ActorProject

    for number, slug in enumerate(sectors):
        ActorProject.objects.create(actor=actor, title=f"Projet {number}", country="SN",
                                    sector=Sector.objects.get(slug=slug), start_year=2020)
    return actor


def test_actor_page_queries_do_not_grow_with_its_sectors_goals_and_projects(client, directory_page, make_actor):
    bare = make_actor("Sobre", sectors=["sante"])
    rich = with_projects(
        make_actor("Riche", type="association", department="69", countries=["SN", "ML"],
                   sectors=["sante", "culture", "eau-assainissement"], sdgs=[3, 4, 6]),
        "sante", "culture", "eau-assainissement",
    )
    add_actors(make_actor, 6, 0)  # related actors in its sectors
    few = queries_of(client, directory_page.url + bare.slug + "/")
    many = queries_of(client, directory_page.url + rich.slug + "/")
    html = client.get(directory_page.url + rich.slug + "/").content.decode()
    assert "Projet 2" in html and "Acteur 005" in html  # its projects and related actors are shown
    assert few == many


def test_actor_page_shows_a_renamed_sector_and_type_on_the_next_request(client, directory_page, make_actor):
    from maillage_core.models import ActorType, Sector

    actor = with_projects(make_actor("Observé", type="association", sectors=["sante"]), "sante")
    url = directory_page.url + actor.slug + "/"
    assert client.get(url).status_code == 200  # the vocabulary is kept by the process
    Sector.objects.filter(slug="sante").update(name="Santé publique")
    ActorType.objects.filter(slug="association").update(name="Association loi 1901")
    Sector.objects.get(slug="sante").save()  # an edit through the admin (a signal renews the content version)
    html = client.get(url).content.decode()
    assert html.count("Santé publique") == 2  # the sectors' list and the project's line
    assert "Association loi 1901" in html


@pytest.mark.parametrize(
    "query, robots",
    [
        ("", "index, follow"),
        ("?utm_source=lettre", "index, follow"),
        ("?q=sante", "noindex, follow"),
        ("?pays=SN", "noindex, follow"),
        ("?departement=38&tri=nom", "noindex, follow"),
        ("?page=2", "noindex, follow"),
    ],
)
def test_filtered_listings_are_kept_out_of_search_engines(client, directory, database_search, query, robots):
    html = client.get(directory.url + query).content.decode()
    assert f'<meta name="robots" content="{robots}">' in html
