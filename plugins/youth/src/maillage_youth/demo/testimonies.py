"""A dozen demo testimonies. The people are invented; three carry a
generated picture (a plain gradient, described as such), never a photo of
a real person."""

import io

# (author, title, scheme slug, country, year, story)
TESTIMONIES = [
    ("Léa", "Six mois dans une école de Kpalimé", "service-civique-international", "TG", 2024,
     "J'ai passé six mois dans une école primaire de Kpalimé, avec une association de la Drôme. Les premières "
     "semaines, j'observais surtout : la classe, les collègues, la façon de travailler.\n\nPeu à peu, j'ai animé "
     "des ateliers de lecture avec une enseignante. Ce que je retiens : on apprend beaucoup plus qu'on ne donne, "
     "et il faut prendre le temps de comprendre avant de proposer."),
    ("Karim", "Deux ans de VSI à Madagascar", "volontariat-solidarite-internationale", "MG", 2023,
     "Ingénieur agronome, je suis parti deux ans en volontariat de solidarité internationale auprès d'une "
     "organisation paysanne de Fianarantsoa.\n\nLe travail portait sur les semences et le stockage des récoltes. "
     "La formation avant le départ m'a beaucoup aidé à comprendre ma place de volontaire, en appui et non à la "
     "place des équipes locales."),
    ("Manon", "Mon volontariat européen en Lituanie", "corps-europeen-de-solidarite", "LT", 2024,
     "Avec le Corps européen de solidarité, j'ai passé neuf mois dans un centre de jeunesse à Kaunas. Tout était "
     "pris en charge : le voyage, le logement, les cours de langue.\n\nJe n'avais jamais vécu loin de chez moi. "
     "Aujourd'hui je travaille dans l'animation, et cette année a tout déclenché."),
    ("Yanis", "Un projet de groupe avec des jeunes de Bobo-Dioulasso", "jeunesse-solidarite-internationale", "BF",
     2023,
     "Avec dix jeunes de notre maison de quartier, nous avons préparé pendant un an un projet avec un groupe de "
     "Bobo-Dioulasso : ateliers de musique et de vidéo, puis trois semaines sur place.\n\nL'année suivante, ce "
     "sont eux qui sont venus chez nous. Le plus fort, c'est l'amitié qui reste."),
    ("Inès", "Trois semaines de chantier au Maroc", "chantiers-internationaux", "MA", 2024,
     "Mon premier départ : un chantier international dans un village près d'Ouarzazate, pour rénover une école "
     "avec quinze bénévoles de six pays.\n\nOn travaillait le matin, l'après-midi était consacré aux rencontres "
     "et à la découverte. Le budget restait raisonnable : l'inscription et le billet d'avion."),
    ("Tom", "VIE au Vietnam, dans une entreprise d'énergie solaire", "volontariat-international-vie-via", "VN",
     2022,
     "Après mon master, j'ai fait un VIE de dix-huit mois à Hô Chi Minh-Ville pour une PME d'équipements "
     "solaires. Une vraie première expérience professionnelle, très formatrice.\n\nJe conseille de bien se "
     "renseigner sur le pays avant de signer, et de garder du temps pour apprendre la langue."),
    ("Awa", "Service civique en santé communautaire au Sénégal", "service-civique-international", "SN", 2025,
     "J'ai rejoint une association de Ziguinchor qui forme des relais de santé dans les quartiers. Mon rôle : "
     "aider à préparer les supports et accompagner les séances.\n\nJe suis née en France de parents sénégalais, "
     "et cette mission m'a fait découvrir le pays autrement."),
    ("Hugo", "Volontaire dans une coopérative artisanale au Pérou", "volontariat-solidarite-internationale", "PE",
     2022,
     "Un an à Cusco, à appuyer une coopérative de tisserandes pour la vente en commerce équitable. J'ai surtout "
     "appris à écouter et à travailler au rythme de la coopérative.\n\nLe retour a été plus difficile que le "
     "départ : prévoyez du temps pour ça aussi."),
    ("Camille", "Un été de chantier en Arménie", "chantiers-internationaux", "AM", 2023,
     "Trois semaines à restaurer un sentier de randonnée avec des bénévoles arméniens, allemands et italiens. "
     "Des paysages incroyables et des soirées à parler en trois langues.\n\nC'est une bonne première expérience "
     "si on hésite à partir longtemps."),
    ("Sofiane", "Notre projet VVVSI en Tunisie", "ville-vie-vacances-solidarite-internationale", "TN", 2024,
     "Avec le centre social, nous sommes partis à huit à Kairouan pour animer un tournoi de football et des "
     "ateliers avec une association de jeunes.\n\nOn a dû trouver une partie du financement nous-mêmes, avec des "
     "ventes de gâteaux et une cagnotte. Ça valait le coup."),
    ("Julie", "Mon service civique à Lyon, tourné vers le monde", "service-civique-international", "FR", 2025,
     "Je n'ai pas pu partir à l'étranger, alors j'ai fait mon service civique dans une association lyonnaise "
     "d'éducation à la citoyenneté mondiale. Interventions dans les lycées, festival des solidarités…\n\nCela "
     "m'a donné envie de partir plus tard, en connaissant mieux les enjeux."),
    ("Mathis", "Volontariat en équipe en Pologne", "corps-europeen-de-solidarite", "PL", 2025,
     "Six semaines de volontariat en équipe dans une ferme pédagogique près de Cracovie. Court, intense, et "
     "entièrement pris en charge.\n\nParfait pour une première expérience avant un projet plus long."),
]
WITH_PICTURE = {0, 3, 6}


def gradient_picture(number):
    """A 640×480 JPEG of a plain two-colour gradient (demo material only)."""
    from PIL import Image

    top, bottom = [((230, 140, 60), (40, 90, 160)), ((90, 160, 90), (240, 220, 150)), ((200, 80, 80), (250, 200, 120))][
        number % 3
    ]
    # Two pixels stretched: the resampling draws the gradient.
    image = Image.new("RGB", (1, 2))
    image.putpixel((0, 0), top)
    image.putpixel((0, 1), bottom)
    image = image.resize((640, 480), Image.Resampling.BILINEAR)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()
