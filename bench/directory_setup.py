"""Shared set-up of the directory benchmarks: one Django process per data
size, with its own SQLite database under bench/var/ and its own engine
index prefix, so benchmarks never touch the development site or the tests.

Environment must be set before Django starts, hence ``configure()`` first.
"""

import os
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
VAR = BENCH_DIR / "var"


def configure(name):
    VAR.mkdir(exist_ok=True)
    os.environ.setdefault("SEARCH_URL", "http://127.0.0.1:9250")
    os.environ["DATABASE_URL"] = f"sqlite:///{VAR / f'directory-{name}.sqlite3'}"
    # BENCH_PREFIX: engineers sharing one engine keep their benches apart.
    os.environ["SEARCH_INDEX_PREFIX"] = f"{os.environ.get('BENCH_PREFIX', 'maillage_bench_')}directory_{name}_"
    os.environ["SEARCH_TIMEOUT"] = "10"
    os.environ["DJANGO_SETTINGS_MODULE"] = "maillage_site.settings.dev"
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ["MAILLAGE_LOG_LEVEL"] = "WARNING"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*"]


def say(message):
    print(message, flush=True)


def ensure_site(actors, reuse=False):
    """Migrate, load the demo with ``actors`` actors, build the index if
    missing; ``reuse``: take the database as an earlier run left it (checking
    100,000 actors again takes minutes on a loaded machine)."""
    from django.core.management import call_command

    if reuse:
        from maillage_directory.models import Actor

        say(f"  reusing the site of an earlier run ({Actor.objects.count()} actors)")
        return
    started = time.monotonic()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", "--actors", str(actors), "--no-admin", stdout=open(os.devnull, "w"))
    say(f"  site with {actors} actors ready in {time.monotonic() - started:.0f} s")


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]
