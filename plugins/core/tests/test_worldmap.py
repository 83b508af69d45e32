"""The shared world map: shapes from Natural Earth, shades, links, legend."""

from maillage_core import worldmap


def test_the_shapes_cover_the_countries_of_cooperation():
    shapes = worldmap.shapes()["shapes"]
    assert len(shapes) > 170
    assert {"SN", "BF", "ML", "MG", "HT", "VN", "FR", "PS"} <= set(shapes)
    assert "AQ" not in shapes


def test_each_country_with_a_count_is_a_link_named_by_the_caller():
    svg = worldmap.render({"SN": 12, "ML": 1}, lambda code: f"/pays/{code}/", ["ML"],
                          label=lambda name, n: f"{name} — {n} x", title="Carte <des pays>")
    assert svg.count("<a ") == 2
    assert '<a href="/pays/SN/" aria-label="Sénégal — 12 x">' in svg
    assert 'aria-label="Carte &lt;des pays&gt;"' in svg
    assert 'class="map-level-5"' in svg and 'class="map-level-1 map-selected"' in svg


def test_shades_grow_with_the_count():
    levels = [worldmap.level(n, 1000) for n in (1, 5, 50, 300, 1000)]
    assert levels == sorted(levels) and levels[0] == 1 and levels[-1] == 5
    assert worldmap.level(0, 1000) == 0


def test_the_legend_covers_every_count_once():
    for highest in (1, 2, 7, 100, 45_000):
        steps = worldmap.legend(highest)
        covered = [n for _step, low, high in steps for n in range(low, min(high, 300) + 1)]
        assert covered == list(range(1, min(highest, 300) + 1))
        for step, low, high in steps:
            assert worldmap.level(low, highest) == step == worldmap.level(high, highest)


def test_islands_too_small_to_draw_are_named():
    assert worldmap.missing_from_map({"CV": 2, "SN": 1}) == ["CV"]
