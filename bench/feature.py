"""What the feature benches (training, youth, groups, funding, barometer)
share: their options, a database seeded in a process of its own, and the
measured pages printed and recorded beside hello-world.
"""

import argparse
import json
import os
import subprocess

from bench.harness import BENCH_DIR, ROOT, VENV_BIN, compare, gunicorn, print_table, say
from bench.run import manage, prepare


def arguments(description, *, seeded=None):
    """The options every feature bench takes; ``seeded`` names the count of
    generated records (``--calls``…) and its default, for a bench that
    seeds its own database in a set-up process (the hidden ``--seed``)."""
    parser = argparse.ArgumentParser(description=description.split("\n\n")[0])
    if seeded:
        name, default = seeded
        parser.add_argument(f"--{name}", type=int, default=default)
        parser.add_argument("--seed", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=4)
    return parser


def prepare_seeded(env, script, count, *, label, extra_env=None):
    """The demo in this bench's own database, then ``script --seed count``
    run with the site's settings (it generates what the bench measures)."""
    say(f"==> Preparing the {label} bench database ({env['DATABASE_URL'].removeprefix('sqlite:///')})")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    manage(env, "load_demo", "--no-admin")
    subprocess.run([str(VENV_BIN / "python"), script, "--seed", str(count)], cwd=ROOT,
                   env={**os.environ, **env, **(extra_env or {})}, check=True)


def measure(targets, hello, args, *, record, title=""):
    """Load ``targets`` ({name: URL}) beside hello-world, print the table and
    keep it in bench/var/last-<record>-run.json. Returns the results."""
    say(f"==> Loading {len(targets)} pages and hello-world: {args.rounds} rounds of {args.seconds} s")
    results = compare(targets, hello + "/", rounds=args.rounds, seconds=args.seconds, connections=args.connections)
    heading = (f"{title}medians of {args.rounds} rounds, {args.connections} connections, gunicorn 2 workers "
               f"(load average {os.getloadavg()[0]:.1f}):")
    print_table(results, heading[0].upper() + heading[1:])
    (BENCH_DIR / "var" / f"last-{record}-run.json").write_text(json.dumps(results, indent=2))
    return results


def measure_demo_pages(args, env, pages, *, record, found=None):
    """The demo site served as ``bench/run.py`` serves it, and its ``pages``
    ({name: path}) measured; ``found(site)`` adds paths read from the
    running site (the first session, offer or meeting it links to)."""
    prepare(env)
    with gunicorn("maillage_site.wsgi:application", env=env) as site, gunicorn(
        "hello_app:application", chdir=BENCH_DIR
    ) as hello:
        every = {**pages, **(found(site) if found else {})}
        return measure({name: site + path for name, path in every.items()}, hello, args, record=record)
