"""The funding search in one round trip to the engine.

As the directory does, two searches share one query (text, visibility and
the current-or-archive scope) and go together (core's ``multi_search``):
one counts, each facet aggregating under the selections of the *other*
facets (choosing Senegal must not hide the other countries' counts) and
asking for no hits, so the engine's request cache serves the next visitor;
the other returns the page of hits, post-filtered by every selection.
Dates are compared with the day of the request, so no document changes
when a call closes.
"""

from dataclasses import dataclass

from modelsearch.backends import get_search_backend

from maillage_core.search.visibility import PUBLIC

from ..models.calls import ANY
from .facets import CLOSING, CLOSING_SOON, NEWEST, OPEN, PERMANENT, RELEVANCE, STATUS, TERM_FACETS, UPCOMING


@dataclass
class Answer:
    ids: list
    total: int
    counts: dict  # facet key -> {index key: count}


def available():
    return getattr(get_search_backend(), "supports_visibility", False)


def day(value):
    return value.isoformat()


def opened(today):
    return {"bool": {"should": [
        {"bool": {"must_not": {"exists": {"field": "opens_on_filter"}}}},
        {"range": {"opens_on_filter": {"lte": day(today)}}},
    ], "minimum_should_match": 1}}


def status_filters(query):
    """The engine's condition for each status value."""
    return {
        OPEN: opened(query.today),
        CLOSING_SOON: {"bool": {"filter": [
            opened(query.today), {"term": {"permanent_filter": False}},
            {"range": {"closes_on_filter": {"lte": day(query.soon)}}},
        ]}},
        PERMANENT: {"term": {"permanent_filter": True}},
        UPCOMING: {"range": {"opens_on_filter": {"gt": day(query.today)}}},
    }


def scope(query):
    """Current calls (permanent or closing today or later), or the archive."""
    if query.archive:
        return {"bool": {"filter": [
            {"term": {"permanent_filter": False}}, {"range": {"closes_on_filter": {"lt": day(query.today)}}},
        ]}}
    return {"bool": {"should": [
        {"term": {"permanent_filter": True}}, {"range": {"closes_on_filter": {"gte": day(query.today)}}},
    ], "minimum_should_match": 1}}


def selection_filters(query, keys):
    """{facet key: the engine's condition for its selected values, or None}."""
    filters = {}
    statuses = status_filters(query)
    chosen = keys.get(STATUS) or []
    filters[STATUS] = {"bool": {"should": [statuses[key] for key in chosen], "minimum_should_match": 1}} if chosen else None
    for facet in TERM_FACETS:
        values = keys.get(facet.key) or []
        if values:
            values = values + [ANY] if facet.any_value else values
        filters[facet.key] = {"terms": {facet.column: values}} if values else None
    return filters


def sort_clauses(query):
    closing = {"closes_on_filter": {"order": "desc" if query.archive else "asc", "missing": "_last"}}
    return {
        CLOSING: [closing, {"pk": "asc"}],
        NEWEST: [{"first_published_at_filter": {"order": "desc", "missing": "_last"}}, {"pk": "desc"}],
        RELEVANCE: ["_score", closing, {"pk": "asc"}],
    }[query.sort]


def build_bodies(text_query, query, keys, offset, limit):
    scoped = {"bool": {"must": [text_query], "filter": [scope(query)]}}
    filters = selection_filters(query, keys)
    aggregations = {}
    for facet_key in filters:
        others = [f for key, f in filters.items() if f and key != facet_key]
        if facet_key == STATUS:
            inner = {"filters": {"filters": status_filters(query)}}
        else:
            facet = next(f for f in TERM_FACETS if f.key == facet_key)
            inner = {"terms": {"field": facet.column, "size": 300}}
        aggregations[facet_key] = {"filter": {"bool": {"filter": others}}, "aggs": {"values": inner}}
    counts = {"query": scoped, "aggs": aggregations, "size": 0, "track_total_hits": False}
    page = {"query": scoped, "sort": sort_clauses(query), "from": offset, "size": limit, "_source": False,
            "track_total_hits": True}
    chosen = [f for f in filters.values() if f]
    if chosen:
        page["post_filter"] = {"bool": {"filter": chosen}}
    return counts, page


def bucket_counts(aggregation):
    buckets = aggregation["values"]["buckets"]
    if isinstance(buckets, dict):  # a "filters" aggregation: named buckets
        return {key: bucket["doc_count"] for key, bucket in buckets.items()}
    return {str(bucket["key"]): bucket["doc_count"] for bucket in buckets}


def search(model, query, keys, offset, limit) -> Answer:
    """Raises EngineUnavailable when the engine cannot answer."""
    backend = get_search_backend()
    text_query = backend.engine_query(model.objects.all(), query.text, visibility=[PUBLIC])
    counted, response = backend.multi_search(model, build_bodies(text_query, query, keys, offset, limit))
    hits = response["hits"]
    total = hits["total"]["value"] if isinstance(hits["total"], dict) else hits["total"]
    counts = {key: bucket_counts(aggregation) for key, aggregation in counted["aggregations"].items()}
    return Answer(ids=[int(hit["_id"]) for hit in hits["hits"]], total=total, counts=counts)
