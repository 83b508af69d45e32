"""Faceted directory search: end-to-end p50/p95 and the engine's ``took``.

For each data size (default 2,000 and 100,000 actors) a worker process
builds its own database and index with the demo loader, then requests the
directory page through Django's test client with a mix of queries (text,
one to three facets, sorts, a far page), alternating with a hello-world
view in the same process as the baseline. Prints medians over rounds.

Two figures for the directory: "cold", every request computed (the
listing cache off and the engine's request cache cleared before each
request, untimed: what a query nobody asked recently costs), and "warm",
the same mix with the listing cache on, as visitors meet it when they ask
what others asked (the landing page, a country, a sector).

    .venv/bin/python bench/directory_search.py [--sizes 2000 100000] [--rounds 5] [--requests 60] [--reuse] [--http]

``--http``: the "cold" figure over HTTP instead, the site served by gunicorn
(2 workers, as ``bench/run.py`` does, page and listing caches off) and the
baseline a hello-world application served the same way; one visitor at a
time, each request on a new connection (gunicorn's sync workers close it),
the engine's request cache cleared before each (untimed).

Target: p95 ≤ 30 ms end to end at 100,000 actors.
"""

import argparse
import json
import statistics
import subprocess
import sys
import time
from contextlib import nullcontext
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from directory_setup import configure, ensure_site, percentile, say  # noqa: E402

QUERIES = [
    {},
    {"q": "sante"},
    {"q": "solidarite", "pays": "SN"},
    {"pays": "SN", "secteur": "sante"},
    {"type": "association", "departement": "69", "odd": "3"},
    {"q": "lycee", "tri": "nom"},
    {"pays": ["BF", "ML"], "secteur": "education", "tri": "recent"},
    {"page": "5"},
    {"q": "comite jumelage", "departement": "38"},
    {"q": "koudougou"},
]


def worker(size, rounds, requests, reuse=False):
    configure(str(size))
    ensure_site(size, reuse)
    from django.http import HttpResponse
    from django.test import Client
    from django.test.utils import override_settings
    from django.urls import include, path
    from modelsearch.backends import get_search_backend

    import maillage_site.urls as site_urls
    from maillage_directory import listing_cache
    from maillage_directory.models import Actor, DirectoryPage
    from maillage_directory.search import engine

    class urls:  # a hello-world view beside the site's URLs: the baseline
        urlpatterns = [path("bench-hello/", lambda request: HttpResponse("hello"))] + [
            path("", include(site_urls.urlpatterns))
        ]

    took = []
    original = engine.search

    def timed_search(*args, **kwargs):
        answer = original(*args, **kwargs)
        took.append(answer.took)
        return answer

    engine.search = timed_search
    backend = get_search_backend()
    index_name = backend.get_index_for_model(Actor).name

    def forget_engine_cache():
        backend.admin_es.indices.clear_cache(index=index_name, request=True)
    url = DirectoryPage.objects.live().first().url
    client = Client()
    results = {"cold": [], "warm": [], "hello": [], "took": []}
    cold = override_settings(MAILLAGE_DIRECTORY_LISTING_CACHE_SECONDS=0)
    with override_settings(ROOT_URLCONF=urls, DEBUG=False):
        # Let the index settle so that warm listings are kept, then warm up.
        time.sleep(max(0, listing_cache.SETTLING_NS - (time.time_ns() - listing_cache.data_version())) / 1e9)
        for query in QUERIES:
            assert client.get(url, query).status_code == 200
        for _round in range(rounds):
            for name in ("hello", "cold", "warm"):
                target = "/bench-hello/" if name == "hello" else url
                latencies = []
                with cold if name == "cold" else nullcontext():
                    for number in range(requests):
                        query = {} if name == "hello" else QUERIES[number % len(QUERIES)]
                        if name == "cold":  # the engine's request cache forgets too (untimed)
                            forget_engine_cache()
                        started = time.perf_counter()
                        response = client.get(target, query)
                        latencies.append((time.perf_counter() - started) * 1000)
                        assert response.status_code == 200, response.status_code
                results[name].append((statistics.median(latencies), percentile(latencies, 0.95)))
                if name == "cold":
                    results["took"].append((statistics.median(took), percentile(took, 0.95)))
                took.clear()
    print("JSON " + json.dumps(results), flush=True)


