"""Demo content: a semester programme of the network, in French.

About fifteen trainings and thirty sessions around today's date: some past
(with attendance), some full, some with people waiting, one cancelled.
Idempotent: a second run finds the programme and its trainings by slug and
creates nothing (two queries).
"""

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from maillage_core.models import Department, Sector

from . import conf
from .models import Registration, TrainingIndexPage, TrainingSession

PROGRAMME_SLUG = "formations"

# (slug, title, format, sectors, price, summary)
TRAININGS = [
    ("monter-un-projet", "Monter un projet de solidarité internationale", "on_site", ["gouvernance", "education"], None,
     "Les étapes clés d’un projet : diagnostic partagé, objectifs, partenaires, budget et calendrier."),
    ("rechercher-des-financements", "Rechercher des financements pour son projet", "on_site", ["economie-sociale"], Decimal("30"),
     "Panorama des financeurs publics et privés, et méthode pour construire un dossier convaincant."),
    ("cadre-logique", "Le cadre logique et la gestion de projet", "hybrid", ["gouvernance"], Decimal("40"),
     "Construire et utiliser un cadre logique pour piloter un projet de coopération."),
    ("suivi-evaluation", "Suivi-évaluation des projets de coopération", "on_site", ["gouvernance"], Decimal("40"),
     "Indicateurs, outils de suivi et évaluation participative avec les partenaires."),
    ("partenariat-equilibre", "Partenariat : construire une relation équilibrée", "on_site", ["gouvernance", "migrations"], None,
     "Réciprocité, gouvernance partagée et gestion des désaccords dans un partenariat international."),
    ("animer-un-atelier-ecsi", "ECSI : animer un atelier d’éducation à la citoyenneté", "on_site", ["ecsi", "education"], None,
     "Outils d’animation pour sensibiliser jeunes et adultes aux enjeux de la solidarité internationale."),
    ("communiquer-sur-son-projet", "Communiquer sur son projet : réseaux sociaux et presse locale", "online", ["numerique"], None,
     "Raconter son action avec justesse, éviter les clichés et toucher la presse locale."),
    ("accueillir-un-volontaire", "Accueillir un volontaire en service civique à l’international", "online", ["enfance-jeunesse"], None,
     "Agrément, tutorat, mission et accompagnement au retour d’un volontaire."),
    ("gestion-financiere", "Gestion financière d’une association de solidarité", "on_site", ["economie-sociale"], Decimal("50"),
     "Budget, trésorerie, justification des subventions et transferts de fonds vers les partenaires."),
    ("eau-assainissement", "Eau et assainissement : les bases d’un projet réussi", "hybrid", ["eau-assainissement"], Decimal("40"),
     "Services d’eau durables, maîtrise d’ouvrage locale et mécanismes de financement du 1 % eau."),
    ("sante-mondiale", "Santé mondiale : agir en partenariat avec des structures de santé", "on_site", ["sante"], Decimal("40"),
     "Envoi de matériel, missions médicales, renforcement des capacités : bonnes pratiques et écueils."),
    ("egalite-femmes-hommes", "Égalité femmes-hommes dans les projets de coopération", "online", ["egalite"], None,
     "Intégrer l’approche genre à chaque étape du cycle de projet."),
    ("securite-des-equipes", "Sécurité des équipes sur le terrain", "on_site", ["humanitaire"], Decimal("60"),
     "Analyse de contexte, plan de sécurité et gestion d’incident pour les missions à l’étranger."),
    ("dispositifs-de-volontariat", "Découvrir les dispositifs de volontariat", "online", ["enfance-jeunesse"], None,
     "VSI, service civique, Corps européen de solidarité, JSI et VVVSI : qui, comment, avec quels financements."),
    ("commerce-equitable", "Commerce équitable et tourisme responsable : monter un partenariat", "on_site", ["commerce-equitable"], Decimal("30"),
     "Filières, labels et partenariats avec des producteurs et des structures d’accueil."),
]

# (code, city, venue, street, postal code)
VENUES = [
    ("69", "Lyon", "Maison des solidarités", "12 rue de la Part-Dieu", "69003"),
    ("38", "Grenoble", "Maison de l’international", "1 rue Hector-Berlioz", "38000"),
    ("42", "Saint-Étienne", "Espace des associations", "8 place Jean-Jaurès", "42000"),
    ("63", "Clermont-Ferrand", "Maison des associations", "4 rue Ballainvilliers", "63000"),
    ("73", "Chambéry", "Centre des congrès", "2 avenue du Lac", "73000"),
    ("26", "Valence", "Maison de la vie associative", "74 route de Montélier", "26000"),
]

# Days from today of each training's two sessions, and how they are filled:
# "open", "full" (every seat taken), "waitlist" (full and people waiting).
SCHEDULE = [
    (-45, 20, "open", "full"), (-30, 35, "open", "waitlist"), (-20, 40, "full", "open"), (-10, 55, "open", "open"),
    (5, 70, "waitlist", "open"), (8, 90, "open", "open"), (12, 60, "full", "open"), (15, 100, "open", "open"),
    (-60, 25, "open", "open"), (18, 110, "open", "waitlist"), (22, 120, "open", "open"), (28, 130, "full", "open"),
    (-5, 45, "open", "open"), (33, 140, "open", "open"), (38, 150, "open", "open"),
]

FIRST_NAMES = ["Camille", "Léa", "Hugo", "Inès", "Mamadou", "Sarah", "Youssef", "Chloé", "Nicolas", "Aïcha",
               "Julien", "Fatou", "Manon", "Karim", "Élise", "Thomas", "Awa", "Lucas", "Nadia", "Pierre"]
