"""The demo portal's French texts: a regional network of international
cooperation and solidarity as its officer would write it. Fictional names,
addresses and figures."""

NETWORK = {
    "name": "Maillage — réseau régional de coopération internationale",
    "acronym": "MAILLAGE",
    "description": "Le réseau régional multi-acteurs de la coopération et de la solidarité internationales.",
    "street_address": "Maison des solidarités, 12 rue des Échanges",
    "postal_code": "69007",
    "city": "Lyon",
    "email": "contact@maillage.localhost",
    "phone": "04 00 00 00 00",
    "social_links": [
        ("Mastodon", "https://mastodon.example/@maillage"),
        ("LinkedIn", "https://linkedin.example/company/maillage"),
        ("PeerTube", "https://peertube.example/c/maillage"),
    ],
}

HOME = {
    "title": "Réseau régional de coopération internationale",
    "intro": (
        "Le réseau régional multi-acteurs de la coopération et de la solidarité internationales : associations, "
        "collectivités, établissements scolaires et de santé, universités et entreprises qui agissent ensemble, "
        "ici et là-bas."
    ),
    "hero_link_text": "Découvrir le réseau",
}

CATEGORIES = [
    ("vie-du-reseau", "Vie du réseau"),
    ("financements", "Financements"),
    ("formations", "Formations"),
    ("ecsi", "Éducation à la citoyenneté"),
    ("jeunesse", "Jeunesse et engagement"),
]

TEAM = [
    ("Claire Martin", "Directrice", "direction@maillage.localhost"),
    ("Karim Benali", "Chargé d’accompagnement des porteurs de projets", "accompagnement@maillage.localhost"),
    ("Sophie Lambert", "Chargée de communication", "communication@maillage.localhost"),
    ("Moussa Diallo", "Chargé de mission jeunesse et engagement", "jeunesse@maillage.localhost"),
    ("Élise Garnier", "Chargée de formation", "formation@maillage.localhost"),
    ("Thomas Roche", "Assistant administratif et financier", "gestion@maillage.localhost"),
]

FOUNDING_MEMBERS = [
    "Conseil régional",
    "Préfecture de région",
    "Union des associations de solidarité",
    "Université régionale",
    "Centre hospitalier universitaire",
    "Chambre régionale de l’économie sociale",
]

