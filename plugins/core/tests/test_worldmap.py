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


def test_a_map_focused_on_a_country_shows_its_region():
    left, top, right, bottom = worldmap.bounds("SN")
    assert 440 < left < right < 470 and 170 < top < bottom < 210  # west of Africa, north of the equator
    assert worldmap.bounds("CV") is None and worldmap.render({}, str, focus="CV").startswith(
        '<svg class="world-map" viewBox="0 0 1000 440"')
    x, y, width, height = (float(v) for v in worldmap.view_around("SN").split())
    assert x < left and right < x + width and y < top and bottom < y + height
    assert 60 <= width < 200 and abs(height / width - 0.44) < 0.01
    assert f'viewBox="{worldmap.view_around("SN")}"' in worldmap.render({}, str, ["SN"], focus="SN")


def test_a_large_country_zooms_no_further_out_than_the_world():
    assert worldmap.view_around("RU") == "0.0 0.0 1000.0 440.0"
    x, y, width, height = (float(v) for v in worldmap.view_around("NZ").split())
    assert x >= 0 and y >= 0 and x + width <= 1000.01 and y + height <= 440.01


def test_the_unshaded_land_is_a_static_file_under_the_inline_countries():
    from django.contrib.staticfiles import finders

    assert worldmap.BASE_FILE.read_text(encoding="utf-8") == worldmap.base_svg()  # rebuilt with the shapes
    assert finders.find(worldmap.BASE) == str(worldmap.BASE_FILE)
    svg = worldmap.render({"SN": 12, "ML": 1}, str, ["FR"])
    assert '<image href="/static/maillage_core/world-map.svg" x="0" y="0" width="1000" height="440"' in svg
    # Only the countries it counts or marks: a few hundred bytes, not the 75 KB of the world's shapes.
    assert svg.count("<path") == 3 and 'class="map-level-0 map-selected"' in svg
    assert len(worldmap.render({}, str, ["SN"], focus="SN")) < 2000
