"""The Espace Jeunes under load, beside hello-world and the site's own
content page, served with gunicorn as ``bench/run.py`` does.

    .venv/bin/python bench/youth.py [--rounds 3] [--seconds 5]

Uses bench/var/ (the demo youth space: the main schemes, about forty
offers of which some closed, a dozen testimonies, four guides).
"""

import argparse
import json
import re
import sys
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import BENCH_DIR, compare, gunicorn, print_table, say  # noqa: E402
from bench.run import prepare, site_environment  # noqa: E402

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
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=4)
    args = parser.parse_args()

    env = site_environment()
    prepare(env)
    with gunicorn("maillage_site.wsgi:application", env=env) as site, gunicorn(
        "hello_app:application", chdir=BENCH_DIR
    ) as hello:
        pages = {**PAGES, "offer page": first_offer_path(site)}
        say(f"==> Loading {len(pages)} youth pages and hello-world: {args.rounds} rounds of {args.seconds} s")
        results = compare(
            {name: site + path for name, path in pages.items()},
            hello + "/",
            rounds=args.rounds,
            seconds=args.seconds,
            connections=args.connections,
        )
    print_table(results, f"Medians of {args.rounds} rounds, {args.connections} connections, gunicorn 2 workers:")
    (BENCH_DIR / "var" / "last-youth-run.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