def http_worker(size, rounds, requests, reuse=False):
    """The cold figure over HTTP (see ``--http``)."""
    import os
    import urllib.request
    from urllib.parse import urlencode

    configure(str(size))
    ensure_site(size, reuse)
    from harness import BENCH_DIR, ROOT, gunicorn
    from modelsearch.backends import get_search_backend

    from maillage_directory.models import Actor, DirectoryPage

    backend = get_search_backend()
    index_name = backend.get_index_for_model(Actor).name
    url = DirectoryPage.objects.live().first().url
    served = {"MAILLAGE_PAGE_CACHE_SECONDS": "0", "SEARCH_TIMEOUT": "5", "PYTHONPATH": os.pathsep.join(
        [str(ROOT)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p])}

    def get(address):
        started = time.perf_counter()
        with urllib.request.urlopen(address, timeout=30) as response:
            body = response.read()
            assert response.status == 200, response.status
        return (time.perf_counter() - started) * 1000, body

    results = {"cold": [], "hello": [], "took": []}
    with gunicorn("bench.directory_wsgi:application", env=served) as site, gunicorn(
        "hello_app:application", chdir=BENCH_DIR
    ) as hello:
        addresses = [site + url + ("?" + urlencode(query, doseq=True) if query else "") for query in QUERIES]
        for address in addresses * 2:  # both workers warmed up
            get(address)
        per_query = {number: [] for number in range(len(QUERIES))}
        for _round in range(rounds):
            latencies, baseline = [], []
            for number in range(requests):
                baseline.append(get(hello + "/")[0])
                backend.admin_es.indices.clear_cache(index=index_name, request=True)
                latencies.append(get(addresses[number % len(addresses)])[0])
                per_query[number % len(addresses)].append(latencies[-1])
            results["cold"].append((statistics.median(latencies), percentile(latencies, 0.95)))
            results["hello"].append((statistics.median(baseline), percentile(baseline, 0.95)))
    for number, latencies in per_query.items():  # which query strings make the p95
        say(f"  {json.dumps(QUERIES[number], ensure_ascii=False):<64} p50 {statistics.median(latencies):6.1f}"
            f"  max {max(latencies):6.1f} ms")
    print("JSON " + json.dumps(results), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 100_000])
    parser.add_argument("--reuse", action="store_true", help="reuse the database and index of an earlier run")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--http", action="store_true", help="the cold figure over HTTP, served by gunicorn")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker:
        run = http_worker if options.http else worker
        return run(options.worker, options.rounds, options.requests, options.reuse)
    rows = []
    for size in options.sizes:
        say(f"==> directory search with {size} actors")
        out = subprocess.run(
            [sys.executable, __file__, "--worker", str(size), "--rounds", str(options.rounds),
             "--requests", str(options.requests)] + (["--reuse"] if options.reuse else [])
            + (["--http"] if options.http else []),
            check=True, capture_output=True, text=True,
        )
        sys.stdout.write("".join(line + "\n" for line in out.stdout.splitlines() if not line.startswith("JSON ")))
        data = json.loads(out.stdout.split("JSON ", 1)[1].splitlines()[0])
        median = {key: tuple(statistics.median(r[i] for r in runs) for i in (0, 1))
                  for key, runs in data.items() if runs}
        rows.append((size, median))
    say("")
    with open("/proc/loadavg") as load:
        loadavg = " ".join(load.read().split()[:3])
    where = "over HTTP (gunicorn); baseline: hello-world served the same way" if options.http else (
        "in process; baseline: hello-world view in the same process")
    say(f"Directory page, medians over rounds (ms), {where}; load average {loadavg}")
    say(f"{'actors':>8}{'listing':>9}{'p50':>8}{'p95':>8}{'hello p95':>11}{'p95 ratio':>11}{'took p50':>10}{'took p95':>10}")
    for size, median in rows:
        for mode in ("cold", "warm"):
            if mode not in median:
                continue
            took = (f"{median['took'][0]:>10.1f}{median['took'][1]:>10.1f}") if mode == "cold" and median.get("took") else ""
            say(
                f"{size:>8}{mode:>9}{median[mode][0]:>8.1f}{median[mode][1]:>8.1f}{median['hello'][1]:>11.2f}"
                f"{median[mode][1] / median['hello'][1]:>11.1f}{took}"
            )


if __name__ == "__main__":
    main()
