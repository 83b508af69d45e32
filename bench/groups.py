"""The working groups' pages under load, beside hello-world and the site's
own content page, served with gunicorn as ``bench/run.py`` does.

    .venv/bin/python bench/groups.py [--rounds 3] [--seconds 5]

Uses bench/var/ (the demo groups: eight groups, 55 meetings, 48 minutes)
and engine indexes of its own (``maillage_bench_groups_*``). Pages are
loaded anonymously: members-only pages answer with a redirect to sign in,
which is not what a member waits for, so the pages measured are public.
"""

import re
import sys
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.feature import arguments, measure_demo_pages  # noqa: E402
from bench.run import site_environment  # noqa: E402

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
    args = arguments(__doc__).parse_args()

    env = {**site_environment(), "SEARCH_INDEX_PREFIX": "maillage_bench_groups_"}
    measure_demo_pages(args, env, PAGES, record="groups", found=group_pages)


def group_pages(site):
    group = INDEX + "burkina-faso/"
    meeting = first_meeting(site, group)
    return {
        "group page": group,
        "meeting page": meeting,
        "meeting .ics": meeting + "ical/",
        "group calendar feed": group + "calendrier/",
    }


if __name__ == "__main__":
    main()
