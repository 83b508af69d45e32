"""The shared thesaurus of the regional networks.

Sectors and actor types are editable by the officer after seeding; the
SDGs are fixed by the United Nations, in their official French and English
short names.
"""

# (slug, French name, English name)
SECTORS = [
    ("agriculture", "Agriculture, alimentation et développement rural", "Agriculture, food and rural development"),
    ("eau-assainissement", "Eau, assainissement et hygiène", "Water, sanitation and hygiene"),
    ("education", "Éducation et formation", "Education and training"),
    ("sante", "Santé", "Health"),
    ("environnement", "Environnement, climat et biodiversité", "Environment, climate and biodiversity"),
    ("energie", "Énergie", "Energy"),
    ("economie-sociale", "Économie sociale et solidaire, insertion et emploi", "Social economy, integration and employment"),
    ("gouvernance", "Gouvernance, démocratie et droits humains", "Governance, democracy and human rights"),
    ("egalite", "Égalité femmes-hommes", "Gender equality"),
    ("enfance-jeunesse", "Enfance et jeunesse", "Children and youth"),
    ("culture", "Culture et patrimoine", "Culture and heritage"),
    ("sport", "Sport", "Sport"),
    ("urbanisme", "Urbanisme, habitat et aménagement", "Urban planning and housing"),
    ("numerique", "Numérique", "Digital"),
    ("humanitaire", "Action humanitaire et urgence", "Humanitarian and emergency action"),
    ("migrations", "Migrations et développement", "Migration and development"),
    ("ecsi", "Éducation à la citoyenneté et à la solidarité internationale", "Global citizenship education"),
    ("commerce-equitable", "Commerce équitable et tourisme responsable", "Fair trade and responsible tourism"),
]

# (slug, French name, English name)
ACTOR_TYPES = [
    ("association", "Association", "Association"),
    ("collectivite", "Collectivité territoriale", "Local authority"),
    ("etablissement-scolaire", "Établissement scolaire", "School"),
    ("hopital", "Hôpital et établissement de santé", "Hospital and health institution"),
    ("universite", "Université et recherche", "University and research"),
    ("socio-professionnel", "Organisation socio-professionnelle", "Professional body"),
    ("entreprise", "Entreprise", "Company"),
    ("fondation", "Fondation", "Foundation"),
    ("etablissement-public", "Établissement public", "Public body"),
    ("osim", "Organisation de solidarité issue des migrations", "Diaspora organisation"),
    ("reseau", "Réseau, collectif ou fédération", "Network or federation"),
]

# (number, French name, English name)
SDGS = [
    (1, "Pas de pauvreté", "No poverty"),
    (2, "Faim « zéro »", "Zero hunger"),
    (3, "Bonne santé et bien-être", "Good health and well-being"),
    (4, "Éducation de qualité", "Quality education"),
    (5, "Égalité entre les sexes", "Gender equality"),
    (6, "Eau propre et assainissement", "Clean water and sanitation"),
    (7, "Énergie propre et d'un coût abordable", "Affordable and clean energy"),
    (8, "Travail décent et croissance économique", "Decent work and economic growth"),
    (9, "Industrie, innovation et infrastructure", "Industry, innovation and infrastructure"),
    (10, "Inégalités réduites", "Reduced inequalities"),
    (11, "Villes et communautés durables", "Sustainable cities and communities"),
    (12, "Consommation et production responsables", "Responsible consumption and production"),
    (13, "Mesures relatives à la lutte contre les changements climatiques", "Climate action"),
    (14, "Vie aquatique", "Life below water"),
    (15, "Vie terrestre", "Life on land"),
    (16, "Paix, justice et institutions efficaces", "Peace, justice and strong institutions"),
    (17, "Partenariats pour la réalisation des objectifs", "Partnerships for the goals"),
]
