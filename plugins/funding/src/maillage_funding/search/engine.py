"""The funding search in one round trip to the engine.

Core's ``listing.engine`` sends the two searches (facet counts, the page of
hits); here are the funding's scope (current calls or the archive), its
status conditions and sorts. Dates are compared with the day of the
request, so no document changes when a call closes.
"""

from modelsearch.backends import get_search_backend

from maillage_core.listing import engine as listing_engine
from maillage_core.listing.engine import Answer, available
from maillage_core.search.visibility import PUBLIC

from ..models.calls import ANY
from .facets import CLOSING, CLOSING_SOON, NEWEST, OPEN, PERMANENT, RELEVANCE, STATUS, TERM_FACETS, UPCOMING

__all__ = ["Answer", "available", "build_body", "search"]


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
        filters[facet.key] = listing_engine.terms_filter(facet, values)
    return filters


def sort_clauses(query):
    closing = {"closes_on_filter": {"order": "desc" if query.archive else "asc", "missing": "_last"}}
    return {
        CLOSING: [closing, {"pk": "asc"}],
        NEWEST: [{"first_published_at_filter": {"order": "desc", "missing": "_last"}}, {"pk": "desc"}],
        RELEVANCE: ["_score", closing, {"pk": "asc"}],
    }[query.sort]


def build_body(text_query, query, keys, offset, limit):
    scoped = {"bool": {"must": [text_query], "filter": [scope(query)]}}
    counted = {STATUS: {"filters": {"filters": status_filters(query)}}}
    counted.update((facet.key, listing_engine.terms_counts(facet)) for facet in TERM_FACETS)
    return listing_engine.build_body(scoped, selection_filters(query, keys), counted, sort_clauses(query), offset, limit)


def search(model, query, keys, offset, limit) -> Answer:
    """Raises EngineUnavailable when the engine cannot answer."""
    text_query = get_search_backend().engine_query(model.objects.all(), query.text, visibility=[PUBLIC])
    return listing_engine.search(model, build_body(text_query, query, keys, offset, limit))
