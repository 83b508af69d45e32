"""Demo content of the site itself: a network's editorial pages, in French.

Idempotent: pages are found by slug and created only when missing, so the
loader can run at every ``make run``.
"""

from django.db import transaction
from wagtail.models import Site

from .models import ContentPage, HomePage

HOME_INTRO = (
    "Le réseau régional multi-acteurs de la coopération et de la solidarité internationales : "
    "associations, collectivités, établissements scolaires et de santé, universités et entreprises "
    "qui agissent ensemble, ici et là-bas."
)

PAGES = [
    {
        "slug": "le-reseau",
        "title": "Le réseau",
        "intro": "Un espace d’information, d’échange et d’appui pour tous les acteurs de la région engagés à l’international.",
        "show_in_menus": True,
        "body": [
            ("heading", {"text": "Nos missions", "level": "h2"}),
            (
                "paragraph",
                "<p>Le réseau recense et met en relation les acteurs de la coopération décentralisée et de la "
                "solidarité internationale, accompagne les porteurs de projets, forme les bénévoles et les "
                "salariés, et anime des groupes de travail par pays et par thème.</p>",
            ),
            ("heading", {"text": "Nos membres fondateurs", "level": "h2"}),
            (
                "paragraph",
                "<p>La Région, l’État (préfecture de région), des collectivités territoriales, des associations "
                "de solidarité internationale, des universités et des établissements de santé.</p>",
            ),
        ],
    },
    {
        "slug": "nos-services",
        "title": "Nos services",
        "intro": "Accompagnement de projets, formations, information sur les financements et mise en réseau.",
        "show_in_menus": True,
        "body": [
            (
                "paragraph",
                "<p>Un rendez-vous d’accompagnement est proposé à chaque porteur de projet : montage, "
                "recherche de partenaires et de financements, évaluation.</p>",
            ),
        ],
    },
    {
        "slug": "cooperation-decentralisee",
        "title": "Coopération décentralisée",
        "intro": "Les collectivités territoriales de la région et leurs partenaires à l’étranger.",
        "show_in_menus": True,
        "body": [
            (
                "paragraph",
                "<p>La coopération décentralisée associe une collectivité française et une collectivité "
                "étrangère autour d’un projet d’intérêt commun : eau, santé, éducation, gouvernance locale.</p>",
            ),
        ],
    },
]


@transaction.atomic
def load(options, progress):
    created = 0
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    if isinstance(home, HomePage) and not home.intro:
        home.title = "Réseau régional de coopération internationale"
        home.intro = HOME_INTRO
        home.save_revision().publish()
        created += 1
    site.site_name = site.site_name if site.site_name not in ("", "Maillage") else "Maillage — réseau régional"
    site.save()
    for spec in PAGES:
        if ContentPage.objects.filter(slug=spec["slug"]).exists():
            continue
        fields = {k: v for k, v in spec.items() if k != "body"}
        page = home.add_child(instance=ContentPage(body=spec["body"], **fields))
        page.save_revision().publish()
        created += 1
    progress(f"site pages: {created} created")
    return created
