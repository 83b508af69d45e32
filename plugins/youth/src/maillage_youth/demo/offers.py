"""About forty demo offers of regional organisations, some already closed.

Organisations are invented (names in the style of the region's
associations); dates are counted from the day the demo is loaded, so the
board always shows open offers and a few that have passed their closing
date (the loader closes those as the daily command would).
"""

import datetime

# (title, kind, country, city, sector slug, duration)
OFFERS = [
    ("Deux stages en agroécologie au Burkina Faso", "internship", "BF", "Koudougou", "agriculture", "6 mois"),
    ("Stage : appui à une coopérative de karité", "internship", "BF", "Bobo-Dioulasso", "economie-sociale", "4 mois"),
    ("Volontaire en appui pédagogique dans une école primaire", "volunteering", "TG", "Kpalimé", "education", "1 an"),
    ("Mission de service civique : éducation à la citoyenneté mondiale", "civic_service", "FR", "Lyon", "ecsi", "8 mois"),
    ("Chargé·e de projet eau et assainissement", "job", "BJ", "Abomey", "eau-assainissement", "CDD 2 ans"),
    ("Stage en communication pour un festival de musique", "internship", "BJ", "Cotonou", "culture", "3 mois"),
    ("Service civique : animation d'ateliers numériques", "civic_service", "SN", "Ziguinchor", "numerique", "10 mois"),
    ("Coordinateur·rice de programmes santé communautaire", "job", "MG", "Fianarantsoa", "sante", "CDD 1 an"),
    ("Stage en gestion de projet de solidarité internationale", "internship", "FR", "Grenoble", "ecsi", "6 mois"),
    ("Volontaire en appui à un centre de santé", "volunteering", "ML", "Kayes", "sante", "1 an"),
    ("Stage : suivi d'un programme de reboisement", "internship", "MG", "Antsirabe", "environnement", "5 mois"),
    ("Service civique : sensibilisation au commerce équitable", "civic_service", "FR", "Saint-Étienne", "commerce-equitable", "8 mois"),
    ("Animateur·rice de chantier de jeunes", "volunteering", "MA", "Ouarzazate", "enfance-jeunesse", "3 semaines"),
    ("Chargé·e de mission partenariats Afrique de l'Ouest", "job", "FR", "Lyon", "gouvernance", "CDI"),
    ("Stage en appui à une radio communautaire", "internship", "CM", "Bafoussam", "culture", "4 mois"),
    ("Volontaire : accompagnement de femmes entrepreneures", "volunteering", "CI", "Bouaké", "egalite", "1 an"),
    ("Service civique : projets d'eau potable avec les écoles", "civic_service", "BF", "Ouagadougou", "eau-assainissement", "9 mois"),
    ("Stage en énergie solaire pour les centres de santé", "internship", "NE", "Zinder", "energie", "6 mois"),
    ("Responsable administratif·ve et financier·e", "job", "FR", "Valence", "economie-sociale", "CDI"),
    ("Volontaire en soutien à une école de musique", "volunteering", "HT", "Jacmel", "culture", "1 an"),
    ("Stage : étude sur les migrations et le développement local", "internship", "SN", "Dakar", "migrations", "6 mois"),
    ("Service civique : accueil des jeunes du programme d'échanges", "civic_service", "FR", "Clermont-Ferrand", "enfance-jeunesse", "7 mois"),
    ("Chargé·e de projet urgence et reconstruction", "job", "HT", "Port-au-Prince", "humanitaire", "CDD 1 an"),
    ("Stage en agronomie : semences paysannes", "internship", "TG", "Kpalimé", "agriculture", "6 mois"),
    ("Volontaire : appui à une association sportive de quartier", "volunteering", "TN", "Kairouan", "sport", "6 mois"),
    ("Service civique : médiation culturelle au Bénin", "civic_service", "BJ", "Porto-Novo", "culture", "9 mois"),
    ("Stage en urbanisme : cartographie participative", "internship", "VN", "Huế", "urbanisme", "5 mois"),
    ("Animateur·rice réseau jeunesse et solidarité", "job", "FR", "Chambéry", "enfance-jeunesse", "CDD 18 mois"),
    ("Volontaire en gestion de l'eau d'irrigation", "volunteering", "MA", "Errachidia", "eau-assainissement", "1 an"),
    ("Stage : capitalisation d'expériences en santé maternelle", "internship", "BF", "Koudougou", "sante", "4 mois"),
    ("Service civique : jardins pédagogiques et climat", "civic_service", "FR", "Annecy", "environnement", "8 mois"),
    ("Volontaire : formation aux outils numériques", "volunteering", "KH", "Battambang", "numerique", "1 an"),
    # Closed before the demo was loaded: never listed, searched or in a feed.
    ("Stage en appui à une mutuelle de santé", "internship", "SN", "Thiès", "sante", "6 mois"),
    ("Volontaire en appui à une maison des jeunes", "volunteering", "BJ", "Parakou", "enfance-jeunesse", "1 an"),
    ("Service civique : festival des solidarités", "civic_service", "FR", "Lyon", "ecsi", "8 mois"),
    ("Chargé·e de projet agriculture urbaine", "job", "CM", "Douala", "agriculture", "CDD 1 an"),
    ("Stage : diagnostic énergétique d'écoles rurales", "internship", "ML", "Ségou", "energie", "5 mois"),
    ("Volontaire en appui à une coopérative artisanale", "volunteering", "PE", "Cusco", "commerce-equitable", "1 an"),
    ("Stage en communication solidaire", "internship", "FR", "Grenoble", "ecsi", "6 mois"),
    ("Service civique : ateliers d'éducation à l'environnement", "civic_service", "MG", "Toamasina", "environnement", "8 mois"),
]
OPEN_COUNT = 32

