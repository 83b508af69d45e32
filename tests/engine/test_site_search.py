"""Site search on the real engine, through the search page as a visitor
uses it: the relevance table (``relevance.tsv``, each row's query must
bring its expected result first), one engine request per page, counts per
kind, blending, marked excerpts, "did you mean" and suggestions; and the
sitemap listing every public object page. The fixture set holds
every kind of content, is made and indexed once for the module (inside a
transaction rolled back at its end) and only searched by the tests."""

import csv
import html
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from maillage_core.testing.tree import ensure_site_tree, publish_child

pytestmark = pytest.mark.django_db

TABLE = Path(__file__).with_name("relevance.tsv")
# Each result says where it was found, in words (labelled metadata).
KIND = re.compile(r'<p class="result-kind"><span class="card-label">Trouvé dans :</span> ([^<]*)</p>')
FIRST_TITLE = re.compile(r'<ul class="search-results">\s*<li>\s*<h3><a href="[^"]*">([^<]*)</a>')

ACTORS = [
    dict(name="Réseau RESACOOP", acronym="RESACOOP", city="Lyon",
         description="<p>Le réseau régional multi-acteurs de la coopération internationale.</p>"),
    dict(name="Bioforce", city="Vénissieux", countries=["SN"], description="<p>Les métiers de l'humanitaire.</p>"),
    dict(name="Santé Sud", countries=["ML"], description="<p>Médecins généralistes et centres de santé.</p>"),
    dict(name="Mairie de Saint-Genis-d'Aoste", city="Saint-Genis-d'Aoste", countries=["BJ"]),
    dict(name="Amis de Saint-Genis-Laval", city="Saint-Genis-Laval"),
    dict(name="Association d'Aoste", city="Aoste"),
    dict(name="Éducation sans frontières", countries=["MG"], description="<p>Écoles rurales.</p>"),
    dict(name="Eau Vive Internationale", acronym="EVI", countries=["NE", "BF"], sectors=["eau-assainissement", "sante"],
         description="<p>Accès à l'eau potable et assainissement.</p>"),
    dict(name="Ville de Voiron", city="Voiron", countries=["BF"]),
    dict(name="Hôpital de la Croix-Rousse", city="Lyon", description="<p>Partenariats hospitaliers.</p>"),
    dict(name="Lycée agricole de Montbrison", city="Montbrison", countries=["MG"]),
    dict(name="Cités Unies France", acronym="CUF", countries=["CI", "CM"], description="<p>Les collectivités.</p>"),
    dict(name="Agronomes et Vétérinaires sans frontières", acronym="AVSF", countries=["ML", "SN"]),
    dict(name="Comité de jumelage Voiron-Koudougou", city="Voiron", countries=["BF"], sectors=["education"]),
    dict(name="Amis du Nigeria", countries=["NG"]),
]
PAGES = [
    ("Coopération décentralisée", "Les collectivités territoriales et leurs partenariats à l'étranger."),
    ("Nos partenaires", "Bioforce, Santé Sud et le réseau RESACOOP travaillent ensemble."),
    ("L'eau et l'assainissement", "Les projets d'accès à l'eau dans la région."),
    ("Santé mondiale", "Les projets de santé <script>alert(1)</script> des acteurs de la région."),
    # "Santo" is "santé" with one typo: found by it only while "santé" is not known to be frequent.
    ("Carnet de route", "Une escale à Santo, au Cap-Vert, avant Praia."),
]


