"""The working groups' pages under load, beside hello-world and the site's
own content page, served with gunicorn as ``bench/run.py`` does.

    .venv/bin/python bench/groups.py [--rounds 3] [--seconds 5]

Uses bench/var/ (the demo groups: eight groups, 55 meetings, 48 minutes)
and engine indexes of its own (``maillage_bench_groups_*``). Pages are
loaded anonymously: members-only pages answer with a redirect to sign in,
which is not what a member waits for, so the pages measured are public.
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

INDEX = "/groupes-de-travail/"
PAGES = {
    "content page": "/le-reseau/",
    "groups index": INDEX,
    "groups index, filtered": INDEX + "?type=pays&statut=tous",
    "every group's minutes": INDEX + "comptes-rendus/",
}


# A group page's own routes, linked from it beside its meetings.
GROUP_ROUTES = {"comptes-rendus", "calendrier", "rss"}


def first_meeting(site, group):
    html = urllib.request.urlopen(site + group, timeout=30).read().decode()
    slugs = re.findall(rf'href="{re.escape(group)}([^"/?]+)/"', html)
    return group + next(slug for slug in slugs if slug not in GROUP_ROUTES) + "/"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=4)
    args = parser.parse_args()

    env = {**site_environment(), "SEARCH_INDEX_PREFIX": "maillage_bench_groups_"}
    prepare(env)
    with gunicorn("maillage_site.wsgi:application", env=env) as site, gunicorn(
        "hello_app:application", chdir=BENCH_DIR
    ) as hello:
        group = INDEX + "burkina-faso/"
        meeting = first_meeting(site, group)
        pages = {
            **PAGES,
            "group page": group,
            "meeting page": meeting,
            "meeting .ics": meeting + "ical/",
            "group calendar feed": group + "calendrier/",
        }
        say(f"==> Loading {len(pages)} pages and hello-world: {args.rounds} rounds of {args.seconds} s")
        results = compare(
            {name: site + path for name, path in pages.items()},
            hello + "/",
            rounds=args.rounds,
            seconds=args.seconds,
            connections=args.connections,
        )
    print_table(results, f"Medians of {args.rounds} rounds, {args.connections} connections, gunicorn 2 workers:")
    (BENCH_DIR / "var" / "last-groups-run.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
