"""The Espace Jeunes under load, beside hello-world and the site's own
content page, served with gunicorn as ``bench/run.py`` does.

    .venv/bin/python bench/youth.py [--rounds 3] [--seconds 5]

Uses bench/var/ (the demo youth space: the main schemes, about forty
offers of which some closed, a dozen testimonies, four guides).
"""

import re
import sys
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.feature import arguments, measure_demo_pages  # noqa: E402
from bench.run import site_environment  # noqa: E402

SPACE = "/espace-jeunes/"
BOARD = SPACE + "offres/"
PAGES = {
    "content page": "/le-reseau/",
    "youth landing": SPACE,
    "scheme catalogue": SPACE + "dispositifs/",
    "finder with answers": SPACE + "dispositifs/?age=19&duree=year&budget=0&diplome=0&region=africa",
    "offers board": BOARD,
    "board search (engine)": BOARD + "?q=stage&type=internship",
    "JSON feed": BOARD + "json/",
    "RSS feed": BOARD + "rss/",
    "testimonies": SPACE + "temoignages/",
}


def first_offer_path(site):
    html = urllib.request.urlopen(site + BOARD, timeout=30).read().decode()
    return re.search(rf'href="({BOARD}(?!deposer/|rss/|json/)[a-z0-9-]+/)"', html)[1]


def main():
    args = arguments(__doc__).parse_args()

    measure_demo_pages(args, site_environment(), PAGES, record="youth",
                       found=lambda site: {"offer page": first_offer_path(site)})


if __name__ == "__main__":
    main()
