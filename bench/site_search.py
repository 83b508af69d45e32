"""The site search and its autocomplete over HTTP with 100,000 actors and
the demo pages, beside hello-world in the same run, served with gunicorn
as ``bench/run.py`` does.

    .venv/bin/python bench/site_search.py [--actors 100000] [--rounds 3] [--seconds 5] [--client python]

Uses its own SQLite database under bench/var/ (the demo with ``--actors``
actors, made once; later runs reuse it) and its own engine index prefix;
the engine is the one ``SEARCH_URL`` names, else the development one.
Targets: site search p95 ≤ 50 ms, autocomplete p95 ≤ 30 ms (the worst
query of each is the figure). An answer in the degraded mode (the engine
did not answer in time) or an empty autocomplete list is a failure, counted
in the table's "failed" column: it is fast because it did no search, and a
figure with failures meets no target.
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.funding import environment as funding_environment  # noqa: E402
from bench.harness import BENCH_DIR, ROOT, VENV_BIN, check, compare, gunicorn, print_table, say  # noqa: E402

SEARCH, SUGGEST = "/recherche/", "/recherche/suggestions/"
# Typical visitors' searches: a common word over every kind, two words,
# a country's name in one kind, a narrowed search, a far page, a typo.
SEARCHES = {
    "search: santé": "?q=santé",
    "search: solidarité internationale": "?q=solidarité internationale",
    "search: sénégal, actors": "?q=sénégal&type=actors",
    "search: eau, in Senegal": "?q=eau&pays=SN",
    "search: association, page 5": "?q=association&page=5",
    "search: madagscar (typo)": "?q=madagscar",
}
SUGGESTIONS = {
    "suggest: sol": "?q=sol",
    "suggest: koudou": "?q=koudou",
    "suggest: lycée agri": "?q=lycée agri",
}
TARGETS = {"search": 50.0, "suggest": 30.0}
OUTAGE = "Le moteur de recherche ne répond pas"
NOTHING_SUGGESTED = '"suggestions": []'


def failure_marker(name):
    return NOTHING_SUGGESTED if name.startswith("suggest") else OUTAGE


def environment(actors, prefix=""):
    env = funding_environment()
    env["DATABASE_URL"] = f"sqlite:///{BENCH_DIR / 'var' / f'site-search-{actors}.sqlite3'}"
    env["SEARCH_INDEX_PREFIX"] = prefix or f"maillage_bench_sitesearch_{actors}_"
    return env


def manage(env, *args, **extra):
    subprocess.run([str(VENV_BIN / "python"), "manage.py", *args], cwd=ROOT, env={**os.environ, **env, **extra},
                   check=True)


def address(path, query):
    return path + quote(query, safe="?=&")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actors", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=5)
    # One visitor at a time: a visitor's latency, not a queue's. On a
    # shared two-core machine a second connection mostly measures the
    # other one's engine work.
    parser.add_argument("--connections", type=int, default=1)
    parser.add_argument("--client", choices=("wrk", "python"), default="wrk",
                        help="the load client (python: keep-alive clients in threads)")
    parser.add_argument("--prepare-only", action="store_true", help="build the database and index, then stop")
    # Engineers sharing one engine each keep their own big index (and delete it when done).
    parser.add_argument("--index-prefix", default="", help="the engine index prefix (default: by actor count)")
    # Visitors' searches are many and varied: most are the first of their
    # words, which the page cache cannot have kept. The bench repeats the
    # same addresses, so by default it measures the search itself.
    parser.add_argument("--page-cache", action="store_true", help="serve the site with its page cache on")
    # Checking 100,000 actors against the index takes minutes: a run after
    # a change of code alone can skip it.
    parser.add_argument("--no-prepare", action="store_true", help="use the database and index as they are")
    args = parser.parse_args()

    env = environment(args.actors, args.index_prefix)
    if not args.no_prepare:
        say(f"==> Preparing the site search bench database (bench/var/, {args.actors} actors)")
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "collectstatic", "--noinput", "-v0")
        # Bulk indexing takes longer than a visitor's one-second engine timeout.
        manage(env, "load_demo", "--no-admin", "--actors", str(args.actors), SEARCH_TIMEOUT="120")
    if args.prepare_only:
        return
    pages = {name: address(SEARCH, query) for name, query in SEARCHES.items()}
    pages.update({name: address(SUGGEST, query) for name, query in SUGGESTIONS.items()})
    served = env if args.page_cache else {**env, "MAILLAGE_PAGE_CACHE_SECONDS": "0"}
    with gunicorn("maillage_site.wsgi:application", env=served) as site, gunicorn(
        "hello_app:application", chdir=BENCH_DIR
    ) as hello:
        for name, path in pages.items():
            body = check(site + path).decode()
            if failure_marker(name) in body:
                # A loaded machine's engine can miss one answer: the run
                # goes on and counts such answers.
                say(f"  warning: {name}: the engine did not answer (or found nothing) before the run")
        say(f"==> Loading {len(pages)} addresses and hello-world: {args.rounds} rounds of {args.seconds} s")
        results = compare({name: site + path for name, path in pages.items()}, hello + "/", rounds=args.rounds,
                          seconds=args.seconds, connections=args.connections, client=args.client,
                          failure_markers={name: failure_marker(name) for name in pages})
    with open("/proc/loadavg") as load:
        loadavg = " ".join(load.read().split()[:3])
    print_table(results, f"{args.actors} actors and the demo; medians of {args.rounds} rounds, "
                         f"{args.connections} connection(s), {args.client}, gunicorn 2 workers; "
                         f"load average {loadavg}:")
    say("")
    base = results["hello-world"]["p95"]
    for kind, target in TARGETS.items():
        rows = {name: figures for name, figures in results.items() if name.startswith(kind)}
        worst = max((figures["p95"], name) for name, figures in rows.items())
        failed = sum(figures["failed"] for figures in rows.values())
        verdict = "met" if worst[0] <= target and not failed else "NOT met"
        if failed:
            verdict += f" ({failed} failed answers)"
        say(f"{kind}: worst p95 {worst[0]:.1f} ms ({worst[1]}), ratio {worst[0] / base:.1f} to hello-world; "
            f"target {target:.0f} ms {verdict}")
    (BENCH_DIR / "var" / "last-site-search-run.json").write_text(json.dumps({"load": loadavg, **results}, indent=2))


if __name__ == "__main__":
    main()