PAGES = [
    {
        "slug": "le-reseau",
        "title": "Le réseau",
        "intro": "Un espace d’information, d’échange et d’appui pour tous les acteurs de la région engagés à l’international.",
        "body": [
            ("heading", {"text": "Nos missions", "level": "h2"}),
            (
                "paragraph",
                "<p>Le réseau recense et met en relation les acteurs de la coopération décentralisée et de la solidarité internationale, accompagne les porteurs de projets, forme les bénévoles et les salariés, et anime des groupes de travail par pays et par thème.</p>",
            ),
            (
                "key_figures",
                {
                    "heading": "Le réseau en chiffres",
                    "figures": [
                        {"value": "2 000", "label": "acteurs recensés dans la région"},
                        {"value": "12", "label": "groupes pays et thématiques"},
                        {"value": "40", "label": "formations chaque année"},
                        {"value": "25", "label": "ans d’existence"},
                    ],
                },
            ),
            ("heading", {"text": "Un réseau multi-acteurs", "level": "h2"}),
            (
                "paragraph",
                "<p>Le réseau est l’un des réseaux régionaux multi-acteurs (RRMA) reconnus par le ministère de l’Europe et des Affaires étrangères. Il est financé par l’État et la Région, et gouverné par ses membres fondateurs.</p>",
            ),
            (
                "quote",
                {
                    "quote": "Le réseau nous a permis de rencontrer une commune partenaire au Sénégal et de monter notre premier projet d’adduction d’eau.",
                    "author": "Une élue d’une commune de la région",
                    "role": "membre du groupe pays Sénégal",
                },
            ),
            (
                "call_to_action",
                {
                    "title": "Vous portez un projet à l’international ?",
                    "text": "Prenez rendez-vous avec l’équipe : le premier entretien est gratuit.",
                    "link": {"text": "Poser une question à l’équipe", "page": "questions-reponses", "url": ""},
                },
            ),
        ],
        "children": [
            {
                "slug": "membres-fondateurs",
                "title": "Nos membres fondateurs",
                "intro": "Les institutions et organisations qui ont créé le réseau et en assurent la gouvernance.",
                "body": [
                    (
                        "paragraph",
                        "<p>Le réseau a été créé par l’État, la Région et les principales familles d’acteurs de la solidarité internationale du territoire. Son conseil d’administration réunit des représentants de chaque collège.</p>",
                    ),
                    ("partners", {"heading": "Les membres fondateurs", "partners": "FOUNDING_MEMBERS"}),
                ],
            },
            {
                "slug": "equipe",
                "title": "L’équipe",
                "intro": "Six salariés au service des acteurs de la région.",
                "body": [("people", {"heading": "L’équipe permanente", "people": "TEAM"})],
            },
        ],
    },
    {
        "slug": "nos-services",
        "title": "Nos services",
        "intro": "Accompagnement de projets, formations, information sur les financements et mise en réseau.",
        "body": [
            (
                "paragraph",
                "<p>Un rendez-vous d’accompagnement est proposé à chaque porteur de projet : montage, recherche de partenaires et de financements, évaluation.</p>",
            ),
            (
                "accordion",
                {
                    "heading": "Ce que nous proposons",
                    "items": [
                        {
                            "question": "Accompagnement de projets",
                            "answer": "<p>Entretiens individuels, relecture de dossiers de demande de financement, mise en relation avec des partenaires expérimentés.</p>",
                        },
                        {
                            "question": "Formations",
                            "answer": "<p>Un programme semestriel de formations courtes : cycle de projet, gestion financière, éducation à la citoyenneté et à la solidarité internationale.</p>",
                        },
                        {
                            "question": "Information sur les financements",
                            "answer": "<p>Une veille des appels à projets régionaux, nationaux et européens, publiée chaque mois dans nos actualités.</p>",
                        },
                        {
                            "question": "Groupes pays et thématiques",
                            "answer": "<p>Des réunions régulières entre acteurs engagés dans un même pays ou sur un même thème, avec comptes rendus en ligne.</p>",
                        },
                    ],
                },
            ),
            (
                "table",
                {
                    "caption": "Permanences d’accompagnement",
                    "columns": [("text", "Département"), ("text", "Lieu"), ("text", "Jour")],
                    "rows": [
                        ["Rhône", "Maison des solidarités, Lyon", "Mardi"],
                        ["Isère", "Maison des associations, Grenoble", "Jeudi"],
                        ["Loire", "Médiathèque, Saint-Étienne", "Premier vendredi du mois"],
                    ],
                },
            ),
        ],
    },
    {
        "slug": "cooperation-decentralisee",
        "title": "Coopération décentralisée",
        "intro": "Les collectivités territoriales de la région et leurs partenaires à l’étranger.",
        "body": [
            (
                "paragraph",
                "<p>La coopération décentralisée associe une collectivité française et une collectivité étrangère autour d’un projet d’intérêt commun : eau, santé, éducation, gouvernance locale.</p>",
            ),
            (
                "paragraph",
                "<p>Le réseau accompagne les communes, intercommunalités et départements qui veulent s’engager, et anime un groupe de travail des élus et agents en charge des relations internationales.</p>",
            ),
        ],
    },
]

