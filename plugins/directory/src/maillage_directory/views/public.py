"""The public directory's listing (served by DirectoryPage's route; the
actor pages are ``views.actor``)."""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from maillage_core import worldmap as core_worldmap
from maillage_core.listing.pages import escape

from .. import conf, listing_cache, worldmap
from ..models.actor import Actor
from ..search import cards
from ..search import listing as directory_listing
from ..search.facets import SORTS, DirectoryQuery, Vocabulary

MAP_ROW = '<tr><td><a href="{}">{}</a></td><td>{}</td></tr>'


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
    directory_url = page.get_url(request=request)
    context = {
        "page": page,
        "listing": listing,
        "query": query,
        "notices": query.notices,
        "sorts": SORTS.items(),
        "directory_url": directory_url,
        "cards_html": cards.html(listing.actors, directory_url),
    }
    if page.show_map:
        context.update(map_context(directory_listing.country_counts(listing, vocabulary), query, vocabulary))
    return render_to_string("maillage_directory/includes/directory_body.html", context)


def map_context(counts, query, vocabulary):
    selected = query.selected.get("country", [])
    urls = query.only_urls("country", counts)
    rows = sorted(
        ((vocabulary.by_value("country", code).label, n, urls[code]) for code, n in counts.items()),
        key=lambda row: (-row[1], row[0]),
    )
    # The table's rows built here: a template loop over 200 countries cost
    # more than the rest of the listing.
    # str.format with core's kept escapes: format_html per row cost more
    # than the rest of the map.
    table = mark_safe("".join(MAP_ROW.format(escape(url), escape(label), n) for label, n, url in rows))
    return {
        "world_map": worldmap.render(counts, urls.__getitem__, selected),
        "map_legend": core_worldmap.legend(max(counts.values(), default=0)),
        "map_rows": table,
        "map_islands": [
            (vocabulary.by_value("country", code).label, counts[code], urls[code])
            for code in core_worldmap.missing_from_map(counts)
        ],
    }
