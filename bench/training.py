"""The training programme's pages under load, beside hello-world and the
site's own content page, served with gunicorn as ``bench/run.py`` does.

    .venv/bin/python bench/training.py [--rounds 3] [--seconds 5]

Uses bench/var/ (the demo programme: 15 trainings, 30 sessions).
"""

import re
import sys
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.feature import arguments, measure_demo_pages  # noqa: E402
from bench.run import site_environment  # noqa: E402

PROGRAMME = "/formations/"
PAGES = {
    "content page": "/le-reseau/",
    "programme (semester)": PROGRAMME,
    "month calendar": PROGRAMME + "calendrier/",
    "session list": PROGRAMME + "liste/",
    "iCal feed": PROGRAMME + "ical/",
}


def first_session_path(site):
    html = urllib.request.urlopen(site + PAGES["session list"], timeout=30).read().decode()
    return re.search(r'href="(/formations/[^"]+/sessions/\d+/)"', html)[1]


def main():
    args = arguments(__doc__).parse_args()

    measure_demo_pages(args, site_environment(), PAGES, record="training",
                       found=lambda site: {"session page": first_session_path(site)})


if __name__ == "__main__":
    main()
