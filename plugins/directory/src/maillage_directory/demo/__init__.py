"""Demo content: a directory page and realistic actors of a French region.

The data (``actors.json``, package data read only when the demo is
loaded): names, towns and departments are those of Auvergne-Rhône-Alpes; countries
and sectors follow what the networks' barometers report (West Africa and
Madagascar first, then the Maghreb, Haiti, South-East Asia). The same
numbered actor is always generated the same way, so the loader is
idempotent: a second run creates only the actors that are missing, and
``options["actors"]`` (``maillage_demo --count actors=N``) sets how many there are.
"""

import datetime
import random

from django.db import transaction
from django.utils.html import escape

from maillage_core.data.seed import ensure_vocabulary
from maillage_core.demo import ensure_index_page, read
from maillage_core.models import ActorType, Sector, SustainableDevelopmentGoal

from ..importing.importer import SlugAllocator
from ..models import Actor, ActorProject, DirectoryPage

DEFAULT_ACTORS = 2000
BATCH = 2000
KEY_PREFIX = "demo-"

DATA = read(__name__, "actors.json")
TOWNS = DATA["towns"]
DEPARTMENT_WEIGHTS = DATA["department_weights"]
COUNTRIES = DATA["countries"]
PLACES = DATA["places"]
TYPE_WEIGHTS = DATA["type_weights"]
THEMES = DATA["themes"]
PEOPLE = DATA["people"]
SURNAMES = DATA["surnames"]
ACTIVITIES = DATA["activities"]
STATUS_OF_TYPE = DATA["status_of_type"]
SIZES = DATA["sizes"]


def pick(rng, weights):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def actor_name(rng, type_slug, town, department, country):
    place = PLACES.get(country, "")
    if type_slug == "association":
        return rng.choice([
            f"{rng.choice(THEMES)} {town}–{place or country}",
            f"Les Amis de {place or rng.choice(list(PLACES.values()))}",
            f"Comité de jumelage {town}–{place or 'Koudougou'}",
            f"Association {rng.choice(THEMES)} sans frontières {department}",
            f"Agir ensemble pour {place or 'le Sahel'}",
            f"{rng.choice(THEMES)} et {rng.choice(THEMES).lower()} {town}",
        ])
    if type_slug == "collectivite":
        return rng.choice([f"Ville de {town}", f"Commune de {town}", f"Communauté d'agglomération de {town}"])
    if type_slug == "etablissement-scolaire":
        return f"{rng.choice(['Lycée', 'Collège', 'Lycée agricole'])} {rng.choice(PEOPLE)} de {town}"
    if type_slug == "hopital":
        return f"Centre hospitalier de {town}"
    if type_slug == "universite":
        return rng.choice([f"Université de {town}", f"Institut de formation en soins infirmiers de {town}",
                           f"École supérieure d'agronomie de {town}"])
    if type_slug == "socio-professionnel":
        return rng.choice([f"Chambre d'agriculture ({department})", f"Chambre de métiers et de l'artisanat ({department})"])
    if type_slug == "entreprise":
        return f"{rng.choice(SURNAMES)} {rng.choice(ACTIVITIES)}"
    if type_slug == "fondation":
        return f"Fondation {rng.choice(SURNAMES)} pour {rng.choice(['l’enfance', 'l’eau', 'la santé', 'l’éducation'])}"
    if type_slug == "osim":
        return f"Association des ressortissants de {place or 'Kayes'} en Rhône-Alpes"
    return f"Collectif {rng.choice(THEMES)} solidarité internationale ({department})"


class Vocabulary:
    def __init__(self):
        self.types = {t.slug: t.pk for t in ActorType.objects.all()}
        self.sectors = list(Sector.objects.all())
        self.sdgs = list(SustainableDevelopmentGoal.objects.values_list("number", flat=True))