ORGANISATIONS = [
    ("Les Amis de Koudougou", "https://koudougou.example.org"),
    ("Passerelles Lyon–Dakar", "https://passerelles.example.org"),
    ("Comité de jumelage Voiron–Kpalimé", ""),
    ("Semences d'Avenir", "https://semences-avenir.example.org"),
    ("Horizons Solidaires 38", "https://horizons38.example.org"),
    ("Collectif Santé Sud-Nord", ""),
    ("Eau et Villages Drôme", "https://eau-villages.example.org"),
    ("Maison des solidarités de Valence", "https://mds-valence.example.org"),
]

DESCRIPTION = (
    "<p>{organisation} cherche {who} pour {what}. La mission se déroule à {city}, aux côtés de l'équipe locale "
    "et des partenaires de l'association.</p>"
    "<p>Vous participerez à la préparation des activités, au suivi du projet et au partage de l'expérience avec "
    "les adhérents en France. Une préparation au départ est prévue avec le réseau régional.</p>"
)
WHO = {
    "job": "une personne salariée",
    "internship": "une ou un stagiaire",
    "volunteering": "une ou un volontaire",
    "civic_service": "une ou un volontaire en service civique",
}


def offer_fields(number, today):
    title, kind, country, city, sector, duration = OFFERS[number]
    organisation, website = ORGANISATIONS[number % len(ORGANISATIONS)]
    if number < OPEN_COUNT:
        closing = today + datetime.timedelta(days=10 + (number * 7) % 110)
        published = today - datetime.timedelta(days=1 + number % 30)
    else:
        closing = today - datetime.timedelta(days=1 + (number * 5) % 60)
        published = closing - datetime.timedelta(days=45)
    start = None if number % 5 == 0 else closing + datetime.timedelta(days=20 + number % 40)
    domain = website.removeprefix("https://") or "association.example.org"
    return {
        "title": title,
        "kind": kind,
        "organisation": organisation,
        "organisation_url": website,
        "country": country,
        "city": city,
        "duration": duration,
        "start_date": start,
        "closing_date": closing,
        "description": DESCRIPTION.format(organisation=organisation, who=WHO[kind], what=title[0].lower() + title[1:],
                                          city=city),
        "how_to_apply": "Envoyez un CV et quelques lignes de motivation en précisant l'intitulé de l'offre.",
        "application_email": f"recrutement@{domain}",
        "sector_slug": sector,
        "published": published,
    }
