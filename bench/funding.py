"""The funding search at 10,000 calls under load, beside hello-world in the
same run, served with gunicorn as ``bench/run.py`` does.

    .venv/bin/python bench/funding.py [--calls 10000] [--rounds 3] [--seconds 5]

Uses its own SQLite database under bench/var/ (the demo, then generated
calls up to ``--calls``, made once) and its own engine index prefix; the
engine is the one ``SEARCH_URL`` names, else the development one when it
runs, else database search.
"""

import os
import random
import secrets
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.feature import arguments, measure, prepare_seeded  # noqa: E402
from bench.harness import BENCH_DIR, gunicorn, say  # noqa: E402
from bench.run import site_environment  # noqa: E402

SEARCH = "/financements/"
PAGES = {
    "funding search": SEARCH,
    "search, Senegal and water": SEARCH + "?pays=SN&secteur=eau-assainissement&acteur=association",
    "search, words (engine)": SEARCH + "?q=eau+potable",
    "closing soon, page 3": SEARCH + "?statut=bientot&page=3",
    "archive": SEARCH + "archives/",
    "JSON API": SEARCH + "api/v1/appels/?pays=SN",
}
WORDS = ["eau", "santé", "école", "agroécologie", "énergie", "femmes", "jeunesse", "forages", "climat", "culture"]


def environment():
    """``bench/run.py``'s environment with this bench's database and index
    prefix. An engine named by ``SEARCH_URL`` is used as is, and no other
    is probed then."""
    named = os.environ.get("SEARCH_URL")
    if named:
        var = BENCH_DIR / "var"
        var.mkdir(exist_ok=True)
        env = {
            "DJANGO_SETTINGS_MODULE": "maillage_site.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SECURE_COOKIES": "0",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "MAILLAGE_DATA_DIR": str(var),
            "SEARCH_URL": named,
        }
    else:
        env = site_environment()
    env["DATABASE_URL"] = f"sqlite:///{BENCH_DIR / 'var' / 'funding.sqlite3'}"
    env["SEARCH_INDEX_PREFIX"] = "maillage_bench_funding_"
    return env


def seed(total):
    """Generated calls up to ``total`` (published, dated around today), indexed in bulk."""
    import django

    django.setup()
    from modelsearch.backends import get_search_backends

    from maillage_core.models import ActorType, Sector
    from maillage_funding.models import Funder, FundingCall

    have = FundingCall.objects.count()
    if have < total:
        make(FundingCall, Funder, Sector, ActorType, have, total)
    for backend in get_search_backends():
        if hasattr(backend, "document_count") and backend.document_count(FundingCall) >= FundingCall.objects.count():
            continue
        say("  indexing the calls")
        ids = list(FundingCall.objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), 500):
            backend.add_bulk(FundingCall, list(FundingCall.get_indexed_objects().filter(pk__in=ids[start:start + 500])))


def make(FundingCall, Funder, Sector, ActorType, have, total):  # noqa: N803 (models passed in after setup)
    import datetime

    from django.utils import timezone
    rng = random.Random(16)
    funders, sectors, types = list(Funder.objects.all()), list(Sector.objects.all()), list(ActorType.objects.all())
    countries = ["SN", "ML", "BF", "MG", "HT", "TG", "BJ", "MA", "VN", "CM", "FR"]
    today, now = timezone.localdate(), timezone.now()
    calls = []
    for number in range(have, total):
        closes = rng.randint(-200, 300)
        word = rng.choice(WORDS)
        calls.append(FundingCall(
            title=f"Appel {number} : {word} et solidarité", slug=f"appel-genere-{number}",
            summary=f"Projets sur {word} avec des partenaires locaux ({number}).",
            countries=rng.sample(countries, rng.randint(0, 3)),
            closes_on=None if closes > 280 else today + datetime.timedelta(days=closes), permanent=closes > 280,
            amount_min=rng.choice([None, 2000, 10000]), amount_max=rng.choice([None, 20000, 150000, 500000]),
            live=True, first_published_at=now - datetime.timedelta(days=rng.randint(0, 400)),
        ))
    created = FundingCall.objects.bulk_create(calls, batch_size=1000)
    FundingCall.funders.through.objects.bulk_create(
        [FundingCall.funders.through(fundingcall_id=call.pk, funder_id=rng.choice(funders).pk) for call in created],
        batch_size=2000)
    FundingCall.sectors.through.objects.bulk_create(
        [FundingCall.sectors.through(fundingcall_id=call.pk, sector_id=sector.pk)
         for call in created for sector in rng.sample(sectors, 2)], batch_size=2000)
    FundingCall.actor_types.through.objects.bulk_create(
        [FundingCall.actor_types.through(fundingcall_id=call.pk, actortype_id=rng.choice(types).pk)
         for call in created if rng.random() < 0.5], batch_size=2000)
    say(f"  {len(created)} calls made")


def main():
    args = arguments(__doc__, seeded=("calls", 10_000)).parse_args()
    if args.seed:
        return seed(args.seed)  # the set-up process

    env = environment()
    # Bulk indexing takes longer than a visitor's one-second engine timeout.
    prepare_seeded(env, __file__, args.calls, label="funding", extra_env={"SEARCH_TIMEOUT": "60"})
    with gunicorn("maillage_site.wsgi:application", env=env) as site, gunicorn(
        "hello_app:application", chdir=BENCH_DIR
    ) as hello:
        measure({name: site + path for name, path in PAGES.items()}, hello, args, record="funding",
                title=f"{args.calls} calls; ")


if __name__ == "__main__":
    main()
