"""One uncached page measured in this process: CPU time per request, the
database queries it makes, and where the time goes (cProfile).

    .venv/bin/python bench/profile_page.py [--prepare] [--requests 20] [--batches 5] [--top 25]
                                           [--sort tottime] [--no-profile] PAGE [PAGE ...]

PAGE is a kind of page of the demo (``bench/demo_pages.py``: "home",
"content page", "youth landing"...) or a path ("/annuaire/?q=eau").
The site runs as ``bench/run.py`` serves it without its page cache
(production settings, bench/var/'s database, the engine on SEARCH_PORT
with BENCH_INDEX_PREFIX), called through Django's WSGI handler: no HTTP,
no other process, so a cost shows without the load's noise. Every request
is a first visitor's (the page cache is off); what the process keeps under
the content version is warm, as on a worker that has served the page once.
The CPU time is the best batch's mean (a shared machine only adds time).
"""

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import BENCH_DIR, say  # noqa: E402
from bench.run import prepare, site_environment  # noqa: E402

HOST = "127.0.0.1"
# The notice of a page answered without the engine (French, the demo's language).
OUTAGE = "Le moteur de recherche ne répond pas".encode()


def setup(args):
    env = site_environment()
    if args.prepare or not (BENCH_DIR / "var" / "bench.sqlite3").exists():
        prepare(env)
    os.environ.update({**env, "MAILLAGE_PAGE_CACHE_SECONDS": "0"})
    # A visitor's engine timeout is 1 s: on a loaded machine a slow answer
    # would open the circuit and the run would time the outage page instead.
    os.environ.setdefault("SEARCH_TIMEOUT", "5")
    import django

    django.setup()


def paths_of(pages):
    """Each PAGE as (name, path): a demo kind's first page, or the path given."""
    from bench.demo_pages import KINDS

    found = []
    for page in pages:
        if page.startswith("/"):
            found.append((page, page))
        elif page in KINDS:
            found.append((page, KINDS[page]()))
        else:
            sys.exit(f"Unknown page {page!r}: a path or one of {', '.join(KINDS)}")
    return found


def environ_for(path):
    from django.test.client import FakePayload

    path_info, _, query = path.partition("?")
    return {
        "REQUEST_METHOD": "GET", "PATH_INFO": path_info, "QUERY_STRING": query, "SCRIPT_NAME": "",
        "SERVER_NAME": HOST, "SERVER_PORT": "80", "HTTP_HOST": HOST, "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http", "wsgi.input": FakePayload(b""), "wsgi.errors": sys.stderr,
        "wsgi.version": (1, 0), "wsgi.multithread": False, "wsgi.multiprocess": True, "wsgi.run_once": False,
    }


def get(handler, path):
    """One request as gunicorn makes it; the status and the body."""
    statuses = []
    body = b"".join(handler(environ_for(path), lambda status, headers, *exc: statuses.append(status)))
    return statuses[0], body


def queries_of(handler, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        get(handler, path)
    return captured.captured_queries


def cpu_ms(handler, path, requests, batches):
    """The best batch's CPU time per request, in milliseconds."""
    best = None
    for _ in range(batches):
        start = time.process_time()
        for _ in range(requests):
            get(handler, path)
        spent = (time.process_time() - start) / requests * 1000
        best = spent if best is None else min(best, spent)
    return best


def profile(handler, path, requests, sort, top):
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(requests):
        get(handler, path)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(sort).print_stats(top)
    return out.getvalue()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="+", metavar="PAGE")
    parser.add_argument("--prepare", action="store_true", help="migrate and load the demo again first")
    parser.add_argument("--requests", type=int, default=20, help="requests per batch")
    parser.add_argument("--batches", type=int, default=5)
    parser.add_argument("--top", type=int, default=25, help="functions shown by the profile")
    parser.add_argument("--sort", default="cumulative", help="pstats order: cumulative, tottime...")
    parser.add_argument("--no-profile", action="store_true", help="only the figures")
    parser.add_argument("--sql", action="store_true", help="print each query of one request")
    args = parser.parse_args()

    setup(args)
    from django.core.handlers.wsgi import WSGIHandler

    handler = WSGIHandler()
    rows = []
    for name, path in paths_of(args.pages):
        if path is None:
            say(f"{name}: the demo has no such page")
            continue
        for _ in range(3):  # what the process keeps is filled, as on a worker that served it once
            status, body = get(handler, path)
        queries = queries_of(handler, path)
        ms = cpu_ms(handler, path, args.requests, args.batches)
        # Checked after the timed requests: an outage during them shows too.
        outage = OUTAGE in get(handler, path)[1]
        if outage:
            say(f"  warning: {name}: answered without the engine (outage mode): its figures are not the page's "
                "(is the engine up, and its index made? --prepare indexes the demo again)")
        rows.append((name, path, status, len(body), len(queries), ms, outage))
        if args.sql:
            say(f"\n==> {name} {path}: its queries")
            for query in queries:
                say(f"  {query['sql'][:300]}")
        if not args.no_profile:
            say(f"\n==> {name} {path}: {args.requests} requests profiled")
            say(profile(handler, path, args.requests, args.sort, args.top))
    say(f"\nIn process, page cache off, best of {args.batches} batches of {args.requests} requests "
        f"(load average {os.getloadavg()[0]:.1f}):")
    say("| page | path | status | bytes | queries | CPU ms |")
    say("| --- | --- | ---: | ---: | ---: | ---: |")
    for name, path, status, size, count, ms, outage in rows:
        mode = " (outage mode)" if outage else ""
        say(f"| {name}{mode} | {path} | {status.split()[0]} | {size} | {count} | {ms:.1f} |")


if __name__ == "__main__":
    main()
