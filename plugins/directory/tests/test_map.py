"""The directory's map (drawn by core's world map): countries with actors link to the filtered directory."""

from maillage_directory import worldmap


def test_each_country_with_actors_is_a_named_link():
    svg = worldmap.render({"SN": 12, "ML": 1}, lambda code: f"?pays={code}")
    assert svg.count("<a ") == 2
    assert '<a href="?pays=SN" aria-label="Sénégal : 12 acteurs">' in svg
    assert 'aria-label="Carte des pays d’intervention"' in svg or "aria-label=\"Carte des pays d'intervention\"" in svg