FOOTER_PAGES = {
    "mentions-legales": {
        "title": "Mentions légales",
        "intro": "Éditeur, hébergeur et conditions d’utilisation du site.",
        "body": [
            ("heading", {"text": "Éditeur", "level": "h2"}),
            (
                "paragraph",
                "<p>Ce site est édité par l’association Maillage, réseau régional de coopération internationale, Maison des solidarités, 12 rue des Échanges, 69007 Lyon. Directrice de la publication : la directrice de l’association.</p>",
            ),
            ("heading", {"text": "Hébergement", "level": "h2"}),
            (
                "paragraph",
                "<p>Le site est hébergé en France par un prestataire soumis au droit français ; ses coordonnées sont disponibles sur demande.</p>",
            ),
            ("heading", {"text": "Propriété intellectuelle", "level": "h2"}),
            (
                "paragraph",
                "<p>Sauf mention contraire, les textes du site sont publiés sous licence Creative Commons BY-SA 4.0. Les logos des membres et partenaires restent la propriété de leurs titulaires.</p>",
            ),
            ("heading", {"text": "Liens vers le site", "level": "h2"}),
            ("paragraph", "<p>Tout site peut établir un lien vers ce site sans autorisation préalable.</p>"),
        ],
    },
    "donnees-personnelles": {
        "title": "Données personnelles",
        "intro": "Quelles données le réseau traite, pourquoi, combien de temps, et comment exercer vos droits.",
        "body": [
            ("heading", {"text": "Responsable du traitement", "level": "h2"}),
            (
                "paragraph",
                '<p>L’association Maillage est responsable des traitements décrits ci-dessous. Pour toute question : <a href="mailto:dpo@maillage.localhost">dpo@maillage.localhost</a>.</p>',
            ),
            (
                "table",
                {
                    "caption": "Données traitées",
                    "columns": [("text", "Traitement"), ("text", "Finalité"), ("text", "Durée de conservation")],
                    "rows": [
                        ["Formulaire de contact", "Répondre à votre question", "12 mois après la réponse"],
                        ["Inscription aux formations", "Organiser la formation et délivrer l’attestation", "3 ans"],
                        [
                            "Annuaire des acteurs",
                            "Faire connaître les acteurs de la région",
                            "Tant que la structure est active",
                        ],
                    ],
                },
            ),
            ("heading", {"text": "Vos droits", "level": "h2"}),
            (
                "paragraph",
                "<p>Vous disposez d’un droit d’accès, de rectification, d’effacement et d’opposition. Vous pouvez aussi adresser une réclamation à la CNIL.</p>",
            ),
            ("heading", {"text": "Mesure d’audience et cookies", "level": "h2"}),
            (
                "paragraph",
                "<p>Le site ne dépose aucun cookie de mesure d’audience ni de réseau social. Seuls des cookies techniques (langue choisie, session d’administration) sont utilisés.</p>",
            ),
        ],
    },
}

ACCESSIBILITY = {
    "title": "Accessibilité",
    "status": "partial",
    "rgaa_version": "4.1.2",
    "audited_by": "l’équipe du réseau (auto-évaluation)",
    "compliance_rate": "82.5",
    "non_conformities": "<ul><li>Certaines Lettres au format PDF antérieures à 2024 ne sont pas balisées (critère 13.3).</li><li>Quelques vidéos de partenaires n’ont pas de transcription (critère 4.1).</li></ul>",
    "derogations": "",
    "exempt_content": "<ul><li>Les cartes interactives de partenaires intégrées sur certaines pages ; leur contenu est repris sous forme de liste.</li></ul>",
    "technologies": "HTML5\nCSS\nJavaScript (aucun contenu n’en dépend)",
    "test_environment": "NVDA 2024 et Firefox\nVoiceOver et Safari sur macOS\nTalkBack et Chrome sur Android",
    "tools": "axe-core (règles WCAG 2.1 A et AA)\nContrôle manuel au clavier\nValidateur HTML du W3C",
    "audited_pages": "Accueil\nLe réseau\nActualités\nUne actualité\nLa Lettre\nRessources\nQuestions–réponses\nMentions légales\nAccessibilité\nPlan du site",
    "contact": '<p>Écrivez à <a href="mailto:accessibilite@maillage.localhost">accessibilite@maillage.localhost</a> ou utilisez notre formulaire de questions–réponses.</p>',
}

