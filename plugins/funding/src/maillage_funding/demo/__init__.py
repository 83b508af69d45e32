"""Demo content of funding: a funding search page, six French and European
funders and sixty calls, dated relative to today so that the demo always
shows open calls, calls closing soon, upcoming, permanent and closed ones.
The texts are JSON files beside this loader (package data).

Idempotent: the page is found by type, funders by name, calls by slug; a
second run creates nothing.
"""

import datetime
from importlib import resources

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify

from maillage_core.demo import default_root, ensure_index_page, read
from maillage_core.models import ActorType, Department, Sector, SustainableDevelopmentGoal

from ..archiving import archive_past_calls
from ..models import Funder, FundingCall, FundingSearchPage, ImportSource

FUNDERS = read(__name__, "funders.json")
CALLS = read(__name__, "calls.json")
# Each call comes in three rounds: (title suffix, opens in days, closes in
# days or None for permanent, countries replaced or None). Cycled so that
# every status shows.
ROUNDS = [
    ("", None, 45, None),
    (" — Afrique de l'Ouest", None, 9, ["SN", "ML", "BF", "CI"]),
    (" — session précédente", -400, -35, None),
    ("", None, None, None),
    (" — Afrique de l'Ouest", 20, 110, ["SN", "ML", "BF", "CI"]),
    (" — session précédente", -300, -5, None),
    ("", -30, 75, None),
    (" — Afrique de l'Ouest", None, 4, ["SN", "GN", "BJ"]),
    (" — session précédente", -500, -120, None),
]


def load(options, progress):
    root = default_root()
    if root is None:
        progress("funding: no default site, nothing loaded")
        return 0
    _page, made = ensure_index_page(
        FundingSearchPage, slug="financements", title="Trouver un financement",
        intro="Les appels à projets et financements de la solidarité internationale, mis à jour chaque jour.",
    )
    created = int(made) + load_funders()
    created += load_calls()
    created += load_sources()
    archived = archive_past_calls()
    progress(f"funding: {created} items created, {archived} calls archived")
    return created


def load_funders():
    existing = set(Funder.objects.values_list("name", flat=True))
    made = 0
    for entry in FUNDERS:
        if entry["name"] not in existing:
            Funder.objects.create(**entry)
            made += 1
    return made


SOURCES = [
    ("Aides-territoires (exemple)", "json", "source_aides.json", "Licence Ouverte 2.0"),
    ("Tableur du réseau (exemple)", "csv", "source_appels.csv", ""),
]


def load_sources():
    """Two import sources with sample files; their calls arrive as drafts
    when ``import_funding_calls`` runs."""
    made = 0
    for name, kind, filename, licence in SOURCES:
        if ImportSource.objects.filter(name=name).exists():
            continue
        source = ImportSource(name=name, format=kind, licence=licence, publish=False)
        content = resources.files(__name__).joinpath(filename).read_bytes()
        source.upload.save(filename, ContentFile(content), save=False)
        source.save()
        made += 1
    return made


def load_calls():
    today = timezone.localdate()
    now = timezone.now()
    funders = {funder.name: funder for funder in Funder.objects.all()}
    funder_list = [funders[entry["name"]] for entry in FUNDERS]
    sectors = {sector.slug: sector for sector in Sector.objects.all()}
    types = {actor_type.slug: actor_type for actor_type in ActorType.objects.all()}
    sdgs = {sdg.number: sdg for sdg in SustainableDevelopmentGoal.objects.all()}
    departments = {department.code: department for department in Department.objects.all()}
    existing = set(FundingCall.objects.values_list("slug", flat=True))
    made = 0
    for number, entry in enumerate(CALLS):
        for round_number in range(3):
            suffix, opens_in, closes_in, countries = ROUNDS[(number * 3 + round_number) % len(ROUNDS)]
            title = entry["title"] + suffix
            slug = slugify(title)[:120]
            if slug in existing:
                continue
            published = now - datetime.timedelta(days=(number * 7 + round_number * 3) % 60 + 1)
            call = FundingCall(
                title=title, slug=slug, summary=entry["summary"],
                what_is_funded=f"<p>{entry['summary']}</p>",
                countries=entry["countries"] if countries is None else countries,
                amount_min=entry["amount_min"], amount_max=entry["amount_max"],
                cofunding_rate=entry["cofunding_rate"],
                opens_on=today + datetime.timedelta(days=opens_in) if opens_in is not None else None,
                closes_on=today + datetime.timedelta(days=closes_in) if closes_in is not None else None,
                permanent=closes_in is None, recurs_yearly=round_number != 1,
                how_to_apply="Dossier en ligne sur le site du financeur ; contactez le réseau pour être accompagné.",
                official_url=funder_list[entry["funders"][0]].website, checked_on=today - datetime.timedelta(days=10),
                live=True, first_published_at=published, last_published_at=published,
            )
            call.funders = [funder_list[index] for index in entry["funders"]]
            call.sectors = [sectors[slug] for slug in entry["sectors"] if slug in sectors]
            call.actor_types = [types[slug] for slug in entry["actor_types"] if slug in types]
            call.sdgs = [sdgs[n] for n in entry["sdgs"] if n in sdgs]
            call.departments = [departments[code] for code in entry.get("departments", []) if code in departments]
            call.save()
            made += 1
    return made
