"""Demo content of the site itself: a regional network's editorial portal,
in French (presentation, founding members, team, services, 20 news items,
8 issues of La Lettre with tagged PDFs, resources, contact form, legal
notice, personal data policy, accessibility statement, site map).

Idempotent and quick to re-run: one query lists the pages already there,
and only what is missing is made (images, documents and settings too), so
``make run`` can call it every time without touching the officer's edits.
"""

from datetime import date, timedelta
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Page, Site

from maillage_core.models import IdentitySettings

from ..models import (
    AccessibilityStatementPage,
    ContactFormField,
    ContactPage,
    ContentPage,
    NetworkSettings,
    NewsCategory,
    NewsIndexPage,
    NewsletterIndexPage,
    NewsletterIssuePage,
    NewsPage,
    ResourceDocument,
    ResourceIndexPage,
    ResourcePage,
    SiteMapPage,
)
from . import content
from .media import Library


@transaction.atomic
def load(options, progress):
    loader = DemoLoader()
    loader.run(progress)
    progress(f"site pages: {loader.created} created, {loader.media_created} images and documents made")
    return loader.created


# News tagged with a country name are about that country (its country page lists them).
COUNTRY_TAGS = {"Sénégal": "SN", "Burkina Faso": "BF", "Madagascar": "MG", "Bénin": "BJ"}

