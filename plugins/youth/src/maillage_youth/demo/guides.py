"""Four departure guides: general advice, always pointing to the official
sources that hold the details (they change, these pages must not pretend
otherwise)."""


def paragraph(html):
    return {"type": "paragraph", "value": html}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def links(title, items):
    return {
        "type": "links",
        "value": {
            "heading": title,
            "links": [{"text": text, "page": None, "url": url, "note": note} for text, url, note in items],
        },
    }


def faq(title, items):
    return {
        "type": "accordion",
        "value": {"heading": title, "items": [{"question": q, "answer": a} for q, a in items]},
    }


GUIDES = [
    {
        "slug": "sante",
        "title": "Partir en bonne santé",
        "topic": "health",
        "intro": "Vaccins, traitements, trousse de secours : ce qu'il faut prévoir avant de partir, et à qui "
                 "demander conseil.",
        "body": [
            heading("Consulter avant le départ"),
            paragraph("<p>Prenez rendez-vous avec un médecin ou un centre de vaccinations internationales <b>au "
                      "moins six semaines avant le départ</b> : certains vaccins demandent plusieurs injections. "
                      "Le vaccin contre la fièvre jaune est obligatoire pour entrer dans certains pays et n'est "
                      "fait que dans ces centres.</p>"),
            heading("Sur place"),
            paragraph("<ul><li>Protégez-vous des moustiques et demandez conseil sur la prévention du paludisme "
                      "selon votre destination.</li><li>Emportez vos ordonnances et vos traitements en quantité "
                      "suffisante.</li><li>Repérez avant de partir où vous faire soigner près de votre lieu de "
                      "mission.</li></ul>"),
            links("Sources officielles", [
                ("Conseils aux voyageurs, pays par pays", "https://www.diplomatie.gouv.fr/fr/conseils-aux-voyageurs/",
                 "ministère de l'Europe et des Affaires étrangères"),
                ("Centre médical de l'Institut Pasteur : préparer son voyage",
                 "https://www.pasteur.fr/fr/centre-medical", ""),
            ]),
            faq("Questions fréquentes", [
                ("Mes vaccins sont-ils pris en charge ?",
                 "<p>Cela dépend du vaccin et de votre couverture : demandez à votre médecin et à votre "
                 "mutuelle. Certains dispositifs (VSI, Corps européen de solidarité) prévoient une prise en "
                 "charge : renseignez-vous auprès de l'organisme d'envoi.</p>"),
                ("Je suis un traitement : que faire ?",
                 "<p>Parlez-en à votre médecin avant de partir et vérifiez que votre traitement est autorisé "
                 "dans le pays d'accueil.</p>"),
            ]),
        ],
    },
    {
        "slug": "assurance",
        "title": "Bien s'assurer",
        "topic": "insurance",
        "intro": "Maladie, rapatriement, responsabilité civile : vérifiez ce que votre dispositif couvre et ce "
                 "qui reste à votre charge.",
        "body": [
            heading("Ce que couvre votre dispositif"),
            paragraph("<p>Le service civique, le VSI et le Corps européen de solidarité comprennent une "
                      "protection sociale ou une assurance : demandez le détail à l'organisme qui vous envoie. "
                      "Pour un stage, un chantier ou un projet personnel, c'est souvent à vous de vous "
                      "assurer.</p>"),
            heading("En Europe"),
            paragraph("<p>La carte européenne d'assurance maladie se demande gratuitement à votre caisse "
                      "d'assurance maladie, au moins deux semaines avant le départ. Elle ne couvre pas le "
                      "rapatriement.</p>"),
            heading("Hors d'Europe"),
            paragraph("<p>Prévoyez une assurance santé et rapatriement pour toute la durée du séjour. Pour un "
                      "long séjour, la Caisse des Français de l'étranger propose une couverture volontaire.</p>"),
            links("Sources officielles", [
                ("Carte européenne d'assurance maladie", "https://www.ameli.fr/", "Assurance maladie"),
                ("Caisse des Français de l'étranger", "https://www.cfe.fr/", ""),
            ]),
        ],
    },
    {
        "slug": "visas-et-papiers",
        "title": "Visas et papiers",
        "topic": "visas",
        "intro": "Passeport, visa, inscription auprès du consulat : les démarches à lancer tôt.",
        "body": [
            heading("Passeport et visa"),
            paragraph("<p>Vérifiez la date de fin de validité de votre passeport : beaucoup de pays demandent "
                      "qu'il soit valable plusieurs mois après votre retour. Les conditions de visa dépendent du "
                      "pays et du motif du séjour (volontariat, stage, emploi) : seule l'ambassade du pays "
                      "d'accueil fait foi.</p>"),
            heading("Avant de partir"),
            paragraph("<ul><li>Gardez une copie numérique de vos papiers.</li><li>Inscrivez-vous sur Ariane pour "
                      "recevoir les consignes de sécurité et être contacté en cas de crise.</li></ul>"),
            links("Sources officielles", [
                ("Passeport : les démarches", "https://www.service-public.fr/particuliers/vosdroits/N360",
                 "Service-Public.fr"),
                ("Ariane, le fil de sécurité des voyageurs", "https://pastel.diplomatie.gouv.fr/fildariane/", ""),
                ("Conseils aux voyageurs", "https://www.diplomatie.gouv.fr/fr/conseils-aux-voyageurs/", ""),
            ]),
        ],
    },
    {
        "slug": "financer-son-depart",
        "title": "Financer son départ",
        "topic": "funding",
        "intro": "Indemnités, bourses, aides collectives : les pistes pour partir sans tout payer soi-même.",
        "body": [
            heading("Les dispositifs indemnisés"),
            paragraph("<p>Le service civique, le VSI, le Corps européen de solidarité et le VIE versent une "
                      "indemnité et prennent en charge le voyage : comparez-les dans le catalogue des "
                      "dispositifs.</p>"),
            heading("Les aides aux projets"),
            paragraph("<p>Pour un projet de groupe, JSI et VVVSI subventionnent une part du budget. Votre "
                      "région, votre département ou votre ville proposent parfois des bourses de mobilité : "
                      "renseignez-vous auprès d'eux et du réseau, qui connaît les appels en cours.</p>"),
            links("Pour aller plus loin", [
                ("Erasmus+ : étudier, se former, faire un stage en Europe", "https://agence.erasmusplus.fr/", ""),
                ("Info Jeunes : partir à l'étranger", "https://www.cidj.com/", "CIDJ"),
            ]),
            faq("Questions fréquentes", [
                ("Puis-je cumuler une bourse et une indemnité ?",
                 "<p>Parfois : chaque financeur a ses règles. Posez la question avant de déposer vos "
                 "dossiers.</p>"),
            ]),
        ],
    },
]