CONTACT = {
    "title": "Questions–réponses",
    "intro": "Les réponses aux questions les plus fréquentes, et un formulaire pour écrire à l’équipe.",
    "body": [
        (
            "accordion",
            {
                "heading": "Questions fréquentes",
                "items": [
                    {
                        "question": "Comment adhérer au réseau ?",
                        "answer": "<p>L’adhésion est gratuite pour toutes les structures de la région engagées à l’international. Il suffit de créer sa fiche dans l’annuaire des acteurs.</p>",
                    },
                    {
                        "question": "Le réseau finance-t-il des projets ?",
                        "answer": "<p>Non : le réseau ne finance pas directement de projets, mais il informe sur les financements existants et aide à préparer les dossiers.</p>",
                    },
                    {
                        "question": "Comment s’inscrire à une formation ?",
                        "answer": "<p>Chaque formation a son formulaire d’inscription dans l’agenda. Les formations sont gratuites pour les membres.</p>",
                    },
                    {
                        "question": "Je suis jeune et je veux partir à l’étranger : par où commencer ?",
                        "answer": "<p>Consultez l’Espace Jeunes : il présente les dispositifs d’engagement (service civique à l’international, volontariat de solidarité internationale, Corps européen de solidarité).</p>",
                    },
                ],
            },
        ),
    ],
    "form_heading": "Écrire à l’équipe",
    "thank_you_text": "<p>Merci ! Votre message a bien été reçu. L’équipe vous répond en général sous une semaine.</p>",
    "fields": [
        ("Nom", "singleline", True, "", ""),
        ("Adresse électronique", "email", True, "", "Nous l’utilisons seulement pour vous répondre."),
        ("Structure", "singleline", False, "", "Association, collectivité, établissement…"),
        ("Sujet", "dropdown", True, "Adhésion\nAccompagnement de projet\nFormations\nEspace Jeunes\nAutre", ""),
        ("Message", "multiline", True, "", ""),
    ],
}

NEWS_TAGS = [
    "Sénégal",
    "Burkina Faso",
    "Madagascar",
    "Liban",
    "Haïti",
    "eau",
    "santé",
    "ODD",
    "appel à projets",
    "volontariat",
    "SSI",
]

