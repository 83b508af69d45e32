"""A world map of countries: an inline SVG, no tiles, no script, shared by
every plugin that shows figures per country (the directory's actors, the
countries index).

Each country with a count is a link, with an accessible name the caller
words ("Sénégal : 12 acteurs"); its shade says how big the count is (five
steps on a logarithmic scale, since a few countries gather most of it).
Shapes come from ``data/world-110m.json`` (see ``scripts/build_world_map.py``).

The land every map shares (every country, unshaded: 75 KB of paths) is a
static file, ``static/maillage_core/world-map.svg`` (``base_svg()``), which
browsers and proxies keep for a year; a page carries inline only the
countries it links or marks, drawn over it.
"""

import json
import math
import re
from functools import cache
from pathlib import Path

from django.templatetags.static import static
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django_countries import countries

from .words import country_names

DATA = Path(__file__).parent / "data" / "world-110m.json"
BASE = "maillage_core/world-map.svg"  # a static file, written from DATA by base_svg()
BASE_FILE = Path(__file__).parent / "static" / BASE
LEVELS = 5
# The unshaded land's colours, as maillage.css gives .map-level-0 (an image's
# inside is out of the page's style sheet's reach).
LAND, BORDER = "#d9d9d9", "#fff"


@cache
def shapes():
    return json.loads(DATA.read_text(encoding="utf-8"))


def level(count, highest):
    if count <= 0 or highest <= 0:
        return 0
    if highest == 1:
        return LEVELS
    return 1 + min(LEVELS - 1, int((LEVELS - 1) * math.log(count) / math.log(highest) + 0.5))


def lowest_of_level(step, highest):
    if step == 1:
        return 1
    n = max(1, math.ceil(highest ** ((step - 1.5) / (LEVELS - 1))))
    while n <= highest and level(n, highest) < step:
        n += 1
    while n > 1 and level(n - 1, highest) >= step:
        n -= 1
    return n


def legend(highest):
    """(level, lowest, highest count) for each step in use, light to dark."""
    if highest <= 0:
        return []
    lows = [lowest_of_level(step, highest) for step in range(1, LEVELS + 1)] + [highest + 1]
    return [(step, lows[step - 1], lows[step] - 1) for step in range(1, LEVELS + 1) if lows[step - 1] < lows[step]]


def described_legend(highest, describe):
    """(level, text) for each step in use, ``describe(lowest, highest)``
    saying in the plugin's words what that shade counts; for the template
    ``maillage_core/includes/map_legend.html``."""
    return [(step, describe(low, high)) for step, low, high in legend(highest)]


COMMANDS = re.compile(r"([Mlz])([^Mlz]*)")
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


@cache
def bounds(code):
    """(left, top, right, bottom) of a country's shape, or None when it is
    not drawn. Paths are "M x y" then relative "l dx dy" steps (see the build script)."""
    path = shapes()["shapes"].get(code)
    if not path:
        return None
    xs, ys, x, y = [], [], 0.0, 0.0
    for command, numbers in COMMANDS.findall(path):
        values = [float(n) for n in NUMBER.findall(numbers)]
        for first, second in zip(values[::2], values[1::2], strict=False):
            if command == "M":  # pairs after a moveto's first are absolute linetos
                x, y = first, second
            else:
                x, y = x + first, y + second
            xs.append(x)
            ys.append(y)
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def view_around(code, context=3.0, smallest=60.0):
    """A viewBox showing ``code`` in its region: ``context`` times its size
    (at least ``smallest`` map units wide), in the map's proportions."""
    box = bounds(code)
    if box is None:
        return None
    left, top, right, bottom = box
    _x, _y, width, height = (float(v) for v in shapes()["viewBox"].split())
    ratio = height / width
    w = min(max(right - left, (bottom - top) / ratio, smallest / context) * context, width)
    h = w * ratio
    # Centred on the country, but never past the world's edges.
    x = min(max((left + right) / 2 - w / 2, 0.0), width - w)
    y = min(max((top + bottom) / 2 - h / 2, 0.0), height - h)
    return f"{x:.1f} {y:.1f} {w:.1f} {h:.1f}"


def count_label(name, count):
    return _("%(country)s: %(count)s") % {"country": name, "count": count}


def base_svg():
    """The static file's text: every country's shape, unshaded, nothing to
    read or choose (the page's own map names and links them)."""
    data = shapes()
    _x, _y, width, height = data["viewBox"].split()
    paths = "".join(f'<path d="{path}"/>' for path in data["shapes"].values())
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{data["viewBox"]}" width="{width}" height="{height}">'
            f'<g fill="{LAND}" stroke="{BORDER}" stroke-width=".4">{paths}</g></svg>\n')


def render(country_counts, url_for, selected=(), *, label=count_label, title=None, focus=None):
    """The SVG markup; ``url_for(code)`` gives the link of a country,
    ``label(name, count)`` its accessible name, ``title`` the map's;
    ``focus``, a country the map is centred on, zoomed to its region.
    Countries without a count, unless selected, are the static land's."""
    data = shapes()
    names = country_names()  # translated once per process and language: a map names dozens
    highest = max(country_counts.values(), default=0)
    title = title or _("World map")
    view = (view_around(focus) if focus else None) or data["viewBox"]
    _x, _y, width, height = data["viewBox"].split()
    parts = [
        f'<svg class="world-map" viewBox="{view}" role="group" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">'
        f'<image href="{escape(static(BASE))}" x="0" y="0" width="{width}" height="{height}" aria-hidden="true"/>'
    ]
    for code, path in data["shapes"].items():
        count = country_counts.get(code, 0)
        if not count and code not in selected:
            continue
        css = f"map-level-{level(count, highest)}" + (" map-selected" if code in selected else "")
        if count:
            name = escape(label(names.get(code) or countries.name(code), count))
            parts.append(
                f'<a href="{escape(url_for(code))}" aria-label="{name}"><title>{name}</title>'
                f'<path class="{css}" d="{path}"/></a>'
            )
        else:
            parts.append(f'<path class="{css}" d="{path}"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))


def missing_from_map(country_counts):
    """Countries with a count but too small to draw at this scale (islands)."""
    drawn = shapes()["shapes"]
    return sorted(code for code, count in country_counts.items() if count and code not in drawn)
