"""Serve the site with gunicorn (2 workers, production settings), twice:
with its page cache and without (what the first visitor after a change
gets); serve a hello-world Django app and a stock `wagtail start` site the
same way; load every kind of public page of the demo in alternating rounds;
print req/s, p50, p95, p99 and the ratios to hello-world and to the stock
Wagtail home.

    .venv/bin/python bench/run.py [--rounds 3] [--seconds 5] [--only home,actor] [--no-uncached]
                                  [--page name=/path ...]
    .venv/bin/python bench/run.py NAME [its options]    (one of BENCHES, e.g. site-search)

Uses its own SQLite database and demo content under bench/var/, and the
search engine on SEARCH_PORT when it is running (its own index prefix).
"""

import argparse
import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import stock_wagtail  # noqa: E402
from bench.harness import BENCH_DIR, ROOT, VENV_BIN, compare, gunicorn, print_table, say  # noqa: E402
from search import engine  # noqa: E402

STOCK = "stock Wagtail home"
# The benchmarks of one feature each, scripts beside this one, run by name.
BENCHES = {
    "site-search": "site_search.py",
    "directory-search": "directory_search.py",
    "directory-reindex": "directory_reindex.py",
    "directory-import": "directory_import.py",
    "funding": "funding.py",
    "groups": "groups.py",
    "mailing": "mailing.py",
    "training": "training.py",
    "youth": "youth.py",
    "barometer": "barometer.py",
}


def site_environment():
    var = BENCH_DIR / "var"
    var.mkdir(exist_ok=True)
    port = engine.DEFAULT_PORT
    search_url = engine.url(port) if engine.health(port) else ""
    if not search_url:
        say("The search engine is not running: the site uses database search for this run.")
    return {
        "DJANGO_SETTINGS_MODULE": "maillage_site.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_SECURE_SSL_REDIRECT": "0",  # served over plain HTTP on 127.0.0.1
        "DATABASE_URL": f"sqlite:///{var / 'bench.sqlite3'}",
        "MAILLAGE_DATA_DIR": str(var),
        "SEARCH_URL": search_url,
        # Its own indexes on a shared engine: BENCH_INDEX_PREFIX.
        "SEARCH_INDEX_PREFIX": os.environ.get("BENCH_INDEX_PREFIX", "maillage_bench_"),
    }


def manage(env, *args):
    subprocess.run([str(VENV_BIN / "python"), "manage.py", *args], cwd=ROOT, env={**os.environ, **env}, check=True)


def prepare(env):
    say("==> Preparing the bench database and demo content (bench/var/)")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    manage(env, "load_demo", "--no-admin")


def demo_pages(env):
    out = subprocess.run(
        [str(VENV_BIN / "python"), "manage.py", "shell", "-c", "from bench.demo_pages import main; main()"],
        cwd=ROOT, env={**os.environ, **env}, check=True, capture_output=True, text=True,
    ).stdout
    return json.loads(out.split("PAGES ", 1)[1].splitlines()[0])


def main():
    if len(sys.argv) > 1 and sys.argv[1] in BENCHES:
        script = BENCH_DIR / BENCHES[sys.argv[1]]
        os.execv(sys.executable, [sys.executable, str(script), *sys.argv[2:]])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--page", action="append", default=[], help="name=/path, added to the demo's pages")
    parser.add_argument("--only", default="", help="comma-separated page names to keep")
    parser.add_argument("--no-uncached", action="store_true", help="leave out the site without its page cache")
    parser.add_argument("--uncached-only", action="store_true", help="leave out the site with its page cache")
    parser.epilog = "Other benchmarks: bench/run.py NAME [options], NAME one of " + ", ".join(BENCHES)
    args = parser.parse_args()

    env = site_environment()
    prepare(env)
    stock_wagtail.prepare()
    pages = demo_pages(env)
    pages.update(item.split("=", 1) for item in args.page)
    if args.only:
        pages = {name: path for name, path in pages.items() if name in args.only.split(",")}
    say(f"==> Loading {len(pages)} page(s), hello-world and a stock Wagtail home: "
        f"{args.rounds} rounds of {args.seconds} s")
    uncached_env = {**env, "MAILLAGE_PAGE_CACHE_SECONDS": "0"}
    with gunicorn("maillage_site.wsgi:application", env=env) as site, \
         gunicorn("maillage_site.wsgi:application", env=uncached_env) as uncached, \
         gunicorn("stock.wsgi:application", env=stock_wagtail.environment(), chdir=stock_wagtail.STOCK_DIR,
                  bin_dir=stock_wagtail.BIN) as stock, \
         gunicorn("hello_app:application", chdir=BENCH_DIR) as hello:
        targets = {STOCK: stock + "/"}
        if not args.uncached_only:
            targets.update({name: site + path for name, path in pages.items()})
        if not args.no_uncached:
            targets.update({f"{name} (uncached)": uncached + path for name, path in pages.items()})
        results = compare(targets, hello + "/", rounds=args.rounds, seconds=args.seconds,
                          connections=args.connections)
    print_table(results, f"Medians of {args.rounds} rounds, {args.connections} connections, gunicorn 2 workers "
                         f"(load average {os.getloadavg()[0]:.1f}):", stock=STOCK)
    (BENCH_DIR / "var" / "last-run.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