# (title, category, tags, summary, paragraph)
NEWS = [
    (
        "Assemblée générale : le réseau fête ses 25 ans",
        "vie-du-reseau",
        ["ODD"],
        "Plus de 150 acteurs réunis à Lyon pour l’assemblée générale et les 25 ans du réseau.",
        "La journée a alterné tables rondes, ateliers par pays et un forum des projets. Le rapport d’activité et les comptes ont été approuvés à l’unanimité.",
    ),
    (
        "Appel à projets régional « Solidarité internationale » : ouverture des candidatures",
        "financements",
        ["appel à projets"],
        "La Région ouvre son appel à projets annuel ; dépôt des dossiers jusqu’à fin mars.",
        "Les projets de coopération portés par des associations et des collectivités de la région peuvent être soutenus jusqu’à 50 % de leur budget. L’équipe relit les dossiers sur rendez-vous.",
    ),
    (
        "Formation « Monter un projet de solidarité internationale » : inscriptions ouvertes",
        "formations",
        [],
        "Deux journées pour passer de l’idée au dossier de financement.",
        "La formation aborde le diagnostic partagé avec les partenaires, le cadre logique, le budget et le suivi-évaluation. Elle est gratuite pour les membres du réseau.",
    ),
    (
        "Festival des Solidarités : plus de 80 événements dans la région",
        "ecsi",
        ["SSI", "ODD"],
        "Projections, débats, repas partagés : le programme régional du festival est en ligne.",
        "Le réseau coordonne le festival dans la région et met à disposition des collectifs locaux une exposition sur les objectifs de développement durable.",
    ),
    (
        "Groupe pays Sénégal : retour sur la rencontre de printemps",
        "vie-du-reseau",
        ["Sénégal", "eau"],
        "Trente participants ont partagé leurs projets dans les régions de Podor et de Matam.",
        "Les échanges ont porté sur la gestion des forages villageois et sur la place des femmes dans les comités de gestion de l’eau. Le compte rendu est disponible dans les ressources.",
    ),
    (
        "Partir en volontariat de solidarité internationale : une soirée d’information",
        "jeunesse",
        ["volontariat"],
        "Témoignages d’anciens volontaires et présentation des dispositifs d’engagement.",
        "La soirée s’adresse aux jeunes de 18 à 30 ans. Des volontaires de retour de Madagascar et du Burkina Faso ont raconté leur mission.",
    ),
    (
        "Santé mondiale : un nouveau groupe thématique",
        "vie-du-reseau",
        ["santé"],
        "Hôpitaux, associations et universités lancent un groupe de travail sur la santé mondiale.",
        "Le groupe se réunira trois fois par an. Premier thème retenu : les partenariats hospitaliers et la formation des soignants.",
    ),
    (
        "Fonds de solidarité pour les projets innovants : résultats 2025",
        "financements",
        ["appel à projets"],
        "Douze projets de la région soutenus, dont cinq portés par des associations de jeunes.",
        "Les projets lauréats concernent l’accès à l’eau, la formation professionnelle et l’agriculture durable. La liste complète est publiée dans La Lettre.",
    ),
    (
        "Liban : mobilisation des acteurs de la région",
        "vie-du-reseau",
        ["Liban", "santé"],
        "Une réunion d’urgence a permis de coordonner les initiatives de soutien.",
        "Collectivités et associations ont partagé les besoins exprimés par leurs partenaires libanais et les moyens de les relayer.",
    ),
    (
        "Éducation à la citoyenneté : un kit pédagogique pour les lycées",
        "ecsi",
        ["ODD"],
        "Un nouveau kit pour aborder les objectifs de développement durable en classe.",
        "Conçu avec des enseignants, le kit comprend des fiches d’activités, un jeu de rôle et des ressources vidéo sous-titrées.",
    ),
    (
        "Madagascar : un projet d’adduction d’eau inauguré",
        "vie-du-reseau",
        ["Madagascar", "eau"],
        "Trois villages de la région Analamanga ont désormais accès à l’eau potable.",
        "Le projet, porté par une commune de la région et son partenaire malgache, a été accompagné par le réseau de la conception à l’évaluation.",
    ),
    (
        "Formation « Gestion financière des projets » : nouvelles dates",
        "formations",
        [],
        "Une journée pour maîtriser le budget, les justificatifs et les rapports financiers.",
        "La formation s’appuie sur des cas réels présentés par les participants. Elle est ouverte aux bénévoles comme aux salariés.",
    ),
    (
        "Service civique à l’international : 40 missions proposées",
        "jeunesse",
        ["volontariat"],
        "Les structures de la région proposent 40 missions de service civique à l’étranger.",
        "Les missions durent de six à dix mois, au Sénégal, au Burkina Faso, à Madagascar et en Haïti. Les candidatures se font en ligne.",
    ),
    (
        "Haïti : point de situation avec les partenaires",
        "vie-du-reseau",
        ["Haïti"],
        "Les associations engagées en Haïti font le point sur la poursuite de leurs projets.",
        "Malgré un contexte sécuritaire difficile, la plupart des projets éducatifs se poursuivent grâce aux équipes locales.",
    ),
    (
        "Financements européens : une matinée pour s’y retrouver",
        "financements",
        ["appel à projets"],
        "Programmes, calendriers et conseils pratiques pour candidater aux financements européens.",
        "Des porteurs de projets ayant obtenu un financement européen ont partagé leur expérience et leurs conseils.",
    ),
    (
        "Burkina Faso : les coopérations décentralisées maintenues",
        "vie-du-reseau",
        ["Burkina Faso"],
        "Les collectivités de la région poursuivent leurs partenariats malgré le contexte.",
        "Une rencontre des élus a permis d’échanger sur les modalités de suivi à distance des projets.",
    ),
    (
        "Baromètre 2025 de la solidarité internationale en région",
        "vie-du-reseau",
        ["ODD"],
        "Les résultats de l’enquête annuelle auprès de 600 acteurs de la région.",
        "Le baromètre montre une hausse de l’engagement des jeunes et une diversification des partenariats, mais aussi la fragilité financière des petites associations.",
    ),
    (
        "Semaine de l’engagement : des jeunes ambassadeurs dans les lycées",
        "jeunesse",
        ["volontariat", "SSI"],
        "Vingt jeunes de retour de mission à l’étranger interviennent dans les lycées.",
        "Les ambassadeurs racontent leur expérience et présentent les dispositifs pour partir à leur tour.",
    ),
    (
        "Nouvelle version du portail du réseau",
        "vie-du-reseau",
        [],
        "Un site plus accessible, plus rapide et plus simple à utiliser sur téléphone.",
        "Le nouveau portail respecte le référentiel général d’amélioration de l’accessibilité (RGAA) ; la déclaration d’accessibilité détaille les points restant à corriger.",
    ),
    (
        "Formation « Animer un atelier d’éducation à la citoyenneté »",
        "formations",
        ["ODD"],
        "Des outils et des méthodes pour animer des ateliers avec tous les publics.",
        "Les participants repartent avec des fiches d’animation et un accès aux ressources du réseau.",
    ),
]

