"""Full reindex of the directory's actors.

Builds (once) a database of N demo actors (default 100,000), then in
rounds times ``manage.py reindex_actors`` (documents from plain rows, a new
index swapped in under the alias) against a baseline measured in the same
run: reading every actor and building its document without sending it, so
the ratio is the engine's share. Wagtail's generic ``update_index`` is
timed once for comparison (``--no-update-index`` to skip it).

    .venv/bin/python bench/directory_reindex.py [--actors 100000] [--rounds 3] [--reuse]

Target: ≤ 30 s at 100,000 actors (issue 14).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from directory_setup import configure, ensure_site, say  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=100_000)
    parser.add_argument("--reuse", action="store_true", help="reuse the database and index of an earlier run")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-update-index", action="store_true")
    options = parser.parse_args()
    configure(str(options.actors))
    ensure_site(options.actors, options.reuse)

    from django.core.management import call_command
    from modelsearch.backends import get_search_backend

    from maillage_directory.indexing import BATCH, documents
    from maillage_directory.models import Actor

    backend = get_search_backend()
    devnull = open(os.devnull, "w")

    def documents_only():
        ids = list(Actor.get_indexed_objects().order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), BATCH):
            for _pk, _document in documents(ids[start : start + BATCH]):
                pass
        return len(ids)

    def timed(call):
        started = time.monotonic()
        call()
        return time.monotonic() - started

    baseline, fast = [], []
    for number in range(1, options.rounds + 1):
        baseline.append(timed(documents_only))
        fast.append(timed(lambda: call_command("reindex_actors", stdout=devnull)))
        say(f"  round {number}/{options.rounds}: documents {baseline[-1]:.1f} s, reindex_actors {fast[-1]:.1f} s")
    generic = None
    if not options.no_update_index:
        generic = timed(lambda: call_command("update_index", stdout=devnull))
        say(f"  update_index (whole site, once): {generic:.1f} s")
    indexed = backend.document_count(Actor)
    base = statistics.median(baseline)
    say("")
    say(f"Reindex of {documents_only()} actors ({indexed} documents in the index), medians over {options.rounds} rounds")
    say(f"{'':<44}{'seconds':>9}{'ratio':>8}")
    say(f"{'documents built, not sent (baseline)':<44}{base:>9.1f}{1:>8.2f}")
    say(f"{'reindex_actors (target ≤ 30 s)':<44}{statistics.median(fast):>9.1f}{statistics.median(fast) / base:>8.2f}")
    if generic is not None:
        say(f"{'update_index, generic (once)':<44}{generic:>9.1f}{generic / base:>8.2f}")


if __name__ == "__main__":
    main()
