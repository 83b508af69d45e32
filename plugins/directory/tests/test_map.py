"""The directory's map (drawn by core's world map): countries with actors link to the filtered directory."""

import pytest

from maillage_directory import worldmap
from maillage_directory.search.facets import DirectoryQuery, Vocabulary


def test_each_country_with_actors_is_a_named_link():
    svg = worldmap.render({"SN": 12, "ML": 1}, lambda code: f"?pays={code}")
    assert svg.count("<a ") == 2
    assert '<a href="?pays=SN" aria-label="Sénégal : 12 acteurs">' in svg
    assert 'aria-label="Carte des pays d’intervention"' in svg or "aria-label=\"Carte des pays d'intervention\"" in svg


@pytest.mark.django_db
@pytest.mark.parametrize("query_string", [
    "", "pays=SN", "q=l'eau potable&pays=ML&pays=BF&secteur=sante&tri=nom&page=3",
    "type=association&departement=2A&odd=3&page=2", "q=é&è=1",
])
def test_the_maps_links_are_the_query_with_one_country(vocabulary, rf, query_string):
    """``only_urls`` encodes the pairs around the country once: the same
    links as ``only`` for each country."""
    query = DirectoryQuery.from_request(rf.get("/annuaire/?" + query_string), Vocabulary())
    codes = ["SN", "ML", "HT", "CI"]
    assert query.only_urls("country", codes) == {code: query.only("country", code) for code in codes}