LAST_NAMES = ["Martin", "Diallo", "Bernard", "Nguyen", "Moreau", "Traoré", "Lefebvre", "Haddad", "Garnier",
              "Rousseau", "Coulibaly", "Fontaine", "Benali", "Chevalier", "Mercier", "Koné"]
ORGANISATIONS = ["Association Terres Solidaires", "Mairie de Villeurbanne", "Lycée agricole de Cibeins",
                 "Hôpital de Valence", "Université Grenoble Alpes", "Comité de jumelage de Crest", "", "Eau Vive 38"]


def load(options, progress):
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        progress("trainings: no default site, skipped")
        return 0
    programme = TrainingIndexPage.objects.filter(slug=PROGRAMME_SLUG).first()
    existing = set()
    if programme is not None:
        existing = set(programme.get_children().values_list("slug", flat=True))
        if all(spec[0] in existing for spec in TRAININGS):
            progress("trainings: demo programme already loaded")
            return 0
    with transaction.atomic():
        created = create_programme(site, programme, existing, progress)
    progress(f"trainings: {created} trainings created")
    return created


def create_programme(site, programme, existing, progress):
    if programme is None:
        programme = site.root_page.add_child(
            instance=TrainingIndexPage(
                title="Programme de formation",
                slug=PROGRAMME_SLUG,
                show_in_menus=True,
                intro="<p>Chaque semestre, le réseau propose des formations courtes et gratuites ou à petit prix "
                "aux porteurs de projets de la région, bénévoles comme salariés.</p>",
                data_policy="<p>Vos données servent uniquement à organiser la formation. Elles sont effacées deux "
                "ans après la session ; écrivez-nous pour les consulter ou les faire effacer plus tôt.</p>",
            )
        )
        programme.save_revision().publish()
    sectors = {sector.slug: sector for sector in Sector.objects.all()}
    departments = Department.objects.in_bulk([venue[0] for venue in VENUES])
    Training = conf.training_page_model()
    created = 0
    for number, (spec, schedule) in enumerate(zip(TRAININGS, SCHEDULE, strict=True)):
        slug, title, training_format, sector_slugs, price, summary = spec
        if slug in existing:
            continue
        training = programme.add_child(
            instance=Training(
                title=title,
                slug=slug,
                summary=summary,
                format=training_format,
                price=price,
                reduced_price=price / 2 if price else None,
                price_note="adhérents du réseau, étudiants, demandeurs d’emploi" if price else "",
                audience="Bénévoles et salariés d’associations, élus et agents de collectivités, enseignants.",
                trainers="Équipe du réseau\nIntervenant·e d’une association membre",
                objectives="<ul><li>Comprendre les notions clés</li><li>Repartir avec des outils concrets</li></ul>",
            )
        )
        training.sectors.set([sectors[s] for s in sector_slugs if s in sectors])
        training.save_revision().publish()
        add_sessions(training, number, schedule, departments)
        created += 1
    return created


def add_sessions(training, number, schedule, departments):
    zone = conf.time_zone()
    today = timezone.localdate(timezone=zone)
    offsets, fillings = schedule[:2], schedule[2:]
    for index, (offset, filling) in enumerate(zip(offsets, fillings, strict=True)):
        day = today + timedelta(days=offset)
        two_days = (number + index) % 4 == 0
        start = datetime.combine(day, time(9, 30), tzinfo=zone)
        end = datetime.combine(day + timedelta(days=1 if two_days else 0), time(17 if two_days else 12, 30), tzinfo=zone)
        code, city, venue, street, postal_code = VENUES[(number + index) % len(VENUES)]
        online = training.format == "online"
        session = TrainingSession.objects.create(
            training=training,
            start=start,
            end=end,
            schedule_note="Deux journées, 9 h 30 – 17 h 30" if two_days else "Une matinée, 9 h 30 – 12 h 30",
            venue_name="" if online else venue,
            street_address="" if online else street,
            postal_code="" if online else postal_code,
            city="" if online else city,
            department=None if online else departments.get(code),
            online_url=f"https://visio.example.org/formation-{training.slug}" if training.format != "on_site" else "",
            capacity=12 + (number % 3) * 4,
            registration_closes=start - timedelta(days=2),
            status=TrainingSession.Status.CANCELLED if (number, index) == (6, 1) else TrainingSession.Status.OPEN,
        )
        add_registrations(session, filling, past=end < timezone.now())


def add_registrations(session, filling, past):
    taken = {"open": session.capacity // 2, "full": session.capacity, "waitlist": session.capacity}[filling]
    waiting = 3 if filling == "waitlist" else 0
    moment = session.start - timedelta(days=30)
    registrations = []
    for n in range(taken + waiting):
        first, last = FIRST_NAMES[(n + session.pk) % len(FIRST_NAMES)], LAST_NAMES[(n * 7 + session.pk) % len(LAST_NAMES)]
        confirmed = n < taken
        registrations.append(
            Registration(
                session=session,
                status=Registration.Status.CONFIRMED if confirmed else Registration.Status.WAITLISTED,
                name=f"{first} {last}",
                email=f"{first}.{last}.{n}@example.org".lower().replace("ï", "i").replace("é", "e").replace("è", "e"),
                organisation=ORGANISATIONS[n % len(ORGANISATIONS)],
                role="Bénévole" if n % 2 else "Chargé·e de projets",
                consent_at=moment,
                waitlisted_at=None if confirmed else moment + timedelta(minutes=n),
                status_changed_at=moment,
                attended=(n % 5 != 0) if past and confirmed else None,
            )
        )
    Registration.objects.bulk_create(registrations)
