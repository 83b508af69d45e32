"""The countries index and the country pages, as a visitor reaches them,
with maillage-core alone beside the plugin (inside the site, the other
plugins are installed but hold no data here)."""

import re

import pytest
from django.test import RequestFactory

from maillage_core import hooks as maillage_hooks
from maillage_countries.search import CountrySearchSource

pytestmark = pytest.mark.django_db


def test_a_country_page_shows_the_officers_introduction_facts_and_map(client, countries_index, make_profile):
    make_profile("SN")
    response = client.get("/pays/senegal/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Sénégal</h1>" in html and "Premier pays d’intervention" in html
    for fact in ("Dakar", "Français, wolof", "18\xa0000\xa0000 (2023)", 'href="https://sn.ambafrance.org/"',
                 'href="https://www.diplomatie.gouv.fr/fr/conseils-aux-voyageurs/senegal/"', "Afrique"):
        assert fact in html
    assert 'aria-label="Sénégal sur la carte du monde"' in html and "map-selected" in html
    assert '<link rel="canonical" href="http://testserver/pays/senegal/">' in html
    assert "country-section" not in html  # no plugin knows anything about it: introduction and facts only


def test_a_profile_with_nothing_but_its_country_still_reads_well(client, countries_index, make_profile):
    make_profile("BJ")
    html = client.get("/pays/benin/").content.decode()
    assert "<h1>Bénin</h1>" in html and "Capitale" not in html and "Afrique" in html


@pytest.mark.parametrize("path, status, location", [
    ("/pays/SN/", 301, "/pays/senegal/"),  # an ISO code leads to the French slug
    ("/pays/sn/", 301, "/pays/senegal/"),
    ("/pays/atlantide/", 404, None),  # no such country
    ("/pays/zz/", 404, None),
    ("/pays/mali/", 404, None),  # a country nobody wrote about nor works in
    ("/pays/s%C3%A9n%C3%A9gal/", 404, None),
    ("/pays/" + "x" * 300 + "/", 404, None),
])
def test_codes_redirect_to_the_canonical_address_and_unknown_countries_are_not_found(
        client, countries_index, make_profile, path, status, location):
    make_profile("SN")
    response = client.get(path)
    assert response.status_code == status
    if location:
        assert response["Location"] == location


def test_a_country_any_plugin_is_active_in_has_a_page_with_its_section(client, countries_index, contribution):
    html = client.get("/pays/mali/").content.decode()
    assert "<h1>Mali</h1>" in html
    assert '<h2 id="section-projects">Projets en cours</h2>' in html and "7 projets dans ce pays." in html
    assert "Capitale" not in html


def rows_of(html):
    """The country names of the index's table, in order."""
    import re

    body = html[html.index("<tbody>"):html.index("</tbody>")]
    return re.findall(r'<th scope="row"><a href="/pays/[-a-z]+/">([^<]+)</a>', body)


def test_the_index_lists_every_country_with_a_page_on_the_map_and_in_the_table(client, countries_index,
                                                                               make_profile, contribution):
    make_profile("SN")
    make_profile("BJ")
    make_profile("FR")
    html = client.get("/pays/").content.decode()
    assert rows_of(html) == ["Bénin", "France", "Mali", "Sénégal"]
    assert '<th scope="col"><a href="?tri=projects&amp;ordre=desc">Projets</a></th>' in html
    assert "<td>7</td>" in html and "<td>2</td>" in html
    for slug in ("benin", "france", "mali", "senegal"):
        assert f'<a href="/pays/{slug}/" aria-label=' in html  # linked on the map
    # The legend says what each shade counts, light to dark, up to Mali's 7.
    legend = html[html.index('<ul class="map-legend"'):]
    legend = legend[:legend.index("</ul>")]
    assert re.findall(r'map-level-(\d)" aria-hidden="true"></span>([^<]+)</li>', legend) == [
        ("1", "1 élément"), ("2", "2 éléments"), ("3", "3 éléments"), ("4", "4 à 5 éléments"), ("5", "6 à 7 éléments")]


@pytest.mark.parametrize("query, expected", [
    ("", ["Bénin", "France", "Mali", "Sénégal"]),
    ("?tri=pays&ordre=desc", ["Sénégal", "Mali", "France", "Bénin"]),
    ("?tri=projects&ordre=desc", ["Mali", "Sénégal", "Bénin", "France"]),
    ("?tri=projects&ordre=asc", ["Bénin", "France", "Sénégal", "Mali"]),
    ("?continent=afrique", ["Bénin", "Mali", "Sénégal"]),
    ("?continent=europe", ["France"]),
    ("?q=SENE", ["Sénégal"]),
    ("?q=benin", ["Bénin"]),  # accents folded
    ("?q=ma&continent=afrique", ["Mali"]),
])
def test_the_table_sorts_filters_and_searches_with_links_and_a_form(client, countries_index, make_profile,
                                                                    contribution, query, expected):
    for code in ("SN", "BJ", "FR"):
        make_profile(code)
    response = client.get("/pays/" + query)
    assert response.status_code == 200
    assert rows_of(response.content.decode()) == expected
    if query:
        assert '<meta name="robots" content="noindex, follow">' in response.content.decode()


def test_the_sorted_column_says_so_and_its_link_reverses_the_order(client, countries_index, make_profile,
                                                                   contribution):
    make_profile("SN")
    html = client.get("/pays/?tri=projects&ordre=desc").content.decode()
    assert ('<th scope="col" aria-sort="descending"><a href="?tri=projects&amp;ordre=asc">Projets '
            '<span aria-hidden="true">▼</span></a></th>') in html


@pytest.mark.parametrize("query, notice, rows", [
    ("?continent=mars", "Il n’y a pas de continent « mars » : tous les continents sont affichés.", ["Sénégal"]),
    ("?tri=population", "Le tableau ne peut pas être trié ainsi : il est trié par pays.", ["Sénégal"]),
    ("?tri=pays&ordre=hasard", "Le tableau ne peut pas être trié ainsi : il est trié par pays.", ["Sénégal"]),
    ("?q=" + "a" * 300, "Votre recherche a été raccourcie à ses 200 premiers caractères.", []),
    ("?q=%00%3Cscript%3Ealert(1)%3C/script%3E", "", []),
])
def test_bad_parameters_get_a_message_and_change_nothing(client, countries_index, make_profile, query, notice, rows):
    make_profile("SN")
    response = client.get("/pays/" + query)
    html = response.content.decode()
    assert response.status_code == 200
    assert notice in html and "<script>alert" not in html
    assert (rows_of(html) if "<tbody>" in html else []) == rows


def test_the_index_costs_the_same_queries_for_one_country_or_many(client, countries_index, make_profile,
                                                                  django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_profile("SN")
    client.get("/pays/")
    with CaptureQueriesContext(connection) as one:
        client.get("/pays/")
    one = len(one)  # read now: the next request empties the connection's log
    for code in ("BJ", "ML", "MG", "BF", "FR", "HT", "VN"):
        make_profile(code)
    client.get("/pays/")  # the new profiles renewed what is kept under the content version
    with django_assert_max_num_queries(one):
        assert len(rows_of(client.get("/pays/").content.decode())) == 8


def test_the_sitemap_and_site_search_include_country_pages(countries_index, make_profile, contribution):
    make_profile("SN", capital="Dakar")
    request = RequestFactory().get("/")
    locations = [entry["location"] for entry in countries_index.get_sitemap_urls(request)]
    assert locations == ["http://localhost/pays/", "http://localhost/pays/mali/", "http://localhost/pays/senegal/"]
    source = CountrySearchSource()
    [hit] = source.search("senegal", request=request).hits
    assert (hit.title, hit.url) == ("Sénégal", "/pays/senegal/") and "Premier pays" in hit.summary
    assert [h.title for h in source.search("DAKAR", request=request).hits] == ["Sénégal"]
    assert [h.title for h in source.search("mali", request=request).hits] == ["Mali"]
    assert source.search("atlantide", request=request).hits == []
    assert source.search("", request=request).total == 0


def test_core_checks_country_codes_before_any_plugin_sees_them(contribution):
    request = RequestFactory().get("/")
    assert [s.key for s in maillage_hooks.country_sections(request, " ml ")] == ["projects"]
    for wrong in ("", None, "M", "MLI", "<b>", "1 ", "é1"):
        assert maillage_hooks.country_sections(request, wrong) == []


def test_the_demo_writes_a_few_countries_once(root_page):
    from maillage_countries import demo
    from maillage_countries.models import CountryIndexPage, CountryProfile

    messages = []
    assert demo.load({}, messages.append) == 1 + len(demo.PROFILES)
    assert CountryIndexPage.objects.get().url == "/pays/"
    assert set(CountryProfile.objects.values_list("country", flat=True)) >= {"SN", "BJ", "MG"}
    assert demo.load({}, messages.append) == 0


def test_the_continent_filters_are_those_of_the_countries_listed(client, countries_index, make_profile):
    import re

    make_profile("SN")
    make_profile("FR")
    html = client.get("/pays/").content.decode()
    nav = html[html.index('class="countries-continents"'):html.index("</nav>", html.index('class="countries-continents"'))]
    assert re.findall(r'<a href="[^"]*"[^>]*>([^<]+)</a>', nav) == ["Tous les continents", "Afrique", "Europe"]
