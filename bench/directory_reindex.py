"""Full reindex of the directory's actors.

Builds (once) a database of N demo actors (default 100,000), then times
``manage.py update_index`` for the actors' index, in rounds, against a
baseline measured in the same run: reading every actor with its sectors
and SDGs and building its search document without sending it. The ratio
is the cost of the engine's side.

    .venv/bin/python bench/directory_reindex.py [--actors 100000] [--rounds 3]

Target: ≤ 60 s at 100,000 actors.
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
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    configure(str(options.actors))
    ensure_site(options.actors)

    from django.core.management import call_command
    from modelsearch.backends import get_search_backend

    from maillage_directory.models import Actor

    backend = get_search_backend()
    mapping = backend.mapping_class(Actor)

    def documents_only():
        count = 0
        for actor in Actor.get_indexed_objects().order_by("pk").iterator(chunk_size=1000):
            mapping.get_document(actor)
            count += 1
        return count

    def reindex():
        call_command("update_index", "maillage_directory.Actor", stdout=open(os.devnull, "w"))
        backend.admin_client.indices.refresh(index=backend.get_index_for_model(Actor).name)

    baseline, full = [], []
    for number in range(1, options.rounds + 1):
        started = time.monotonic()
        count = documents_only()
        baseline.append(time.monotonic() - started)
        started = time.monotonic()
        reindex()
        full.append(time.monotonic() - started)
        say(f"  round {number}/{options.rounds}: documents {baseline[-1]:.1f} s, full reindex {full[-1]:.1f} s")
    indexed = backend.admin_client.count(index=backend.get_index_for_model(Actor).name)["count"]
    say("")
    say(f"Reindex of {count} actors ({indexed} documents in the index), medians over {options.rounds} rounds")
    say(f"{'':<36}{'seconds':>9}{'ratio':>8}")
    say(f"{'documents built, not sent (baseline)':<36}{statistics.median(baseline):>9.1f}{1:>8.2f}")
    say(f"{'update_index (target ≤ 60 s)':<36}{statistics.median(full):>9.1f}"
        f"{statistics.median(full) / statistics.median(baseline):>8.2f}")


if __name__ == "__main__":
    main()
