"""The public directory and actor pages (served by DirectoryPage's routes)."""

import json

from django.db.models import Prefetch
from django.http import Http404
from django.template.loader import render_to_string
from django.utils.html import format_html_join, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language

from maillage_core import worldmap as core_worldmap

from .. import conf, listing_cache, worldmap
from ..models.actor import Actor, ActorProject
from ..search import listing as directory_listing
from ..search.facets import SORTS, DirectoryQuery, Vocabulary

RELATED_ACTORS = 4
JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def directory(request, page):
    vocabulary = Vocabulary()
    query = DirectoryQuery.from_request(request, vocabulary)
    language = get_language()
    # A clean query's listing is the same for everyone: reuse a rendered one.
    cached = listing_cache.get(page, language, query) if not query.notices else None
    if cached is None:
        listing = directory_listing.run(Actor, query, vocabulary, conf.get("PER_PAGE"))
        body = render_listing(request, page, query, listing, vocabulary)
        cached = (body, listing.total)
        if not query.notices and not listing.degraded:
            listing_cache.put(page, language, query, cached)
    body, total = cached
    return page.render(
        request, context_overrides={"directory_body": body, "listing_total": total, "query": query}
    )


def render_listing(request, page, query, listing, vocabulary):
    context = {
        "page": page,
        "listing": listing,
        "query": query,
        "notices": query.notices,
        "sorts": SORTS.items(),
        "directory_url": page.get_url(request=request),
    }
    if page.show_map:
        context.update(map_context(directory_listing.country_counts(listing, vocabulary), query, vocabulary))
    return render_to_string("maillage_directory/includes/directory_body.html", context)


def map_context(counts, query, vocabulary):
    selected = query.selected.get("country", [])
    urls = {code: query.only("country", code) for code in counts}
    rows = sorted(
        ((vocabulary.by_value("country", code).label, n, urls[code]) for code, n in counts.items()),
        key=lambda row: (-row[1], row[0]),
    )
    # The table's rows built here: a template loop over 200 countries cost
    # more than the rest of the listing.
    table = format_html_join("", '<tr><td><a href="{}">{}</a></td><td>{}</td></tr>', (
        (url, label, n) for label, n, url in rows))
    return {
        "world_map": worldmap.render(counts, urls.__getitem__, selected),
        "map_legend": core_worldmap.legend(max(counts.values(), default=0)),
        "map_rows": table,
        "map_islands": [
            (vocabulary.by_value("country", code).label, counts[code], urls[code])
            for code in core_worldmap.missing_from_map(counts)
        ],
    }


def actor_detail(request, page, slug):
    actor = (
        Actor.objects.live()
        .select_related("actor_type", "department", "logo")
        .prefetch_related("sectors", "sdgs", Prefetch("projects", ActorProject.objects.select_related("sector")))
        .filter(slug=slug)
        .first()
    )
    if actor is None:
        raise Http404
    directory_url = page.get_url(request=request)
    context = {
        "actor": actor,
        "related": related_actors(actor),
        "directory_url": directory_url,
        "structured_data": structured_data(actor, request, page),
    }
    return page.render(request, template="maillage_directory/actor_detail.html", context_overrides=context)


def related_actors(actor):
    """Other published actors sharing one of its sectors, newest first.

    Candidates come from the relation table's index alone (a sector may
    gather tens of thousands of actors), then one query keeps the published
    ones.
    """
    sector_ids = [sector.pk for sector in actor.sectors.all()]
    if not sector_ids:
        return []
    through = Actor.sectors.through
    candidates = list(
        through.objects.filter(sector_id__in=sector_ids)
        .exclude(actor_id=actor.pk)
        .order_by("-actor_id")
        .values_list("actor_id", flat=True)[: RELATED_ACTORS * 10]
    )
    related = Actor.objects.live().filter(pk__in=candidates).select_related("actor_type").order_by("-pk")
    return list(related.distinct()[:RELATED_ACTORS])


def structured_data(actor, request, page):
    """schema.org ``Organization`` with the public fields only, as safe JSON-LD."""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": actor.name,
        "url": request.build_absolute_uri(actor.url_on(page, request)),
    }
    optional = {
        "alternateName": actor.acronym,
        "description": Truncator(strip_tags(actor.description)).chars(500),
        "email": actor.public_email,
        "telephone": actor.public_phone,
        "foundingDate": str(actor.year_founded or ""),
        "sameAs": [url for url in [actor.website] + [url for _label, url in actor.social_links] if url],
        "areaServed": [{"@type": "Country", "name": str(country.name)} for country in actor.countries],
    }
    data.update({key: value for key, value in optional.items() if value})
    if actor.city or actor.postcode or actor.public_address:
        address = {"@type": "PostalAddress", "addressCountry": "FR"}
        fields = {
            "streetAddress": actor.public_address,
            "postalCode": actor.postcode,
            "addressLocality": actor.city,
            "addressRegion": actor.department.name if actor.department else "",
        }
        address.update({key: value for key, value in fields.items() if value})
        data["address"] = address
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES))
