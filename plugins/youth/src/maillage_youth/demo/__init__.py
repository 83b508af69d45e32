"""Demo content of the youth space: an Espace Jeunes landing page with the
main engagement schemes, about forty offers (some closed), a dozen
testimonies and four departure guides.

Idempotent: each page is found by type and slug, offers by slug,
testimonies by title; a second run creates nothing and costs a handful of
queries.
"""

import datetime
import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Site

from maillage_core.models import Sector

from ..expiry import close_expired_offers
from ..models import (
    GuidePage,
    Offer,
    OfferBoardPage,
    SchemeIndexPage,
    SchemePage,
    Testimony,
    TestimonyIndexPage,
    YouthSpacePage,
)
from . import guides, offers, schemes, testimonies

PUBLICATION_TERMS = (
    "<p>Votre prénom ou pseudonyme, votre récit et, si vous en envoyez une, votre photo sont publiés sur ce site "
    "après relecture par l'équipe du réseau. Votre adresse électronique n'est jamais publiée : elle sert à vous "
    "prévenir de la publication et à vous envoyer le lien qui permet de retirer votre témoignage à tout "
    "moment.</p>"
)


def load(options, progress):
    created = 0
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        progress("youth: no default site, nothing loaded")
        return 0
    landing, made = ensure_page(site.root_page, YouthSpacePage, "espace-jeunes", title="Espace Jeunes",
                                intro="Partir à l'étranger, trouver un stage ou un emploi, lire ceux qui sont "
                                      "partis : tout pour les jeunes qui veulent s'engager.",
                                show_in_menus=True)
    created += made
    catalogue, made = ensure_page(landing, SchemeIndexPage, "dispositifs", title="Les dispositifs pour partir",
                                  intro="Service civique, volontariat, chantiers… Répondez à quelques questions "
                                        "pour voir ceux qui vous correspondent.")
    created += made
    board, made = ensure_page(landing, OfferBoardPage, "offres", title="Offres d'emploi, de stage et de volontariat",
                              intro="Les offres des organisations de la région et de leurs partenaires, "
                                    "vérifiées par le réseau.")
    created += made
    testimony_index, made = ensure_page(landing, TestimonyIndexPage, "temoignages", title="Témoignages",
                                        intro="Ils sont partis et racontent.", publication_terms=PUBLICATION_TERMS)
    created += made
    created += load_schemes(catalogue)
    created += load_guides(landing)
    created += load_offers()
    created += load_testimonies()
    closed = close_expired_offers()
    progress(f"youth: {created} items created, {closed} offers closed")
    return created


def ensure_page(parent, model, slug, **fields):
    found = model.objects.filter(slug=slug).first() or model.objects.first()
    if found is not None:
        return found, 0
    page = parent.add_child(instance=model(slug=slug, **fields))
    page.save_revision().publish()
    return page, 1


def load_schemes(catalogue):
    existing = set(SchemePage.objects.values_list("slug", flat=True))
    sectors = {sector.slug: sector for sector in Sector.objects.all()}
    made = 0
    for entry in schemes.SCHEMES:
        if entry["slug"] in existing:
            continue
        fields = {key: value for key, value in entry.items() if key != "sectors"}
        page = catalogue.add_child(instance=SchemePage(last_checked=schemes.CHECKED, **fields))
        page.sectors = [sectors[slug] for slug in entry["sectors"] if slug in sectors]
        page.save_revision().publish()
        made += 1
    return made


def load_guides(landing):
    existing = set(GuidePage.objects.values_list("slug", flat=True))
    made = 0
    for entry in guides.GUIDES:
        if entry["slug"] in existing:
            continue
        page = landing.add_child(instance=GuidePage(
            slug=entry["slug"], title=entry["title"], topic=entry["topic"], intro=entry["intro"],
            body=json.dumps(entry["body"]),
        ))
        page.save_revision().publish()
        made += 1
    return made


@transaction.atomic
def load_offers():
    """Offers are created published in one insert (no revision: the demo
    needs no history); the ones whose date has passed are then closed."""
    today = timezone.localdate()
    sectors = {sector.slug: sector.pk for sector in Sector.objects.all()}
    rows = []
    for number in range(len(offers.OFFERS)):
        fields = offers.offer_fields(number, today)
        published = timezone.make_aware(datetime.datetime.combine(fields.pop("published"), datetime.time(9, 0)))
        offer = Offer(live=True, sector_id=sectors.get(fields.pop("sector_slug")), first_published_at=published,
                      last_published_at=published, **fields)
        offer.slug = slugify(f"{offer.title} {offer.organisation}")[:100].strip("-")
        rows.append(offer)
    existing = set(Offer.objects.filter(slug__in=[offer.slug for offer in rows]).values_list("slug", flat=True))
    missing = [offer for offer in rows if offer.slug not in existing]
    Offer.objects.bulk_create(missing)
    return len(missing)


@transaction.atomic
def load_testimonies():
    existing = set(Testimony.objects.values_list("title", flat=True))
    by_slug = {page.slug: page for page in SchemePage.objects.all()}
    made = 0
    now = timezone.now()
    for number, (author, title, scheme, country, year, text) in enumerate(testimonies.TESTIMONIES):
        if title in existing:
            continue
        testimony = Testimony(
            author_name=author, title=title, scheme=by_slug.get(scheme), country=country, year=year, text=text,
            live=True, first_published_at=now - datetime.timedelta(days=3 * number),
        )
        if number in testimonies.WITH_PICTURE:
            from ..submissions import save_photo

            upload = SimpleUploadedFile(f"temoignage-{number}.jpg", testimonies.gradient_picture(number),
                                        content_type="image/jpeg")
            testimony.photo = save_photo(upload, title)
            testimony.photo_alt = "Image de démonstration : un dégradé de couleurs, sans personne."
        testimony.save()
        made += 1
    return made
