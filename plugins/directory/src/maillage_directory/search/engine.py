"""The directory's faceted search in one round trip to the engine.

modelsearch's ``facet()`` sends one aggregation per request and applies
every filter to it; a directory needs each facet's counts *without its own
selection*: core's ``listing.engine`` builds the one search that gives
them, from the directory's facets and sorts.

The text part is core's French-aware query (the backend's ``engine_query``),
so matching is the same as everywhere else on the site; core's backend
sends the search.
"""

from modelsearch.backends import get_search_backend

from maillage_core.listing import engine as listing_engine
from maillage_core.listing.engine import Answer as EngineAnswer
from maillage_core.listing.engine import available
from maillage_core.search.ranking import COMPLETENESS
from maillage_core.search.visibility import PUBLIC

from .facets import FACETS, NAME, RECENT, RELEVANCE

__all__ = ["EngineAnswer", "available", "build_body", "search"]

SORT_CLAUSES = {
    # Equal scores: the more complete record first (core's ranking field),
    # not the first in the alphabet.
    RELEVANCE: ["_score", {COMPLETENESS: "desc"}, {"sort_name_filter": "asc"}],
    NAME: [{"sort_name_filter": "asc"}, {"pk": "asc"}],
    RECENT: [{"updated_at_filter": "desc"}, {"sort_name_filter": "asc"}],
}


def build_body(query, selected_keys, sort, offset, limit):
    filters = {facet.key: listing_engine.terms_filter(facet, selected_keys.get(facet.key)) for facet in FACETS}
    counted = {facet.key: listing_engine.terms_counts(facet) for facet in FACETS}
    return listing_engine.build_body(query, filters, counted, SORT_CLAUSES[sort], offset, limit)


def search(model, text, selected_keys, sort, offset, limit) -> EngineAnswer:
    """Raises EngineUnavailable when the engine cannot answer."""
    query = get_search_backend().engine_query(model.objects.all(), text, visibility=[PUBLIC])
    return listing_engine.search(model, build_body(query, selected_keys, sort, offset, limit))
