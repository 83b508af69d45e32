"""The directory's faceted search in one engine request.

modelsearch's ``facet()`` sends one aggregation per request and applies
every filter to it; a directory needs each facet's counts *without its own
selection* (choosing Senegal must not hide the other countries' counts).
So the request is built here, in the "post filter" style: the text query
and visibility filter narrow the documents, each facet aggregates under
the filters of the other facets, and the selections filter the hits last.

The text part is core's French-aware query, produced by the backend's own
query compiler, so matching is the same as everywhere else on the site.
"""

from dataclasses import dataclass

from modelsearch.backends import get_search_backend
from modelsearch.query import MatchAll, PlainText

from maillage_core.search.backends.base import guarded
from maillage_core.search.visibility import PUBLIC

from .facets import FACETS, NAME, RECENT, RELEVANCE

SORT_CLAUSES = {
    RELEVANCE: ["_score", {"sort_name_filter": "asc"}],
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


def build_body(text, selected_keys, sort, offset, limit, backend, model):
    query = PlainText(text, operator="and") if text else MatchAll()
    compiler = backend.query_compiler_class(
        model.objects.all(), query, order_by_relevance=False, visibility=[PUBLIC]
    )
    filters = {facet.key: facet_filter(facet, selected_keys.get(facet.key)) for facet in FACETS}
    aggregations = {}
    for facet in FACETS:
        others = [f for key, f in filters.items() if f and key != facet.key]
        aggregations[facet.key] = {
            "filter": {"bool": {"filter": others}},
            "aggs": {"values": {"terms": {"field": facet.column, "size": facet.size}}},
        }
    body = {
        "query": compiler.get_query(),
        "aggs": aggregations,
        "sort": SORT_CLAUSES[sort],
        "from": offset,
        "size": limit,
        "_source": False,
        "track_total_hits": True,
    }
    chosen = [f for f in filters.values() if f]
    if chosen:
        body["post_filter"] = {"bool": {"filter": chosen}}
    return body


def send(backend, index_name, body):
    if getattr(backend, "use_new_elasticsearch_api", False):
        # The elasticsearch client 8 takes the body's parts as arguments.
        kwargs = dict(body)
        kwargs["from_"] = kwargs.pop("from")
        kwargs["source"] = kwargs.pop("_source")
        return backend.es.search(index=index_name, **kwargs)
    return backend.es.search(index=index_name, body=body)


def search(model, text, selected_keys, sort, offset, limit) -> EngineAnswer:
    """Raises EngineUnavailable when the engine cannot answer."""
    backend = get_search_backend()
    body = build_body(text, selected_keys, sort, offset, limit, backend, model)
    index_name = backend.get_index_for_model(model).name
    response = guarded(lambda: send(backend, index_name, body))
    hits = response["hits"]
    total = hits["total"]["value"] if isinstance(hits["total"], dict) else hits["total"]
    counts = {
        facet.key: {
            str(bucket["key"]): bucket["doc_count"]
            for bucket in response["aggregations"][facet.key]["values"]["buckets"]
        }
        for facet in FACETS
    }
    return EngineAnswer(
        ids=[int(hit["_id"]) for hit in hits["hits"]], total=total, counts=counts, took=response.get("took", 0)
    )
