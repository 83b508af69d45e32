"""Demo content of the youth space: an Espace Jeunes landing page with the
main engagement schemes, about forty offers (some closed), a dozen
testimonies and four departure guides. The texts are JSON files beside
this loader (package data, read only when the demo is loaded).

Idempotent: each page is found by type and slug, offers by slug,
testimonies by title; a second run creates nothing and costs a handful of
queries.
"""

import datetime
import io
import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from maillage_core.demo import default_root, ensure_index_page, read
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
from . import schemes

SPACE = read(__name__, "space.json")


def load(options, progress):
    if default_root() is None:
        progress("youth: no default site, nothing loaded")
        return 0
    landing, made = ensure_index_page(YouthSpacePage, **SPACE["landing"])
    created = int(made)
    catalogue, made = ensure_page(landing, SchemeIndexPage, **SPACE["schemes"])
    created += made
    _board, made = ensure_page(landing, OfferBoardPage, **SPACE["offers"])
    created += made
    _testimony_index, made = ensure_page(landing, TestimonyIndexPage, **SPACE["testimonies"])
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
    for entry in read(__name__, "guides.json"):
        if entry["slug"] in existing:
            continue
        page = landing.add_child(instance=GuidePage(
            slug=entry["slug"], title=entry["title"], topic=entry["topic"], intro=entry["intro"],
            body=json.dumps(entry["body"]),
        ))
        page.save_revision().publish()
        made += 1
    return made


def offer_fields(data, number, today):
    """One demo offer, its dates counted from ``today``: the first
    ``open_count`` are open, the others closed before the demo was loaded."""
    spec = data["offers"][number]
    organisation = data["organisations"][number % len(data["organisations"])]
    if number < data["open_count"]:
        closing = today + datetime.timedelta(days=10 + (number * 7) % 110)
        published = today - datetime.timedelta(days=1 + number % 30)
    else:
        closing = today - datetime.timedelta(days=1 + (number * 5) % 60)
        published = closing - datetime.timedelta(days=45)
    start = None if number % 5 == 0 else closing + datetime.timedelta(days=20 + number % 40)
    domain = organisation["website"].removeprefix("https://") or "association.example.org"
    title = spec["title"]
    return {
        "title": title,
        "kind": spec["kind"],
        "organisation": organisation["name"],
        "organisation_url": organisation["website"],
        "country": spec["country"],
        "city": spec["city"],
        "duration": spec["duration"],
        "start_date": start,
        "closing_date": closing,
        "description": data["description"].format(
            organisation=organisation["name"], who=data["who"][spec["kind"]], what=title[0].lower() + title[1:],
            city=spec["city"],
        ),
        "how_to_apply": data["how_to_apply"],
        "application_email": f"recrutement@{domain}",
        "sector_slug": spec["sector"],
        "published": published,
    }


@transaction.atomic
def load_offers():
    """Offers are created published in one insert (no revision: the demo
    needs no history); the ones whose date has passed are then closed."""
    data = read(__name__, "offers.json")
    today = timezone.localdate()
    sectors = {sector.slug: sector.pk for sector in Sector.objects.all()}
    rows = []
    for number in range(len(data["offers"])):
        fields = offer_fields(data, number, today)
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
    data = read(__name__, "testimonies.json")
    existing = set(Testimony.objects.values_list("title", flat=True))
    by_slug = {page.slug: page for page in SchemePage.objects.all()}
    made = 0
    now = timezone.now()
    for number, spec in enumerate(data["testimonies"]):
        if spec["title"] in existing:
            continue
        testimony = Testimony(
            author_name=spec["author"], title=spec["title"], scheme=by_slug.get(spec["scheme"]),
            country=spec["country"], year=spec["year"], text=spec["text"],
            live=True, first_published_at=now - datetime.timedelta(days=3 * number),
        )
        if number in data["with_picture"]:
            from ..submissions import save_photo

            gradient = data["gradients"][number % len(data["gradients"])]
            upload = SimpleUploadedFile(f"temoignage-{number}.jpg", gradient_picture(*gradient),
                                        content_type="image/jpeg")
            testimony.photo = save_photo(upload, spec["title"])
            testimony.photo_alt = data["photo_alt"]
        testimony.save()
        made += 1
    return made


def gradient_picture(top, bottom):
    """A 640×480 JPEG of a plain two-colour gradient (demo material only,
    never a photo of a real person)."""
    from PIL import Image

    # Two pixels stretched: the resampling draws the gradient.
    image = Image.new("RGB", (1, 2))
    image.putpixel((0, 0), tuple(top))
    image.putpixel((0, 1), tuple(bottom))
    image = image.resize((640, 480), Image.Resampling.BILINEAR)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()
