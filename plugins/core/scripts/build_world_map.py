"""Build the world map of maillage_core.worldmap from Natural Earth's country shapes.

Source: the ``world-atlas`` package on npm (Natural Earth 1:110m countries,
public domain, as TopoJSON). Run once when the shapes should change:

    cd /tmp && npm pack world-atlas@2 && tar xzf world-atlas-2.*.tgz
    python scripts/build_world_map.py /tmp/package/countries-110m.json \
        src/maillage_core/data/world-110m.json

Needs Django and django-countries (to turn ISO numeric codes into the
two-letter codes the plugins use). Writes SVG path data in the Equal
Earth projection (an equal-area projection: a country's shaded surface is
in proportion to its real one), rounded to one decimal in a 1000-wide box.
Antarctica is left out; shapes without an ISO code (disputed areas) too.
Writes the static file of the unshaded land too (``worldmap.base_svg()``),
from the shapes of the installed maillage_core: give it the package's own
``data/world-110m.json`` as target.
"""

import json
import math
import sys

import django
from django.conf import settings

A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2
WIDTH = 1000
LEFT_OUT = {"010"}  # Antarctica


def equal_earth(lon, lat):
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


def decode_arcs(topology):
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes, arcs):
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def polygons(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def path_data(rings, scale, x0, y0):
    parts = []
    for points in rings:
        previous = None
        commands = []
        for lon, lat in points:
            x, y = equal_earth(lon, lat)
            point = (round((x - x0) * scale, 1), round((y0 - y) * scale, 1))
            if point == previous:
                continue
            if previous is None:
                commands.append(f"M{point[0]:g} {point[1]:g}")
            else:
                dx, dy = round(point[0] - previous[0], 1), round(point[1] - previous[1], 1)
                # After the first "l", SVG repeats the command implicitly.
                commands.append(f"{'l' if len(commands) == 1 else ' '}{dx:g} {dy:g}")
            previous = point
        if len(commands) > 2:
            parts.append("".join(commands) + "z")
    return "".join(parts).replace(" -", "-")


def main(source, target):
    settings.configure(INSTALLED_APPS=["django_countries"], USE_I18N=False)
    django.setup()
    from django_countries import countries

    topology = json.load(open(source, encoding="utf-8"))
    arcs = decode_arcs(topology)
    shapes = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        numeric = geometry.get("id")
        code = countries.alpha2(int(numeric)) if numeric and numeric.isdigit() else ""
        if numeric in LEFT_OUT or not code:
            continue
        rings = [ring(r, arcs) for polygon in polygons(geometry) for r in polygon]
        shapes.setdefault(code, []).extend(rings)
    projected = [equal_earth(lon, lat) for rings in shapes.values() for r in rings for lon, lat in r]
    x0, x1 = min(p[0] for p in projected), max(p[0] for p in projected)
    y0, y1 = min(p[1] for p in projected), max(p[1] for p in projected)
    scale = WIDTH / (x1 - x0)
    data = {
        "source": "Natural Earth 1:110m countries (public domain), via the world-atlas npm package",
        "projection": "Equal Earth",
        "viewBox": f"0 0 {WIDTH} {math.ceil((y1 - y0) * scale)}",
        "shapes": {code: path_data(rings, scale, x0, y1) for code, rings in sorted(shapes.items())},
    }
    with open(target, "w", encoding="utf-8") as out:
        json.dump(data, out, separators=(",", ":"))
        out.write("\n")
    print(f"{len(data['shapes'])} countries written to {target}")
    # The land every map draws over, a static file (a test keeps it in step).
    from maillage_core import worldmap

    worldmap.shapes.cache_clear()
    worldmap.BASE_FILE.write_text(worldmap.base_svg(), encoding="utf-8")
    print(f"The unshaded land written to {worldmap.BASE_FILE}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
