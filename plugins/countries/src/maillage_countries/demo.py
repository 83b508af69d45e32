"""Demo content: the countries index at /pays/ and what an officer would
write about a few countries the region's actors work in. Idempotent: the
page is found by type and slug, profiles by country."""

from django.db import transaction

from maillage_core.demo import default_root, ensure_index_page

from .models import CountryIndexPage
from .profiles import CountryProfile

DIPLOMATIE = "https://www.diplomatie.gouv.fr/fr/conseils-aux-voyageurs/conseils-par-pays-destination/"

PROFILES = [
    {
        "country": "SN",
        "intro": "<p>Premier pays d’intervention des acteurs de la région : jumelages entre collectivités, "
                 "projets d’eau et d’assainissement, santé, éducation et échanges de jeunes.</p>",
        "capital": "Dakar",
        "languages": "Français (officielle), wolof, pulaar, sérère",
        "population": 18_000_000,
        "population_year": 2023,
        "embassy_url": "https://sn.ambafrance.org/",
        "travel_advice_url": f"{DIPLOMATIE}senegal/",
    },
    {
        "country": "BJ",
        "intro": "<p>Des coopérations décentralisées anciennes, autour de la gouvernance locale, de "
                 "l’agriculture et de la santé.</p>",
        "capital": "Porto-Novo",
        "languages": "Français (officielle), fon, yoruba",
        "population": 13_700_000,
        "population_year": 2023,
        "embassy_url": "https://bj.ambafrance.org/",
        "travel_advice_url": f"{DIPLOMATIE}benin/",
    },
    {
        "country": "MG",
        "intro": "<p>Environnement, accès à l’eau et formation professionnelle : les associations de la région "
                 "y mènent de nombreux projets avec des partenaires malgaches.</p>",
        "capital": "Antananarivo",
        "languages": "Malgache et français (officielles)",
        "population": 30_300_000,
        "population_year": 2023,
        "embassy_url": "https://mg.ambafrance.org/",
        "travel_advice_url": f"{DIPLOMATIE}madagascar/",
    },
    {
        "country": "BF",
        "intro": "<p>Un groupe pays actif réunit les acteurs qui y travaillent ; la situation de sécurité "
                 "conduit à adapter les missions.</p>",
        "capital": "Ouagadougou",
        "languages": "Français, mooré, dioula, fulfuldé",
        "population": 22_700_000,
        "population_year": 2023,
        "embassy_url": "https://bf.ambafrance.org/",
        "travel_advice_url": f"{DIPLOMATIE}burkina-faso/",
    },
]


def load(options, progress):
    if default_root() is None:
        progress("countries: no default site, nothing loaded")
        return 0
    with transaction.atomic():
        _index, made = ensure_index_page(
            CountryIndexPage, slug="pays", title="Zooms pays",
            intro="Les pays où travaillent les acteurs de la région : qui y agit, les groupes pays, "
                  "les formations et les offres pour les jeunes.",
        )
        created = int(made)
        known = set(CountryProfile.objects.values_list("country", flat=True))
        for entry in PROFILES:
            if entry["country"] not in known:
                CountryProfile.objects.create(**entry)
                created += 1
    progress(f"countries: {created} items created")
    return created