class DemoLoader:
    def __init__(self):
        self.site = Site.objects.select_related("root_page").get(is_default_site=True)
        self.home = self.site.root_page.specific
        self.existing = dict(Page.objects.values_list("url_path", "pk"))
        self.created = 0
        self._library = None

    @property
    def library(self):
        if self._library is None:  # only when something is missing
            self._library = Library()
        return self._library

    @property
    def media_created(self):
        return self._library.created if self._library else 0

    def run(self, progress):
        contact = self.ensure(self.home, "questions-reponses", self.contact_page)
        for spec in content.PAGES:
            self.content_tree(self.home, spec, contact)
        news_index = self.ensure(self.home, "actualites", self.news_index)
        self.news(news_index)
        newsletter = self.ensure(self.home, "la-lettre", self.newsletter_index)
        self.issues(newsletter)
        resources = self.ensure(self.home, "ressources", self.resource_index)
        self.resources(resources)
        for slug, spec in content.FOOTER_PAGES.items():
            self.ensure(self.home, slug, lambda spec=spec: ContentPage(body=self.body(spec["body"]), **fields_of(spec)))
        self.ensure(self.home, "accessibilite", self.accessibility_statement)
        self.ensure(
            self.home, "plan-du-site", lambda: SiteMapPage(title="Plan du site", intro="Toutes les pages du site.")
        )
        progress(f"site pages: {self.created} created")
        self.home_page()
        self.settings()

    # Pages ---------------------------------------------------------------

    def ensure(self, parent, slug, make):
        """The page at ``parent/slug/``, created and published from ``make()`` when missing."""
        if parent is None:
            return None
        path = f"{parent.url_path}{slug}/"
        if path in self.existing:
            return Lazy(self.existing[path], path)
        page = make()
        page.slug = slug
        parent = parent.resolve() if isinstance(parent, Lazy) else parent
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.existing[path] = page.pk
        self.created += 1
        return page

    def content_tree(self, parent, spec, contact):
        def make():
            return ContentPage(
                body=self.body(spec["body"], contact), show_in_menus=parent is self.home, **fields_of(spec)
            )

        page = self.ensure(parent, spec["slug"], make)
        for child in spec.get("children", []):
            self.content_tree(page, child, contact)

    def body(self, blocks, contact=None):
        return [(kind, self.block_value(kind, value, contact)) for kind, value in blocks]

    def block_value(self, kind, value, contact):
        if kind == "partners" and value["partners"] == "FOUNDING_MEMBERS":
            partners = [
                {
                    "name": name,
                    "logo": self.library.image(f"Logo {name}", "", 480, 240, i, name.replace(" ", "\n", 1)),
                    "url": "",
                }
                for i, name in enumerate(content.FOUNDING_MEMBERS)
            ]
            return {**value, "partners": partners}
        if kind == "people" and value["people"] == "TEAM":
            people = [{"name": n, "role": r, "photo": None, "email": e, "phone": ""} for n, r, e in content.TEAM]
            return {**value, "people": people}
        if kind == "table":
            return {
                "caption": value["caption"],
                "columns": [{"type": t, "heading": h} for t, h in value["columns"]],
                "rows": [{"values": row} for row in value["rows"]],
            }
        if kind == "call_to_action" and value["link"].get("page"):
            target = contact.resolve() if isinstance(contact, Lazy) else contact
            return {**value, "link": {**value["link"], "page": target}}
        return value

    def contact_page(self):
        spec = content.CONTACT
        page = ContactPage(
            title=spec["title"],
            intro=spec["intro"],
            body=spec["body"],
            form_heading=spec["form_heading"],
            thank_you_text=spec["thank_you_text"],
            show_in_menus=True,
        )
        page.form_fields = [
            ContactFormField(
                label=label, field_type=kind, required=required, choices=choices, help_text=help_text, sort_order=i
            )
            for i, (label, kind, required, choices, help_text) in enumerate(spec["fields"])
        ]
        return page

    def news_index(self):
        return NewsIndexPage(
            title="Actualités",
            intro="La vie du réseau, les appels à projets, les formations et les rendez-vous de la solidarité internationale en région.",
            show_in_menus=True,
        )

    def news(self, index):
        if index is None:
            return
        categories = None
        today = date.today()
        for number, (title, category, tags, summary, text) in enumerate(content.NEWS):
            slug = slugify(title)[:70]
            if f"{index.url_path}{slug}/" in self.existing:
                continue
            if categories is None:
                categories = self.categories()
            page = NewsPage(
                title=title,
                date=today - timedelta(days=3 + number * 19),
                intro=summary,
                listing_image=self.news_image(number) if number % 3 != 2 else None,
                body=[("paragraph", f"<p>{text}</p>")] + self.news_extras(number),
                countries=[COUNTRY_TAGS[tag] for tag in tags if tag in COUNTRY_TAGS],
            )
            page.categories = [categories[category]]
            page.tags.add(*tags)
            self.ensure(index, slug, lambda page=page: page)

    def news_image(self, number):
        captions = [
            "Réunion d’un groupe pays",
            "Atelier de formation",
            "Forum des projets",
            "Rencontre de jeunes volontaires",
            "Chantier d’adduction d’eau",
            "Exposition sur les ODD",
        ]
        caption = captions[number % len(captions)]
        return self.library.image(
            f"Illustration – {caption}", f"Illustration : {caption.lower()}", 1600, 900, number, ""
        )

    def news_extras(self, number):
        if number == 0:
            return [
                (
                    "quote",
                    {
                        "quote": "Vingt-cinq ans après, le réseau reste un lieu où l’on se rencontre avant de coopérer.",
                        "author": "La présidente du réseau",
                        "role": "",
                    },
                )
            ]
        if number == 1:
            document = self.library.pdf(
                "Règlement de l’appel à projets régional",
                [
                    ("H1", "Appel à projets régional « Solidarité internationale »"),
                    ("P", "Règlement, critères d’éligibilité et calendrier de dépôt des dossiers."),
                ],
                "reglement-appel-a-projets.pdf",
            )
            return [("documents", {"heading": "Documents de l’appel à projets", "documents": [document]})]
        return []

    def categories(self):
        found = {c.slug: c for c in NewsCategory.objects.all()}
        for slug, name in content.CATEGORIES:
            if slug not in found:
                found[slug] = NewsCategory.objects.create(slug=slug, name=name)
        return found

    def newsletter_index(self):
        return NewsletterIndexPage(
            title="La Lettre",
            intro="La lettre trimestrielle du réseau : dossiers, portraits d’acteurs, agenda et appels à projets.",
            subscription="<p>Pour recevoir La Lettre, écrivez-nous depuis la page <b>Questions–réponses</b> en choisissant le sujet « Autre ».</p>",
            show_in_menus=True,
        )

    def issues(self, index):
        if index is None:
            return
        quarter_start = date(date.today().year, 3 * ((date.today().month - 1) // 3) + 1, 1)
        for position, (topic, summary) in enumerate(content.ISSUE_TOPICS):
            number = 48 - position
            slug = f"lettre-{number}"
            if f"{index.url_path}{slug}/" in self.existing:
                continue
            month = quarter_start.month - 3 * position
            year = quarter_start.year + (month - 1) // 12
            issue_date = date(year, (month - 1) % 12 + 1, 1)
            season = content.SEASONS[(issue_date.month - 1) // 3 + 1]
            title = f"La Lettre n° {number} — {season} {issue_date.year}"
            blocks = [
                ("H1", title),
                ("P", summary),
                ("H2", f"Dossier : {topic}"),
                ("P", summary * 3),
                ("H2", "Agenda"),
                (
                    "P",
                    "Formations, groupes pays et rencontres du trimestre : retrouvez toutes les dates sur le site du réseau.",
                ),
            ]
            pdf = self.library.pdf(title, blocks, f"la-lettre-{number}.pdf")
            cover = self.library.image(
                f"Couverture de La Lettre n° {number}", "", 600, 800, position, f"La Lettre\nn° {number}"
            )
            body = []
            if position < 4:  # the recent issues also have a web version
                body = [
                    ("heading", {"text": f"Dossier : {topic}", "level": "h2"}),
                    ("paragraph", f"<p>{summary}</p>"),
                    ("heading", {"text": "Agenda", "level": "h2"}),
                    (
                        "paragraph",
                        "<p>Formations, groupes pays et rencontres du trimestre : retrouvez toutes les dates dans les actualités.</p>",
                    ),
                ]
            page = NewsletterIssuePage(
                title=title,
                number=number,
                issue_date=issue_date,
                summary=summary,
                cover_image=cover,
                pdf=pdf,
                body=body,
            )
            self.ensure(index, slug, lambda page=page: page)

    def resource_index(self):
        return ResourceIndexPage(
            title="Ressources",
            intro="Guides, fiches pratiques, outils, comptes rendus de rencontres et études à télécharger.",
            show_in_menus=True,
        )

    def resources(self, index):
        if index is None:
            return
        from maillage_core.models import Sector

        sectors = None
        for number, (slug, title, kind, sector_slugs, summary) in enumerate(content.RESOURCES):
            if f"{index.url_path}{slug}/" in self.existing:
                continue
            if sectors is None:
                sectors = {s.slug: s for s in Sector.objects.all()}
            document = self.library.pdf(
                title, [("H1", title), ("P", summary), ("H2", "Sommaire"), ("P", summary * 4)], f"{slug}.pdf"
            )
            page = ResourcePage(
                title=title,
                kind=kind,
                date=date.today() - timedelta(days=20 + number * 41),
                summary=summary,
                body=[("paragraph", f"<p>{summary}</p>")],
            )
            page.sectors = [sectors[s] for s in sector_slugs if s in sectors]
            page.documents = [ResourceDocument(document=document, description="")]
            self.ensure(index, slug, lambda page=page: page)

    def accessibility_statement(self):
        spec = dict(content.ACCESSIBILITY)
        return AccessibilityStatementPage(
            audit_date=date.today() - timedelta(days=60), statement_date=date.today() - timedelta(days=55), **spec
        )

    # Home page and settings -------------------------------------------------

    def home_page(self):
        home = self.home
        if home.hero_image_id or home.body:
            return  # already set up, possibly edited by the officer: leave it
        spec = content.HOME
        home.title = spec["title"]
        home.intro = spec["intro"]
        home.hero_image = self.library.image("Bandeau d’accueil", "", 1600, 600, 0, "")
        home.hero_link_id = self.existing.get(f"{home.url_path}le-reseau/")
        home.hero_link_text = spec["hero_link_text"]
        home.body = [
            ("heading", {"text": "Agir ensemble, ici et là-bas", "level": "h2"}),
            (
                "paragraph",
                "<p>Le réseau accompagne les acteurs de la région dans leurs projets de coopération et de solidarité internationales, et fait connaître leurs actions.</p>",
            ),
            (
                "call_to_action",
                {
                    "title": "Vous avez une question ?",
                    "text": "Les réponses aux questions fréquentes, et un formulaire pour écrire à l’équipe.",
                    "link": {
                        "text": "Questions–réponses",
                        "page": Page.objects.get(pk=self.existing[f"{home.url_path}questions-reponses/"]),
                        "url": "",
                    },
                },
            ),
        ]
        home.save_revision().publish()
        if self.site.site_name in ("", "Maillage"):
            self.site.site_name = "Maillage — réseau régional"
            self.site.save()

    def settings(self):
        self.identity()
        network = NetworkSettings.for_site(self.site)
        if network.name:
            return
        spec = content.NETWORK
        for name in ("name", "acronym", "description", "street_address", "postal_code", "city", "email", "phone"):
            setattr(network, name, spec[name])
        network.social_links = [("link", {"name": name, "url": url}) for name, url in spec["social_links"]]
        root = self.home.url_path
        network.legal_notice_page_id = self.existing.get(f"{root}mentions-legales/")
        network.privacy_page_id = self.existing.get(f"{root}donnees-personnelles/")
        network.accessibility_page_id = self.existing.get(f"{root}accessibilite/")
        network.site_map_page_id = self.existing.get(f"{root}plan-du-site/")
        network.contact_page_id = self.existing.get(f"{root}questions-reponses/")
        network.save()


    def identity(self):
        """The demo network's neutral logo (logo.svg, beside this loader), in
        the header and as the browsers' icon; the default colours."""
        identity = IdentitySettings.for_site(self.site)
        if identity.logo_id is None:
            identity.logo = self.library.svg(
                "Logo Maillage (démonstration)", "", Path(__file__).with_name("logo.svg"), 120, 120
            )
            identity.save()


class Lazy:
    """A page known only by id and path; fetched when a child must be added under it."""

    def __init__(self, pk, url_path):
        self.pk, self.url_path = pk, url_path

    def resolve(self):
        return Page.objects.get(pk=self.pk).specific


def fields_of(spec):
    return {name: spec[name] for name in ("title", "intro") if name in spec}