def build_fixture_set(home):
    from home.models import ContentPage
    from maillage_core.data.seed import ensure_vocabulary
    from maillage_core.models import Sector
    from maillage_directory.models import DirectoryPage
    from maillage_directory.testing import make_actor
    from maillage_funding.models import Funder, FundingCall, FundingSearchPage
    from maillage_groups.models import GroupIndexPage
    from maillage_groups.testing import make_group
    from maillage_training.models import TrainingIndexPage, TrainingPage, TrainingSession
    from maillage_youth.demo import load_schemes
    from maillage_youth.models import (
        Offer,
        OfferBoardPage,
        SchemeIndexPage,
        Testimony,
        TestimonyIndexPage,
        YouthSpacePage,
    )

    ensure_vocabulary()
    publish_child(home, DirectoryPage(title="Annuaire des acteurs", slug="annuaire"))
    for fields in ACTORS:
        make_actor(**fields)
    for title, intro in PAGES:
        publish_child(home, ContentPage(title=title, intro=intro))
    programme = publish_child(home, TrainingIndexPage(title="Programme de formation", slug="formations"))
    funding = publish_child(programme, TrainingPage(title="Rechercher des financements",
                                                    summary="Panorama des financeurs publics et privés."))
    start = timezone.now() + timedelta(days=6)
    for status in (TrainingSession.Status.OPEN, TrainingSession.Status.CANCELLED):
        TrainingSession.objects.create(training=funding, start=start, end=start + timedelta(hours=3), capacity=12,
                                       city="Lyon", status=status)
    make_actor("Acteur en brouillon", live=False)
    publish_child(programme, TrainingPage(title="Monter un projet de solidarité internationale",
                                          summary="La méthode d'un projet, du diagnostic à l'évaluation."))
    groups = publish_child(home, GroupIndexPage(title="Groupes de travail", slug="groupes"))
    make_group(groups, "Groupe pays Burkina Faso", countries=["BF"])
    make_group(groups, "Groupe thématique Santé", summary="Les acteurs de la santé échangent leurs pratiques.")
    space = publish_child(home, YouthSpacePage(title="Espace Jeunes", slug="espace-jeunes"))
    load_schemes(publish_child(space, SchemeIndexPage(title="Dispositifs", slug="dispositifs")))
    publish_child(space, OfferBoardPage(title="Offres", slug="offres"))
    publish_child(space, TestimonyIndexPage(title="Témoignages", slug="temoignages",
                                            publication_terms="<p>Votre adresse n'est jamais publiée.</p>"))
    now = timezone.now()
    for title, country, days, sector in [("Stage en agroécologie au Bénin", "BJ", 30, "agriculture"),
                                         ("Chargée de projet eau potable", "SN", 30, "eau-assainissement"),
                                         ("Stage clos au Togo", "TG", -2, "education")]:
        Offer.objects.create(
            title=title, country=country, kind="internship", live=True, organisation="Les Amis de Koudougou",
            sector=Sector.objects.get(slug=sector),
            description="<p>Une mission auprès d'une coopérative.</p>", how_to_apply="CV et lettre.",
            closing_date=timezone.localdate() + timedelta(days=days), first_published_at=now, last_published_at=now,
        )
    Testimony.objects.create(title="Six mois à Kpalimé", country="TG", author_name="Léa", year=2024,
                             text="Une belle expérience dans une école.", live=True, first_published_at=now)
    publish_child(home, FundingSearchPage(title="Appels à projets", slug="appels"))
    funder = Funder.objects.create(name="Fondation des communes", kind="foundation")
    # The second call is open to every country: it names none of them.
    for title, countries in [("Fonds sahélien des communes", ["BF", "NE"]), ("Fonds mondial des communes", [])]:
        call = FundingCall(title=title, summary="Des forages avec les communes partenaires.", countries=countries,
                           live=True, closes_on=timezone.localdate() + timedelta(days=40), first_published_at=now,
                           last_published_at=now)
        call.funders = [funder]
        call.sectors = list(Sector.objects.filter(slug="eau-assainissement"))
        call.save()


@pytest.fixture(scope="module")
def _fixture_set(django_db_setup, django_db_blocker, _engine_schema):
    from home.models import HomePage

    engine = _engine_schema
    with django_db_blocker.unblock(), transaction.atomic():
        engine.clear()
        build_fixture_set(ensure_site_tree(lambda: HomePage(title="Accueil", slug="home")))
        engine.index_all()
        yield engine
        transaction.set_rollback(True)
    engine.clear()