RESOURCES = [
    (
        "guide-montage-projet",
        "Guide du montage de projet de solidarité internationale",
        "guide",
        ["gouvernance"],
        "Les étapes d’un projet, du diagnostic partagé à l’évaluation, avec des exemples de la région.",
    ),
    (
        "fiche-cofinancements",
        "Fiche pratique : rechercher des cofinancements",
        "fact-sheet",
        ["economie-sociale"],
        "Les principaux financeurs publics et privés, leurs calendriers et leurs critères.",
    ),
    (
        "compte-rendu-rencontre-regionale",
        "Compte rendu de la rencontre régionale 2025",
        "report",
        [],
        "Synthèse des ateliers et des tables rondes de la rencontre annuelle des acteurs.",
    ),
    (
        "grille-auto-evaluation",
        "Outil : grille d’auto-évaluation d’un projet",
        "tool",
        [],
        "Une grille simple pour faire le point avec ses partenaires à mi-parcours.",
    ),
    (
        "barometre-2025",
        "Baromètre 2025 de la solidarité internationale en région",
        "study",
        [],
        "L’enquête annuelle auprès de 600 acteurs : engagement, partenariats, financements.",
    ),
    (
        "fiche-eau-assainissement",
        "Fiche pratique : les projets d’eau et d’assainissement",
        "fact-sheet",
        ["eau-assainissement"],
        "Les points d’attention d’un projet d’eau : gouvernance, maintenance, tarification.",
    ),
    (
        "compte-rendu-groupe-senegal",
        "Compte rendu du groupe pays Sénégal",
        "report",
        [],
        "Les échanges de la rencontre de printemps du groupe pays Sénégal.",
    ),
    (
        "kit-ecsi",
        "Kit pédagogique « Les ODD en classe »",
        "tool",
        ["ecsi", "education"],
        "Fiches d’activités et jeu de rôle pour aborder les objectifs de développement durable au lycée.",
    ),
]

SEASONS = {1: "Hiver", 2: "Printemps", 3: "Été", 4: "Automne"}

ISSUE_TOPICS = [
    (
        "Les 25 ans du réseau",
        "Retour sur l’assemblée générale anniversaire, les lauréats du fonds de solidarité et l’agenda des formations.",
    ),
    (
        "Jeunesse et engagement",
        "Dossier sur les dispositifs de volontariat, témoignages de jeunes de retour de mission et calendrier des candidatures.",
    ),
    (
        "L’eau, un bien commun",
        "Projets d’eau et d’assainissement de la région, retour sur le groupe pays Sénégal et nouvelles ressources.",
    ),
    (
        "Financer son projet",
        "Tour d’horizon des appels à projets, conseils de l’équipe et témoignages de porteurs de projets.",
    ),
    (
        "Éducation à la citoyenneté",
        "Le Festival des Solidarités dans la région et le nouveau kit pédagogique pour les lycées.",
    ),
    ("Santé mondiale", "Lancement du groupe thématique santé et partenariats hospitaliers de la région."),
    (
        "Coopération décentralisée",
        "Les collectivités de la région et leurs partenaires : rencontres, projets et perspectives.",
    ),
    (
        "Le baromètre régional",
        "Les résultats du baromètre annuel et ce qu’ils disent de la solidarité internationale en région.",
    ),
]
