"""Import of a 2,000-row CSV in the shared-thesaurus shape.

Writes a CSV of N demo actors (default 2,000), then in each round imports
it into an empty directory (every row created, then indexed), imports it
again (every row unchanged), and measures the baseline in the same run:
reading the same file with Python's csv module alone.

    .venv/bin/python bench/directory_import.py [--rows 2000] [--rounds 3]

Target: ≤ 10 s for 2,000 rows.
"""

import argparse
import csv
import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from directory_setup import VAR, configure, ensure_site, say  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    configure("import")
    ensure_site(0)

    from django.db import connection

    from maillage_directory import demo
    from maillage_directory.exporting import thesaurus_row, thesaurus_rows
    from maillage_directory.importing import import_file
    from maillage_directory.models import Actor

    vocabulary = demo.Vocabulary()
    rows = []
    for number in range(1, options.rows + 1):
        actor, sectors, sdgs, _projects = demo.make_actor(number, vocabulary)
        row = thesaurus_row(actor)
        row["secteurs"] = ";".join(s.slug for s in vocabulary.sectors if s.pk in sectors)
        row["odd"] = ";".join(str(g) for g in sdgs)
        rows.append(row)
    path = VAR / f"directory-import-{options.rows}.csv"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    data = path.read_bytes()
    assert thesaurus_rows  # the export writes this same shape

    def empty_directory():
        with connection.cursor() as cursor:
            for table in ("maillage_directory_actor_sectors", "maillage_directory_actor_sdgs",
                          "maillage_directory_actorproject", "maillage_directory_submission",
                          "maillage_directory_actor"):
                cursor.execute(f"DELETE FROM {table}")

    baseline, first, again = [], [], []
    for number in range(1, options.rounds + 1):
        empty_directory()
        started = time.monotonic()
        parsed = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
        baseline.append(time.monotonic() - started)
        started = time.monotonic()
        report = import_file(data, path.name)
        first.append(time.monotonic() - started)
        assert report.created == options.rows and not report.errors, (report.created, report.errors[:3])
        started = time.monotonic()
        report = import_file(data, path.name)
        again.append(time.monotonic() - started)
        assert report.unchanged == options.rows
        say(f"  round {number}/{options.rounds}: csv {baseline[-1] * 1000:.0f} ms, "
            f"import {first[-1]:.2f} s, again {again[-1]:.2f} s")
    assert len(parsed) == options.rows and Actor.objects.count() == options.rows
    base = statistics.median(baseline)
    say("")
    say(f"Import of {options.rows} rows ({len(data) // 1024} KiB), medians over {options.rounds} rounds")
    say(f"{'':<40}{'seconds':>9}{'ratio':>9}")
    say(f"{'csv module reading the file (baseline)':<40}{base:>9.3f}{1:>9.0f}")
    say(f"{'import, every row created and indexed':<40}{statistics.median(first):>9.2f}{statistics.median(first) / base:>9.0f}")
    say(f"{'import again, every row unchanged':<40}{statistics.median(again):>9.2f}{statistics.median(again) / base:>9.0f}")


if __name__ == "__main__":
    main()