@pytest.fixture
def fixture_set(_fixture_set, db):
    return _fixture_set


def rows():
    lines = [line for line in TABLE.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    table = list(csv.DictReader(lines, delimiter="\t"))
    return [pytest.param(row, id=f"{row['query']}[{row['kind']}]") for row in table]


def search_page(client, query, kind="", **params):
    response = client.get(reverse("search"), {"q": query, **({"type": kind} if kind else {}), **params})
    assert response.status_code == 200
    return response.content.decode()


def first_result(client, query, kind):
    found = FIRST_TITLE.search(search_page(client, query, kind))
    return html.unescape(found.group(1)) if found else ""


def test_the_table_is_large_enough():
    assert len(rows()) >= 40


@pytest.mark.parametrize("row", rows())
def test_relevance_table(client, fixture_set, row):
    expected = [title.strip() for title in row["first result"].split("|") if title.strip()]
    found = first_result(client, row["query"], row["kind"])
    assert (found in expected) if expected else found == "", f"{row['checks']}: got {found!r}"


TITLES = re.compile(r'<h3><a href="[^"]*">([^<]*)</a></h3>')


@pytest.mark.parametrize("query, kind, titles", [
    # Two changes to a word of seven letters make another country (Niger).
    ("nigeria", "actors", {"Amis du Nigeria"}),
    # One change below eleven letters, two from there.
    ("bioforse", "actors", {"Bioforce"}),
    ("intarnationnale", "actors", {"Eau Vive Internationale", "Réseau RESACOOP"}),
])
def test_typos_are_matched_by_the_length_of_the_word(client, fixture_set, query, kind, titles):
    found = {html.unescape(title) for title in TITLES.findall(search_page(client, query, kind))}
    assert found == titles


@pytest.fixture
def engine_requests(monkeypatch):
    """The HTTP requests the site's engine client sends, as (method, path)."""
    from modelsearch.backends import get_search_backend

    transport = get_search_backend().es.transport
    sent, perform = [], transport.perform_request

    def counted(method, url, *args, **kwargs):
        sent.append((method, url))
        return perform(method, url, *args, **kwargs)

    monkeypatch.setattr(transport, "perform_request", counted)
    return sent


@pytest.mark.parametrize("query, kind, page, narrowed", [
    ("santé", "", 1, {}), ("de", "", 2, {}), ("Voiron", "actors", 1, {}), ("zzzzzzzz", "", 1, {}),
    ("Burkina Faso", "", 1, {"pays": "BF"}), ("Koudougou", "offers", 1, {"secteur": "agriculture", "pays": "BJ"}),
])
def test_each_results_page_asks_the_engine_once(client, fixture_set, engine_requests, query, kind, page, narrowed):
    html_page = search_page(client, query, kind, page=page, **narrowed)
    assert len(engine_requests) == 1, engine_requests
    if page > 1:
        assert f"Page {page} sur" in html_page


@pytest.fixture
def engine_searches(monkeypatch):
    """The (header, body) pairs of the multi-searches the site sends."""
    from modelsearch.backends import get_search_backend

    backend_class = type(get_search_backend())
    sent, send = [], backend_class.send_multi_search

    def recorded(self, client, searches):
        sent.extend(zip(searches[::2], searches[1::2], strict=True))
        return send(self, client, searches)

    monkeypatch.setattr(backend_class, "send_multi_search", recorded)
    return sent


@pytest.fixture
def shards_unknown(monkeypatch):
    """This process has not learnt yet how many shards the indexes hold."""
    from maillage_core.search.backends import base

    monkeypatch.setattr(base, "SHARDS_SEEN", {})


def test_one_kind_skips_the_dfs_phase_once_its_indexes_have_one_shard(client, fixture_set, engine_searches,
                                                                       shards_unknown):
    first = search_page(client, "santé", "actors")
    again = search_page(client, "santé", "actors")
    (first_header, _body), (again_header, _body) = engine_searches
    assert first_header.get("search_type") == "dfs_query_then_fetch"  # shards not known yet
    assert "search_type" not in again_header
    assert re.findall(TITLES, again) == re.findall(TITLES, first)
    assert "Santé Sud" in {html.unescape(title) for title in TITLES.findall(again)}


def test_a_blended_search_keeps_the_dfs_phase(client, fixture_set, engine_searches, shards_unknown):
    search_page(client, "santé", "actors")  # the shards are learnt
    search_page(client, "santé")
    (_one, _body), (blended, _body) = engine_searches
    assert blended["search_type"] == "dfs_query_then_fetch"


def titles_found(client, query, kind=""):
    return {html.unescape(title) for title in TITLES.findall(search_page(client, query, kind))}


def test_frequent_words_are_matched_without_typos_and_rare_ones_with(client, fixture_set, engine_searches,
                                                                     monkeypatch):
    from maillage_core.search import frequent_words

    # The fixture set is small: "santé" (several documents) counts as frequent, "bioforce" (one) does not.
    monkeypatch.setattr(frequent_words, "FREQUENT", 3)
    frequent_words.counts().clear()
    assert "Carnet de route" in titles_found(client, "santé", "pages")  # counts unknown: "Santo" is a typo of it
    counted = engine_searches[0][1]["aggs"][frequent_words.AGGREGATION]["aggs"]["words"]["filters"]["filters"]
    assert set(counted) == {"sante"}
    assert frequent_words.counts()["sante"] >= 3
    found = titles_found(client, "santé", "pages")
    assert "Carnet de route" not in found and "Santé mondiale" in found
    assert frequent_words.AGGREGATION not in engine_searches[1][1]["aggs"]  # counted once
    assert titles_found(client, "bioforse", "actors") == {"Bioforce"}  # a rare word keeps its typos
    assert frequent_words.counts()["bioforse"] == 0


def test_the_suggester_is_asked_once_per_word_and_never_about_a_frequent_word(client, fixture_set, engine_searches,
                                                                              monkeypatch):
    from maillage_core.search import frequent_words

    monkeypatch.setattr(frequent_words, "FREQUENT", 3)
    frequent_words.suggestions().clear()
    search_page(client, "santé")  # counted
    first = search_page(client, "madagscar santé")
    again = search_page(client, "madagscar santé")
    assert engine_searches[1][1]["suggest"]["text"] == "madagscar"  # "santé" is frequent
    assert "suggest" not in engine_searches[2][1]  # every word's answer is kept
    assert 'Vous vouliez dire : <a href="?q=madagascar%20sant%C3%A9">' in first
    assert again == first


def test_anonymous_searches_compile_the_sources_filters_once(client, fixture_set, monkeypatch):
    """The filters of every source are the same for every anonymous visitor:
    made for the first search, kept for the next searches and suggestions."""
    from modelsearch.backends import get_search_backend

    backend_class = type(get_search_backend())
    compiled, compile_parts = [], backend_class.engine_query_parts

    def counted(self, queryset, **kwargs):
        compiled.append(queryset.model)
        return compile_parts(self, queryset, **kwargs)

    monkeypatch.setattr(backend_class, "engine_query_parts", counted)
    first = search_page(client, "santé")
    made = len(compiled)
    assert made >= 5
    assert search_page(client, "santé") == first
    search_page(client, "eau", "actors", pays="BF")
    assert client.get(reverse("search_suggestions"), {"q": "biof"}).json()["suggestions"]
    assert len(compiled) == made


def test_tabs_count_each_kind_and_results_blend_kinds(client, fixture_set):
    page = search_page(client, "Burkina Faso")
    assert 'Groupes de travail <span class="result-meta">(1)</span>' in page
    assert 'Acteurs <span class="result-meta">(3)</span>' in page
    assert '<span class="result-meta">(0)</span>' in page  # the kinds where it is not found say so
    assert 'Appels à projets et financements <span class="result-meta">(1)</span>' in page
    kinds = re.findall(KIND, page)
    assert kinds[0] == "Groupes de travail"
    assert sorted(kinds[1:5]) == ["Acteurs"] * 3 + ["Appels à projets et financements"]


def test_picking_a_kind_keeps_the_other_kinds_counts(client, fixture_set):
    page = search_page(client, "Burkina Faso", "actors")
    assert 'Groupes de travail <span class="result-meta">(1)</span>' in page
    assert set(re.findall(KIND, page)) == {"Acteurs"}


def test_excerpts_mark_the_words_found_folded_and_escaped(client, fixture_set):
    page = search_page(client, "sante", "pages")
    assert "<mark>santé</mark>" in page  # "sante" typed, "santé" marked
    assert "&lt;script&gt;alert(1)" in page and "<script>alert(1)" not in page


@pytest.mark.parametrize(
    "query, suggestion", [("madagscar", "madagascar"), ("cooperasion decentralisee", "cooperation decentralisee")]
)
def test_a_search_finding_little_suggests_a_spelling(client, fixture_set, query, suggestion):
    page = search_page(client, query)
    link = suggestion.replace(" ", "%20")
    assert f'Vous vouliez dire : <a href="?q={link}">{suggestion}</a>' in page


def test_a_search_finding_enough_suggests_nothing(client, fixture_set):
    assert "Vous vouliez dire" not in search_page(client, "santé")


@pytest.mark.parametrize(
    "query, first, count, requests",
    [
        ("biof", ("Bioforce", "Acteurs"), 1, 1),
        ("coop decen", ("Coopération décentralisée", "Pages"), 1, 1),
        ("corps europ", ("Corps européen de solidarité", "Dispositifs d’engagement"), 1, 1),
        ("de", None, 8, 1),  # many titles have such a word: eight at most
        ("biofroce", None, 0, 1),  # a half-typed word is not a typo
        ("", None, 0, 0),
        ("\x00", None, 0, 0),
    ],
)
def test_suggestions_offer_titles_across_kinds(client, fixture_set, engine_requests, query, first, count, requests):
    response = client.get(reverse("search_suggestions"), {"q": query})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    suggestions = response.json()["suggestions"]
    assert len(suggestions) == count
    if first:
        assert (suggestions[0]["title"], suggestions[0]["kind"]) == first
        assert suggestions[0]["url"].startswith("/")
    assert len(engine_requests) == requests


def test_the_sitemap_lists_every_public_object_page_of_every_plugin(client, fixture_set):
    from maillage_directory.models import Actor
    from maillage_training.models import TrainingSession
    from maillage_youth.models import Offer, Testimony

    sessions = {session.status: session.pk for session in TrainingSession.objects.all()}
    xml = client.get("/sitemap.xml").content.decode()
    locations = set(re.findall(r"<loc>http://localhost([^<]*)</loc>", xml))
    expected = {
        "/annuaire/bioforce/", "/annuaire/cites-unies-france/",  # actors
        "/espace-jeunes/dispositifs/corps-europeen-de-solidarite/",  # schemes (pages)
        "/groupes/groupe-pays-burkina-faso/",  # groups (pages)
        "/formations/rechercher-des-financements/",  # trainings (pages)
        f"/espace-jeunes/offres/{Offer.objects.get(title__startswith='Chargée').slug}/",
        f"/espace-jeunes/temoignages/{Testimony.objects.get().pk}/",
        f"/formations/rechercher-des-financements/sessions/{sessions[TrainingSession.Status.OPEN]}/",
    }
    assert expected <= locations, expected - locations
    left_out = {
        f"/annuaire/{Actor.objects.get(live=False).slug}/",
        f"/espace-jeunes/offres/{Offer.objects.get(title='Stage clos au Togo').slug}/",
        f"/formations/rechercher-des-financements/sessions/{sessions[TrainingSession.Status.CANCELLED]}/",
    }
    assert not left_out & locations
    assert len([loc for loc in locations if loc.startswith("/annuaire/") and loc != "/annuaire/"]) == len(ACTORS)


REFINE_LINK = re.compile(r'<a href="([^"]*)"(?: aria-current="true")?>([^<]*) <span class="result-meta">\((\d+)\)</span>')
RESULTS = re.compile(r"<h2>(\d+) résultats?</h2>")


def refine_links(page, dimension):
    """{label: (count, address)} of the links narrowing by ``dimension``."""
    found = re.search(rf'<nav class="search-refine" aria-labelledby="search-refine-{dimension}">(.*?)</nav>', page, re.S)
    links = REFINE_LINK.findall(found.group(1)) if found else []
    return {html.unescape(label): (int(count), html.unescape(url)) for url, label, count in links}


def direct_counts(country, name):
    """Countries and sectors (French names) of what the site search can
    narrow (actors, open offers, current calls, testimonies), counted in
    the database: the records of ``country``, or whose name holds ``name``."""
    from collections import Counter

    from maillage_directory.models import Actor
    from maillage_funding.models import FundingCall
    from maillage_youth.models import Offer, Testimony

    actors, calls = Actor.objects.live(), FundingCall.objects.current()
    offers, testimonies = Offer.objects.open(), Testimony.objects.published()
    if country:
        actors, calls = actors.filter(countries__contains=country), calls.filter(countries__contains=country)
        offers, testimonies = offers.filter(country=country), testimonies.filter(country=country)
    else:
        actors, offers = actors.filter(name__icontains=name), offers.filter(organisation__icontains=name)
        calls, testimonies = calls.none(), testimonies.none()
    by_country, by_sector = Counter(), Counter()
    for record in [*actors, *calls]:
        by_country.update(str(each.name) for each in record.countries)
        by_sector.update(sector.name for sector in record.sectors.all())
    for offer in offers:
        by_country[str(offer.country.name)] += 1
        by_sector.update([offer.sector.name] if offer.sector else [])
    by_country.update(str(testimony.country.name) for testimony in testimonies)
    return dict(by_country), dict(by_sector)


@pytest.mark.parametrize("query, country, name", [("Burkina Faso", "BF", ""), ("Koudougou", "", "Koudougou")])
def test_counts_per_country_and_sector_equal_direct_counts(client, fixture_set, engine_requests, query, country,
                                                           name):
    page = search_page(client, query)
    assert len(engine_requests) == 1  # the counts came with the hits
    countries, sectors = direct_counts(country, name)
    assert countries and sectors
    shown = {dimension: refine_links(page, dimension) for dimension in ("country", "sector")}
    assert {label: count for label, (count, _url) in shown["country"].items()} == countries
    assert {label: count for label, (count, _url) in shown["sector"].items()} == sectors
    # Each link narrows the search to as many results as it said.
    for links in shown.values():
        for count, url in links.values():
            narrowed = client.get(reverse("search") + url)
            assert narrowed.status_code == 200
            assert RESULTS.search(narrowed.content.decode()).group(1) == str(count), url
    assert len(engine_requests) == 1 + sum(len(links) for links in shown.values())


def test_each_source_counts_its_own_countries_and_sectors_once(client, fixture_set, engine_searches):
    """Without a country or sector chosen, a source's refine columns are
    counted under its own filter, not in every kind's bucket (where most
    kinds have no such column); a picked kind counts its own only."""
    blended = search_page(client, "Burkina Faso")
    picked = search_page(client, "Burkina Faso", "actors")
    (_header, everything), (_header, actors_only) = engine_searches
    assert "aggs" not in everything["aggs"]["kinds"]["aggs"]["kinds"]  # the kinds' count alone
    counted = {name for name in everything["aggs"] if name.startswith("values__")}
    assert counted == {"values__actors", "values__funding", "values__offers", "values__testimonies"}
    assert {name for name in actors_only["aggs"] if name.startswith("values__")} == {"values__actors"}
    countries, _sectors = direct_counts("BF", "")
    assert refine_links(blended, "country")["Burkina Faso"][0] == countries["Burkina Faso"]
    assert refine_links(picked, "country")["Burkina Faso"][0] == 3  # the actors alone


def test_narrowing_keeps_the_other_choices_and_counts_each_kind_within_it(client, fixture_set):
    page = search_page(client, "Burkina Faso", "actors", pays="NE")
    assert RESULTS.search(page).group(1) == "1"  # Eau Vive Internationale
    assert 'Acteurs <span class="result-meta">(1)</span>' in page
    assert 'Appels à projets et financements <span class="result-meta">(1)</span>' in page
    assert 'Groupes de travail <span class="result-meta">(0)</span>' in page  # groups name no country field
    # Other countries stay offered, counted for the kind picked; links keep the words, kind and sector.
    assert refine_links(page, "country")["Burkina Faso"][0] == 3
    count, url = refine_links(page, "sector")["Santé"]
    assert count == 1 and url == "?q=Burkina%20Faso&type=actors&pays=NE&secteur=sante"
    assert '<input type="hidden" name="pays" value="NE">' in page  # a new search keeps the country
    # A kind that names no country finds nothing there, and says how to drop the country.
    pages = search_page(client, "santé", "pages", pays="ML")
    assert RESULTS.search(pages).group(1) == "0"
    assert '<a href="?q=sant%C3%A9&amp;type=pages">Tous</a>' in pages


@pytest.mark.parametrize(
    "narrowed, notice",
    [
        ({"pays": "ZZ"}, "Il n’y a pas de pays « ZZ » ; voici tous les pays."),
        ({"secteur": "pêche"}, "Il n’y a pas de secteur « pêche » ; voici tous les secteurs."),
        ({"pays": "<b>BF</b>"}, "Il n’y a pas de pays « &lt;b&gt;BF&lt;/b&gt; »"),
        ({"pays": "B" * 500}, "Il n’y a pas de pays « " + "B" * 40 + " »"),
        ({"pays": "bf"}, None),  # a code in lower case is still that country
    ],
)
def test_an_unknown_country_or_sector_is_dropped_with_a_notice(client, fixture_set, narrowed, notice):
    every, page = search_page(client, "Koudougou"), search_page(client, "Koudougou", **narrowed)
    if notice:
        assert notice in page
        assert RESULTS.search(page).group(1) == RESULTS.search(every).group(1)
    else:
        assert RESULTS.search(page).group(1) == "1"  # the Voiron-Koudougou twinning committee


def test_a_renamed_sector_is_offered_under_its_new_name_by_the_next_search(client, fixture_set):
    """The sectors are kept in the process between searches: a change reaches the next one all the same."""
    from maillage_core.models import Sector

    sector = Sector.objects.get(slug="eau-assainissement")
    former = sector.name
    assert f"secteur=eau-assainissement\">{html.escape(former)} " in search_page(client, "eau")
    sector.name = "Eau potable et forages"
    sector.save()
    try:
        page = search_page(client, "eau")
        assert 'secteur=eau-assainissement">Eau potable et forages ' in page
        assert html.escape(former) not in page
    finally:
        sector.name = former
        sector.save()  # kept under a new version again, for the tests after this one


@pytest.mark.parametrize("kind, one, several", [
    ("trainings", "financements", "de"), ("groups", "thématique", "groupe"),
    # Each kind's records are loaded with only the fields their results show: none read one more per result.
    ("actors", "bioforce", "frontières"), ("offers", "agroécologie", "koudougou"), ("funding", "sahélien", "communes"),
    ("pages", "carnet", "santé"),
])
def test_a_results_page_makes_as_many_queries_for_one_result_as_for_several(client, fixture_set, kind, one, several):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counted = {}
    for query in (one, several):
        search_page(client, query, kind)  # caches warmed (the site, the page chrome)
        with CaptureQueriesContext(connection) as queries:
            page = search_page(client, query, kind)
        counted[query] = (len(re.findall(r'<p class="result-kind">', page)), len(queries))
    assert counted[one][0] == 1 and counted[several][0] > 1, counted
    assert counted[one][1] == counted[several][1], counted
