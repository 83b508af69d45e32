"""Columns of the shared thesaurus: the shape the regional networks
exchange their actors in, for import and export alike."""

KEY = "cle"
NAME = "nom"
REQUIRED = (KEY, NAME)

# column -> what it holds (shown in the admin screen and the README)
COLUMNS = {
    "cle": "identifiant stable de l'acteur dans le fichier du réseau",
    "nom": "nom de l'organisation",
    "sigle": "sigle",
    "type": "type d'acteur (code ou nom, ex. association)",
    "statut_juridique": "statut juridique (code ou nom)",
    "description": "présentation (texte)",
    "adresse": "adresse du siège",
    "code_postal": "code postal (5 chiffres)",
    "ville": "ville",
    "departement": "département du siège (code, ex. 69 ou 2A)",
    "site_web": "site web",
    "email": "email public",
    "telephone": "téléphone public",
    "pays": "pays d'intervention (codes ISO à deux lettres séparés par ;)",
    "secteurs": "secteurs (codes ou noms séparés par ;)",
    "odd": "objectifs de développement durable (numéros séparés par ;)",
    "annee_creation": "année de création",
}
# Import only: private, never exported in the thesaurus shape.
PRIVATE_COLUMNS = {
    "contact_nom": "personne à contacter (jamais publiée)",
    "contact_email": "email de la personne à contacter (jamais publié)",
}
EXPORT_COLUMNS = list(COLUMNS)
IMPORT_COLUMNS = {**COLUMNS, **PRIVATE_COLUMNS}
LIST_SEPARATORS = ";|,"


def normalise_header(header):
    import unicodedata

    text = unicodedata.normalize("NFKD", str(header or "")).encode("ascii", "ignore").decode()
    return "_".join(text.strip().lower().replace("-", " ").replace("'", " ").split())
