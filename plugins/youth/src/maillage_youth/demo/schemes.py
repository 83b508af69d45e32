"""The main engagement schemes, as demo content and as the finder's test
catalogue.

Conditions are the public ones as known when this data was written
(``CHECKED``); they change (allowances every year, sometimes ages and
durations). Where a figure is uncertain the text says "à vérifier sur le
site officiel", and every scheme links to its official site. The pages
flag them once ``MAILLAGE_YOUTH_SCHEME_CHECK_DAYS`` have passed: the
officer must compare them with the official sites before relying on them.

``cost_from`` is the order of magnitude a participant spends at least
(travel included), used only by the finder's budget question.
"""

import datetime

CHECKED = datetime.date(2025, 1, 15)
TO_CHECK = "à vérifier sur le site officiel"

SCHEMES = [
    {
        "slug": "service-civique-international",
        "title": "Service civique à l'international",
        "short_name": "Service civique",
        "pitch": "Une mission d'intérêt général de 6 à 12 mois à l'étranger, indemnisée, ouverte sans condition "
                 "de diplôme.",
        "operator": "Agence du Service Civique, avec des organismes agréés (associations, collectivités, "
                    "France Volontaires…)",
        "age_min": 16, "age_max": 25,
        "age_note": "Jusqu'à 30 ans pour les jeunes en situation de handicap.",
        "duration_min_weeks": 26, "duration_max_weeks": 52,
        "duration_note": "Au moins 24 heures par semaine.",
        "allowance": "Indemnité mensuelle versée par l'État, complétée par l'organisme d'accueil (de l'ordre de "
                     f"600 € par mois ; montant {TO_CHECK}). Voyage, logement et protection sociale généralement "
                     "pris en charge par l'organisme.",
        "cost_from": 0,
        "diploma_note": "Aucune condition de diplôme ni d'expérience.",
        "nationality": "Nationalité française, d'un pays de l'Union européenne ou de l'Espace économique européen, "
                       f"ou séjour régulier en France depuis plus d'un an ({TO_CHECK}).",
        "regions": ["europe", "africa", "mena", "americas", "asia_pacific"],
        "destinations": "Dans le monde entier, selon les missions proposées.",
        "sectors": ["education", "sante", "environnement", "culture", "sport", "humanitaire", "ecsi",
                    "enfance-jeunesse", "egalite"],
        "how_to_apply": "<p>Les missions sont publiées sur le site de l'Agence du Service Civique : choisissez "
                        "« à l'étranger », puis candidatez directement auprès de l'organisme. Le réseau peut vous "
                        "aider à préparer votre candidature.</p>",
        "official_url": "https://www.service-civique.gouv.fr/",
    },
    {
        "slug": "volontariat-solidarite-internationale",
        "title": "Volontariat de solidarité internationale",
        "short_name": "VSI",
        "pitch": "Un engagement d'un an ou plus dans un projet de solidarité internationale, avec une association "
                 "agréée par l'État.",
        "operator": "Associations agréées par le ministère de l'Europe et des Affaires étrangères, dont France "
                    "Volontaires",
        "age_min": 18, "age_max": None,
        "age_note": "Pas de limite d'âge supérieure.",
        "duration_min_weeks": 52, "duration_max_weeks": 104,
        "duration_note": "Contrat de deux ans au plus, renouvelable dans la limite de six ans au total ; la "
                         f"plupart des missions durent un à deux ans ({TO_CHECK}).",
        "allowance": "Indemnité de subsistance adaptée au pays, couverture sociale, voyage et assurance pris en "
                     f"charge ; une indemnité de réinsertion au retour (montants {TO_CHECK}).",
        "cost_from": 0,
        "diploma_note": "Pas de diplôme exigé par la loi ; les associations recherchent souvent une qualification "
                        "ou une expérience professionnelle.",
        "nationality": "Être ressortissant d'un pays de l'Union européenne ou de l'Espace économique européen, ou "
                       f"résider régulièrement en France ({TO_CHECK}).",
        "regions": ["africa", "mena", "americas", "asia_pacific"],
        "destinations": "Pays en développement, hors Union européenne.",
        "sectors": ["agriculture", "eau-assainissement", "education", "sante", "environnement", "economie-sociale",
                    "gouvernance", "humanitaire", "enfance-jeunesse"],
        "how_to_apply": "<p>Les offres sont publiées par les associations d'envoi agréées et rassemblées sur le "
                        "site de France Volontaires. Une formation au départ est prévue.</p>",
        "official_url": "https://www.france-volontaires.org/",
    },
    {
        "slug": "corps-europeen-de-solidarite",
        "title": "Corps européen de solidarité",
        "short_name": "CES",
        "pitch": "Du volontariat en Europe et au-delà, de 2 semaines à 12 mois, voyage, logement et argent de "
                 "poche pris en charge.",
        "operator": "Union européenne ; en France, l'Agence du Service Civique (agence Erasmus+ France Jeunesse "
                    f"et Sport, {TO_CHECK})",
        "age_min": 18, "age_max": 30,
        "age_note": "Inscription possible dès 17 ans ; jusqu'à 35 ans pour le volontariat d'aide humanitaire.",
        "duration_min_weeks": 2, "duration_max_weeks": 52,
        "duration_note": "Volontariat individuel de 2 à 12 mois, volontariat en équipe de 2 semaines à 2 mois.",
        "allowance": "Voyage, hébergement, repas, assurance et argent de poche mensuel pris en charge.",
        "cost_from": 0,
        "diploma_note": "Aucune condition de diplôme.",
        "nationality": "Résider légalement dans un pays de l'Union européenne ou dans un pays partenaire du "
                       "programme.",
        "regions": ["europe", "mena"],
        "destinations": "Pays de l'Union européenne et pays partenaires voisins.",
        "sectors": ["environnement", "culture", "education", "enfance-jeunesse", "sante", "migrations", "sport",
                    "humanitaire", "numerique"],
        "how_to_apply": "<p>Inscrivez-vous sur le Portail européen de la jeunesse, puis répondez aux offres des "
                        "organisations labellisées.</p>",
        "official_url": "https://youth.europa.eu/solidarity_fr",
    },
    {
        "slug": "jeunesse-solidarite-internationale",
        "title": "Jeunesse Solidarité Internationale",
        "short_name": "JSI",
        "pitch": "Un projet collectif mené par un groupe de jeunes avec un groupe partenaire d'un pays du Sud, "
                 "soutenu financièrement par l'État.",
        "operator": "FONJEP, pour le ministère de l'Europe et des Affaires étrangères ; le projet est porté par "
                    "une association.",
        "age_min": 15, "age_max": 25,
        "age_note": f"Âges {TO_CHECK}.",
        "duration_min_weeks": 2, "duration_max_weeks": 4,
        "duration_note": f"Un séjour collectif de quelques semaines, préparé pendant plusieurs mois ({TO_CHECK}).",
        "allowance": "Subvention au projet du groupe, pour une part de son budget et dans la limite d'un plafond "
                     f"({TO_CHECK}). Les participants contribuent selon le projet.",
        "cost_from": 200,
        "diploma_note": "Aucune condition de diplôme.",
        "nationality": "",
        "other_conditions": "Un projet de groupe, accompagné par une association, avec un groupe de jeunes "
                            "partenaire dans le pays d'accueil.",
        "regions": ["africa", "mena", "americas", "asia_pacific"],
        "destinations": "Pays partenaires de la coopération française.",
        "sectors": ["education", "environnement", "culture", "sante", "agriculture", "enfance-jeunesse", "ecsi"],
        "how_to_apply": "<p>Le dossier est déposé par l'association qui porte le projet, aux dates d'appel du "
                        "FONJEP. Le réseau accompagne les groupes de la région.</p>",
        "official_url": "https://www.fonjep.org/",
    },
    {
        "slug": "ville-vie-vacances-solidarite-internationale",
        "title": "Ville Vie Vacances Solidarité Internationale",
        "short_name": "VVVSI",
        "pitch": "Des projets de solidarité internationale pour des jeunes des quartiers prioritaires, en groupe "
                 "et accompagnés.",
        "operator": "FONJEP, pour le ministère de l'Europe et des Affaires étrangères et l'Agence nationale de la "
                    f"cohésion des territoires ({TO_CHECK}) ; le projet est porté par une association.",
        "age_min": 15, "age_max": 25,
        "age_note": f"Âges {TO_CHECK}.",
        "duration_min_weeks": 2, "duration_max_weeks": 4,
        "duration_note": f"Un séjour collectif de quelques semaines ({TO_CHECK}).",
        "allowance": f"Subvention au projet du groupe, dans la limite d'un plafond ({TO_CHECK}).",
        "cost_from": 200,
        "diploma_note": "Aucune condition de diplôme.",
        "nationality": "",
        "other_conditions": "La plupart des jeunes du groupe habitent un quartier prioritaire de la politique de "
                            f"la ville ({TO_CHECK}).",
        "regions": ["africa", "mena", "americas", "asia_pacific"],
        "destinations": "Pays partenaires de la coopération française.",
        "sectors": ["education", "environnement", "culture", "sport", "enfance-jeunesse", "ecsi"],
        "how_to_apply": "<p>Le dossier est déposé par la structure jeunesse qui accompagne le groupe (centre "
                        "social, association de quartier…), aux dates d'appel du FONJEP.</p>",
        "official_url": "https://www.fonjep.org/",
    },
    {
        "slug": "chantiers-internationaux",
        "title": "Chantiers internationaux de bénévoles",
        "short_name": "Chantiers",
        "pitch": "Deux à trois semaines de chantier collectif (environnement, patrimoine, animation) avec des "
                 "jeunes du monde entier.",
        "operator": "Associations de chantiers, dont les membres de Cotravaux (Concordia, Solidarités Jeunesses, "
                    "Service Civil International…)",
        "age_min": 18, "age_max": None,
        "age_note": "Des chantiers pour les 14–17 ans existent aussi, surtout en France et en Europe.",
        "duration_min_weeks": 2, "duration_max_weeks": 4,
        "duration_note": "Le plus souvent deux à trois semaines, surtout l'été.",
        "allowance": "Hébergement et repas fournis sur place. Frais d'inscription (de l'ordre de 150 à 350 €, "
                     f"{TO_CHECK}) et voyage à la charge du bénévole.",
        "cost_from": 150,
        "diploma_note": "Aucune compétence particulière demandée.",
        "nationality": "",
        "regions": ["europe", "africa", "mena", "americas", "asia_pacific"],
        "destinations": "Europe surtout, et dans le monde entier.",
        "sectors": ["environnement", "culture", "urbanisme", "enfance-jeunesse"],
        "how_to_apply": "<p>Choisissez un chantier dans le catalogue d'une association membre de Cotravaux et "
                        "inscrivez-vous auprès d'elle, souvent dès le printemps pour l'été.</p>",
        "official_url": "https://www.cotravaux.org/",
    },
    {
        "slug": "volontariat-international-vie-via",
        "title": "Volontariat international en entreprise ou en administration",
        "short_name": "VIE / VIA",
        "pitch": "Une mission professionnelle de 6 à 24 mois dans une entreprise française à l'étranger (VIE) ou "
                 "dans le réseau diplomatique et culturel (VIA), indemnisée.",
        "operator": "Business France (VIE) et ministère de l'Europe et des Affaires étrangères (VIA)",
        "age_min": 18, "age_max": 28,
        "age_note": "",
        "duration_min_weeks": 26, "duration_max_weeks": 104,
        "duration_note": "De 6 à 24 mois, renouvelable une fois dans cette limite.",
        "allowance": "Indemnité mensuelle qui dépend du pays d'affectation, voyage et protection sociale pris en "
                     f"charge ({TO_CHECK}).",
        "cost_from": 0,
        "diploma_note": f"Pas de diplôme exigé par le statut ; la plupart des missions demandent une formation "
                        f"supérieure ({TO_CHECK}).",
        "nationality": "Nationalité d'un pays de l'Espace économique européen ; être en règle avec les obligations "
                       "de service national.",
        "regions": ["europe", "africa", "mena", "americas", "asia_pacific"],
        "destinations": "Dans le monde entier.",
        "sectors": [],
        "how_to_apply": "<p>Créez votre profil sur l'espace Mon VIE-VIA de Business France et candidatez aux "
                        "offres publiées.</p>",
        "official_url": "https://mon-vie-via.businessfrance.fr/",
    },
]


def facts(entry):
    """The finder's view of one scheme of this list (no database needed)."""
    from ..finder import SchemeFacts

    return SchemeFacts(
        key=entry["slug"],
        age_min=entry["age_min"],
        age_max=entry["age_max"],
        weeks_min=entry["duration_min_weeks"],
        weeks_max=entry["duration_max_weeks"],
        cost_from=entry["cost_from"],
        diploma_min=entry.get("diploma_min", 0),
        regions=frozenset(entry["regions"]),
        sectors=frozenset(entry["sectors"]),
    )