def make_actor(number, vocabulary):
    rng = random.Random(f"maillage-demo-{number}")
    type_slug = pick(rng, TYPE_WEIGHTS)
    department = pick(rng, DEPARTMENT_WEIGHTS)
    town, postcode = rng.choice(TOWNS[department])
    countries = []
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3, 4])):
        code = pick(rng, COUNTRIES)
        if code not in countries:
            countries.append(code)
    sectors = rng.sample(vocabulary.sectors, k=min(len(vocabulary.sectors), rng.choice([1, 1, 2, 2, 3])))
    sdgs = rng.sample(vocabulary.sdgs, k=min(len(vocabulary.sdgs), rng.choice([1, 2, 3])))
    name = actor_name(rng, type_slug, town, department, countries[0])
    domain = "".join(ch for ch in name.lower() if ch.isalnum())[:20] or "acteur"
    founded = rng.randint(1960, 2022)
    sector_names = " et ".join(s.name.lower() for s in sectors[:2])
    description = (
        f"<p>{escape(name)} agit depuis {founded} dans les domaines suivants : {escape(sector_names)}. "
        f"Elle accompagne ses partenaires locaux dans la durée et mène des actions d’éducation à la "
        f"citoyenneté dans la région.</p>"
    )
    actor = Actor(
        external_key=f"{KEY_PREFIX}{number:06d}", name=name, actor_type_id=vocabulary.types.get(type_slug),
        legal_status=STATUS_OF_TYPE.get(type_slug, "autre"), description=description, year_founded=founded,
        members=rng.choice(SIZES[:3]), volunteers=rng.choice(SIZES[:3]), staff=rng.choice(["0", "1-10", "11-50"]),
        address=f"{rng.randint(1, 120)} rue {rng.choice(['de la République', 'Victor Hugo', 'des Écoles', 'du Port'])}",
        address_public=rng.random() > 0.2, postcode=postcode, city=town, department_id=department,
        website=f"https://www.{domain}.example.org", email=f"contact@{domain}.example.org",
        email_public=rng.random() > 0.3, phone=f"04 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
        phone_public=rng.random() > 0.5, countries=countries, contact_name=f"{rng.choice(['Claire', 'Mamadou', 'Sophie', 'Karim', 'Anne', 'Paul'])} {rng.choice(SURNAMES)}",
        contact_email=f"presidence@{domain}.example.org", live=True, has_unpublished_changes=False,
        last_confirmed_at=datetime.date(2026, 1, 1) - datetime.timedelta(days=rng.randint(0, 1000)),
    )
    projects = [
        ActorProject(
            title=f"{sector.name.split(',')[0]} à {PLACES.get(country, town)}", country=country, sector=sector,
            start_year=start, end_year=start + rng.randint(1, 4) if rng.random() > 0.4 else None, sort_order=index,
            local_partner=f"Association {rng.choice(THEMES)} de {PLACES.get(country, 'la région')}",
            description="Appui aux partenaires locaux, formation et équipement.",
        )
        for index, (country, sector, start) in enumerate(
            (rng.choice(countries), rng.choice(sectors), rng.randint(2010, 2025)) for _ in range(rng.choice([0, 1, 1, 2]))
        )
    ]
    return actor, [s.pk for s in sectors], sdgs, projects


def ensure_directory_page():
    _page, created = ensure_index_page(DirectoryPage, **DATA["page"])
    return int(created)


def load(options, progress):
    wanted = options.get("actors")
    wanted = DEFAULT_ACTORS if wanted is None else max(0, int(wanted))
    created = ensure_directory_page()
    existing = set(Actor.objects.filter(external_key__startswith=KEY_PREFIX).values_list("external_key", flat=True))
    missing = [n for n in range(1, wanted + 1) if f"{KEY_PREFIX}{n:06d}" not in existing]
    if missing:
        # The vocabulary comes from a data migration, which `flush` (and a
        # transactional test) wipes; the demo actors need it back.
        ensure_vocabulary()
    vocabulary = Vocabulary()
    slugs = SlugAllocator() if missing else None
    for start in range(0, len(missing), BATCH):
        create_batch(missing[start : start + BATCH], vocabulary, slugs)
        progress(f"directory: {min(start + BATCH, len(missing))}/{len(missing)} actors created")
    if not missing:
        progress(f"directory: {len(existing)} demo actors already there")
    if missing:
        from ..statistics import forget

        forget()
    return created + len(missing)


@transaction.atomic
def create_batch(numbers, vocabulary, slugs):
    made = [make_actor(number, vocabulary) for number in numbers]
    actors = []
    for actor, _sectors, _sdgs, _projects in made:
        actor.slug = slugs.allocate(actor.name)
        actors.append(actor)
    Actor.objects.bulk_create(actors, batch_size=500)
    sector_rows = [Actor.sectors.through(actor_id=a.pk, sector_id=s) for a, (_x, sectors, _y, _z) in zip(actors, made, strict=True) for s in sectors]
    sdg_rows = [Actor.sdgs.through(actor_id=a.pk, sustainabledevelopmentgoal_id=g) for a, (_x, _s, sdgs, _z) in zip(actors, made, strict=True) for g in sdgs]
    projects = []
    for actor, (_x, _s, _g, actor_projects) in zip(actors, made, strict=True):
        for project in actor_projects:
            project.actor_id = actor.pk
            projects.append(project)
    Actor.sectors.through.objects.bulk_create(sector_rows, batch_size=2000)
    Actor.sdgs.through.objects.bulk_create(sdg_rows, batch_size=2000)
    ActorProject.objects.bulk_create(projects, batch_size=1000)
