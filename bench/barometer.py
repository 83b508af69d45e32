"""A barometer edition with 2,000 respondents under load, beside the site's
content page and hello-world in the same run, served with gunicorn as
``bench/run.py`` does: with the site's page cache (a published edition is
a kept anonymous page) and without it (the first visitor after a change).

    .venv/bin/python bench/run.py barometer [--respondents 2000] [--rounds 3] [--seconds 5]

Uses its own SQLite database under bench/var/ (the demo, then the demo's
2026 edition closed and published from ``--respondents`` generated answers
of as many generated actors and a quarter more, made once) and its own
engine index prefix; the engine is the one ``SEARCH_URL`` names, else the
development one when it runs, else database search. The target (issue 19):
the edition's p95 within 1.5x the content page's, in each mode.
"""

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.feature import arguments, measure, prepare_seeded  # noqa: E402
from bench.funding import environment as funding_environment  # noqa: E402
from bench.harness import BENCH_DIR, gunicorn, say  # noqa: E402

CONTENT = "/le-reseau/"
EDITION = "/barometre/2026/"
TARGET = 1.5


def environment():
    env = funding_environment()  # the site's production settings, the named engine
    env["DATABASE_URL"] = f"sqlite:///{BENCH_DIR / 'var' / 'barometer.sqlite3'}"
    env["SEARCH_INDEX_PREFIX"] = "maillage_bench_barometer_"
    return env


def generated_actors(count, rng):
    """Actors as the directory would give them, varied like the demo's."""
    from maillage_core.hooks import Respondent

    types = ["Association", "Collectivité territoriale", "Établissement d’enseignement", "Entreprise",
             "Fondation", "Structure d’appui"]
    departments = [f"{name} ({code})" for name, code in (
        ("Ain", "01"), ("Ardèche", "07"), ("Drôme", "26"), ("Isère", "38"), ("Loire", "42"), ("Rhône", "69"),
        ("Savoie", "73"), ("Haute-Savoie", "74"), ("Allier", "03"), ("Cantal", "15"), ("Puy-de-Dôme", "63"))]
    countries = ["SN", "ML", "BF", "MG", "HT", "TG", "BJ", "MA", "VN", "CM", "NE", "TN", "CD", "GN", "CI", "LB",
                 "PS", "AM", "CO", "PE", "BR", "IN", "KH", "LA", "MR", "TD", "RW", "BI", "CG", "GA"]
    sectors = ["eau-assainissement", "sante", "education", "agriculture", "culture", "economie-sociale",
               "environnement", "gouvernance", "jeunesse", "genre"]
    return [
        Respondent(key=f"bench:{n}", name=f"Acteur généré {n}", email=f"acteur{n}@example.org",
                   actor_type=rng.choice(types), department=rng.choice(departments),
                   countries=tuple(rng.sample(countries, rng.randint(1, 4))),
                   sectors=tuple(rng.sample(sectors, rng.randint(0, 3))),
                   sdgs=tuple(rng.sample(range(1, 18), rng.randint(0, 3))))
        for n in range(count)
    ]


def seed(respondents):
    """The demo's 2026 edition closed and published from ``respondents`` answers (once)."""
    import django

    django.setup()
    from django.utils import timezone

    from maillage_barometer import closing, demo, figures
    from maillage_barometer.models import EditionPage, Response

    edition = EditionPage.objects.get(year=demo.OPEN_YEAR)
    if edition.figures and edition.figures["respondents"] == respondents:
        return
    rng = random.Random(19)
    actors = generated_actors(respondents + respondents // 4, rng)
    Response.objects.filter(edition=edition).delete()
    now = timezone.now()
    Response.objects.bulk_create([
        Response(edition=edition, actor_key=actor.key, actor_name=actor.name, actor_type=actor.actor_type,
                 department=actor.department, answers=demo.answers_of(actor, rng), submitted_at=now)
        for actor in actors[:respondents]
    ], batch_size=500)
    # Closed with the generated actors as its directory, then published as the officer does.
    edition.closed_at = now
    edition.directory_at_closing = closing.snapshot(actors)
    EditionPage.objects.filter(pk=edition.pk).update(
        closed_at=now, directory_at_closing=edition.directory_at_closing,
        figures=figures.compute(edition), results_published_at=now)
    say(f"  the 2026 edition published from {respondents} answers")


def main():
    args = arguments(__doc__, seeded=("respondents", 2000)).parse_args()
    if args.seed:
        return seed(args.seed)  # the set-up process

    env = environment()
    prepare_seeded(env, __file__, args.respondents, label="barometer")
    uncached_env = {**env, "MAILLAGE_PAGE_CACHE_SECONDS": "0"}
    with gunicorn("maillage_site.wsgi:application", env=env) as site, \
         gunicorn("maillage_site.wsgi:application", env=uncached_env) as uncached, \
         gunicorn("hello_app:application", chdir=BENCH_DIR) as hello:
        targets = {"content page": site + CONTENT, "edition (2,000)": site + EDITION,
                   "content page (uncached)": uncached + CONTENT, "edition (uncached)": uncached + EDITION}
        results = measure(targets, hello, args, record="barometer", title=f"{args.respondents} respondents; ")
    for mode in ("", " (uncached)"):
        edition = results["edition (2,000)" if not mode else "edition (uncached)"]["p95"]
        content = results[f"content page{mode}"]["p95"]
        verdict = "met" if edition <= TARGET * content else "NOT met"
        say(f"edition p95 / content page p95{mode or ' (page cache)'}: {edition / content:.2f} "
            f"(target {TARGET}: {verdict})")


if __name__ == "__main__":
    main()
