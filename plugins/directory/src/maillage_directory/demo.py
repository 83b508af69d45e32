"""Demo content: a directory page and realistic actors of a French region.

Names, towns and departments are those of Auvergne-Rhône-Alpes; countries
and sectors follow what the networks' barometers report (West Africa and
Madagascar first, then the Maghreb, Haiti, South-East Asia). The same
numbered actor is always generated the same way, so the loader is
idempotent: a second run creates only the actors that are missing, and
``options["actors"]`` (``load_demo --actors N``) sets how many there are.
"""

import datetime
import random

from django.db import transaction
from django.utils.html import escape
from wagtail.models import Site

from maillage_core.data.seed import ensure_vocabulary
from maillage_core.models import ActorType, Sector, SustainableDevelopmentGoal

from .importing.importer import SlugAllocator
from .models import Actor, ActorProject, DirectoryPage

DEFAULT_ACTORS = 2000
BATCH = 2000
KEY_PREFIX = "demo-"

TOWNS = {
    "01": [("Bourg-en-Bresse", "01000"), ("Oyonnax", "01100"), ("Ambérieu-en-Bugey", "01500")],
    "03": [("Moulins", "03000"), ("Montluçon", "03100"), ("Vichy", "03200")],
    "07": [("Privas", "07000"), ("Aubenas", "07200"), ("Annonay", "07100")],
    "15": [("Aurillac", "15000"), ("Saint-Flour", "15100")],
    "26": [("Valence", "26000"), ("Montélimar", "26200"), ("Romans-sur-Isère", "26100"), ("Die", "26150")],
    "38": [("Grenoble", "38000"), ("Vienne", "38200"), ("Voiron", "38500"), ("Bourgoin-Jallieu", "38300"),
           ("Échirolles", "38130")],
    "42": [("Saint-Étienne", "42000"), ("Roanne", "42300"), ("Montbrison", "42600")],
    "43": [("Le Puy-en-Velay", "43000"), ("Yssingeaux", "43200")],
    "63": [("Clermont-Ferrand", "63000"), ("Riom", "63200"), ("Thiers", "63300"), ("Issoire", "63500")],
    "69": [("Lyon", "69001"), ("Lyon", "69007"), ("Villeurbanne", "69100"), ("Vénissieux", "69200"),
           ("Villefranche-sur-Saône", "69400"), ("Bron", "69500")],
    "73": [("Chambéry", "73000"), ("Aix-les-Bains", "73100"), ("Albertville", "73200")],
    "74": [("Annecy", "74000"), ("Annemasse", "74100"), ("Thonon-les-Bains", "74200"), ("Cluses", "74300")],
}
DEPARTMENT_WEIGHTS = {"01": 5, "03": 3, "07": 4, "15": 2, "26": 7, "38": 16, "42": 8, "43": 3, "63": 10, "69": 30,
                      "73": 5, "74": 7}
COUNTRIES = {"SN": 10, "BF": 10, "MG": 7, "ML": 6, "MA": 6, "BJ": 6, "CM": 5, "TG": 5, "CI": 5, "HT": 5, "TN": 4,
             "NE": 4, "VN": 4, "DZ": 3, "CD": 3, "GN": 3, "KH": 3, "IN": 3, "CG": 2, "MR": 2, "TD": 2, "RW": 2,
             "BI": 2, "NP": 2, "LB": 2, "PS": 2, "AM": 2, "UA": 2, "BR": 2, "PE": 2, "BO": 2, "LA": 1, "RO": 1,
             "CO": 1, "EC": 1, "NI": 1, "GT": 1, "ET": 1, "KE": 1, "TZ": 1, "MZ": 1, "GH": 1, "PH": 1, "CV": 1,
             "KM": 1, "MU": 1}
PLACES = {"SN": "Ziguinchor", "BF": "Koudougou", "MG": "Fianarantsoa", "ML": "Kayes", "MA": "Ouarzazate",
          "BJ": "Abomey", "CM": "Bafoussam", "TG": "Kpalimé", "CI": "Bouaké", "HT": "Jacmel", "TN": "Kairouan",
          "NE": "Zinder", "VN": "Huế", "DZ": "Tlemcen", "CD": "Bukavu", "GN": "Labé", "KH": "Battambang",
          "IN": "Pondichéry"}
TYPE_WEIGHTS = {"association": 55, "collectivite": 12, "etablissement-scolaire": 8, "hopital": 3, "universite": 4,
                "socio-professionnel": 4, "entreprise": 5, "fondation": 2, "etablissement-public": 2, "osim": 4,
                "reseau": 1}
THEMES = ["Solidarité", "Partage", "Espoir", "Entraide", "Horizons", "Passerelles", "Terre", "Eau vive",
          "Santé", "Écoles", "Enfance", "Femmes", "Jeunesse", "Semences", "Lumière", "Artisans"]
PEOPLE = ["Jean Moulin", "Marie Curie", "Victor Hugo", "Louise Michel", "Jules Ferry", "Simone Veil",
          "Aimé Césaire", "Léopold Sédar Senghor", "Germaine Tillion", "Charles Péguy"]
SURNAMES = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
            "Simon", "Laurent", "Michel", "Garcia", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Faure"]
ACTIVITIES = ["Énergies solaires", "Conseil en développement", "Ingénierie de l'eau", "Commerce équitable",
              "Architecture durable", "Formation numérique"]
STATUS_OF_TYPE = {"association": "association", "osim": "association", "reseau": "association",
                  "collectivite": "collectivite", "etablissement-scolaire": "etablissement-public",
                  "hopital": "etablissement-public", "universite": "etablissement-public",
                  "etablissement-public": "etablissement-public", "socio-professionnel": "etablissement-public",
                  "entreprise": "entreprise", "fondation": "fondation"}
SIZES = ["1-10", "11-50", "51-250", "250+"]


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
    if DirectoryPage.objects.exists():
        return 0
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return 0
    page = site.root_page.add_child(instance=DirectoryPage(
        title="Annuaire des acteurs", slug="annuaire", show_in_menus=True,
        intro="Les associations, collectivités, établissements et entreprises de la région engagés à l’international.",
    ))
    page.save_revision().publish()
    return 1


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
        from .statistics import forget

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
