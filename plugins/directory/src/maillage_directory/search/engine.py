"""The directory's faceted search in one round trip to the engine.

modelsearch's ``facet()`` sends one aggregation per request and applies
every filter to it; a directory needs each facet's counts *without its own
selection* (choosing Senegal must not hide the other countries' counts).
So the request is built here, as one multi-search of two searches sharing
the same query (text and visibility filter): one counts, each facet
aggregating under the filters of the *other* facets, and asks for no hits,
so the engine's request cache serves the next visitor asking the same
counts; the other returns the page of hits, filtered by every selection
("post filter" style).

The text part is core's French-aware query (the backend's ``engine_query``),
so matching is the same as everywhere else on the site; core's backend
sends the searches (``multi_search``).
"""

from dataclasses import dataclass

from modelsearch.backends import get_search_backend

from maillage_core.search.ranking import COMPLETENESS
from maillage_core.search.visibility import PUBLIC

from .facets import FACETS, NAME, RECENT, RELEVANCE

SORT_CLAUSES = {
    # Equal scores: the more complete record first (core's ranking field),
    # not the first in the alphabet.
    RELEVANCE: ["_score", {COMPLETENESS: "desc"}, {"sort_name_filter": "asc"}],
    NAME: [{"sort_name_filter": "asc"}, {"pk": "asc"}],
    RECENT: [{"updated_at_filter": "desc"}, {"sort_name_filter": "asc"}],
}


@dataclass
class EngineAnswer:
    ids: list
    total: int
    counts: dict  # facet key -> {index key: count}
    took: int  # milliseconds, as the engine measured


def available():
    return getattr(get_search_backend(), "supports_visibility", False)


def facet_filter(facet, keys):
    return {"terms": {facet.column: keys}} if keys else None


def build_bodies(query, selected_keys, sort, offset, limit):
    """Two searches sent together for the engine ``query``: the facet
    counts (no hits, so the engine's request cache keeps them for the next
    visitor asking the same) and the page of hits (post-filtered by every
    selection)."""
    filters = {facet.key: facet_filter(facet, selected_keys.get(facet.key)) for facet in FACETS}
    aggregations = {}
    for facet in FACETS:
        others = [f for key, f in filters.items() if f and key != facet.key]
        aggregations[facet.key] = {
            "filter": {"bool": {"filter": others}},
            "aggs": {"values": {"terms": {"field": facet.column, "size": facet.size}}},
        }
    counts = {"query": query, "aggs": aggregations, "size": 0, "track_total_hits": False}
    page = {
        "query": query,
        "sort": SORT_CLAUSES[sort],
        "from": offset,
        "size": limit,
        "_source": False,
        "track_total_hits": True,
    }
    chosen = [f for f in filters.values() if f]
    if chosen:
        page["post_filter"] = {"bool": {"filter": chosen}}
    return counts, page


def search(model, text, selected_keys, sort, offset, limit) -> EngineAnswer:
    """Raises EngineUnavailable when the engine cannot answer."""
    backend = get_search_backend()
    query = backend.engine_query(model.objects.all(), text, visibility=[PUBLIC])
    counted, response = backend.multi_search(model, build_bodies(query, selected_keys, sort, offset, limit))
    hits = response["hits"]
    total = hits["total"]["value"] if isinstance(hits["total"], dict) else hits["total"]
    counts = {
        facet.key: {
            str(bucket["key"]): bucket["doc_count"]
            for bucket in counted["aggregations"][facet.key]["values"]["buckets"]
        }
        for facet in FACETS
    }
    return EngineAnswer(
        ids=[int(hit["_id"]) for hit in hits["hits"]],
        total=total,
        counts=counts,
        took=max(counted.get("took", 0), response.get("took", 0)),
    )
