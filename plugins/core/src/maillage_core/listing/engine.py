"""A faceted search in one engine request.

A listing needs each facet's counts *without its own selection* (choosing
Senegal must not hide the other countries' counts). So one search carries
the query (text, visibility, a plugin's scope), one aggregation per facet
filtered by the selections of the *other* facets, and the page of hits,
narrowed by every selection in a ``post_filter`` (which aggregations do
not see). The engine evaluates the query once for both: a first visitor's
listing costs one query, not the two a separate count search would.

Facets whose counts are filtered alike share one ``filter`` aggregation
(every facet not chosen is counted under all the selections), and facets
counted under no selection need none: at 100,000 actors a filter per facet
around every document cost a quarter of the landing page's engine time
(19 -> 14 ms ``took``), and one filter per group 2-4 ms of a filtered one's.
"""

from dataclasses import dataclass

from modelsearch.backends import get_search_backend


@dataclass
class Answer:
    ids: list
    total: int
    counts: dict  # facet key -> {index key: count}
    took: int = 0  # milliseconds, as the engine measured


def available():
    """Whether the site searches on an engine (not the database backend)."""
    return getattr(get_search_backend(), "supports_visibility", False)


def terms_filter(facet, keys):
    """The engine's condition for a facet's chosen index keys, or None."""
    return {"terms": {facet.column: keys}} if keys else None


def terms_counts(facet):
    """The aggregation counting a facet's values."""
    return {"terms": {"field": facet.column, "size": facet.size}}


#: The name of an aggregation filtering a group of facets' counts (facet
#: keys are short words of the domain: no facet is named so).
GROUP_PREFIX = "maillage_counted_under_"


def build_body(query, filters, counted, sort, offset, limit):
    """The search for the engine ``query``.

    ``filters``: {facet key: condition of its selection, or None};
    ``counted``: {facet key: the aggregation counting its values}.
    """
    groups = {}  # the other facets chosen -> the facets counted under their selections
    for facet_key in counted:
        others = tuple(key for key, f in filters.items() if f and key != facet_key)
        groups.setdefault(others, []).append(facet_key)
    aggregations = {}
    for number, (others, facet_keys) in enumerate(groups.items()):
        inner = {facet_key: counted[facet_key] for facet_key in facet_keys}
        if others:
            condition = {"bool": {"filter": [filters[key] for key in others]}}
            aggregations[f"{GROUP_PREFIX}{number}"] = {"filter": condition, "aggs": inner}
        else:
            aggregations.update(inner)
    body = {"query": query, "aggs": aggregations, "sort": sort, "from": offset, "size": limit, "_source": False,
            "track_total_hits": True}
    chosen = [f for f in filters.values() if f]
    if chosen:
        body["post_filter"] = {"bool": {"filter": chosen}}
    return body


def bucket_counts(aggregation):
    buckets = aggregation["buckets"]
    if isinstance(buckets, dict):  # a "filters" aggregation: named buckets
        return {key: bucket["doc_count"] for key, bucket in buckets.items()}
    return {str(bucket["key"]): bucket["doc_count"] for bucket in buckets}


def facet_counts(aggregations):
    """{facet key: {index key: count}} from ``build_body``'s aggregations' answer."""
    counts = {}
    for name, aggregation in aggregations.items():
        if name.startswith(GROUP_PREFIX):
            # Beside its facets' answers a filter aggregation says its
            # "doc_count" (and sometimes an empty "meta").
            counts.update((key, bucket_counts(inner)) for key, inner in aggregation.items()
                          if isinstance(inner, dict) and "buckets" in inner)
        else:
            counts[name] = bucket_counts(aggregation)
    return counts


def search(model, body) -> Answer:
    """Sends ``build_body``'s search; raises EngineUnavailable when the engine cannot answer."""
    # A listing's search is the same for every visitor and depends on the
    # index alone: the engine keeps its answer until the index changes,
    # past the page cache's renewals (any publish renews every page).
    (response,) = get_search_backend().multi_search(model, [body], cached=True)
    hits = response["hits"]
    total = hits["total"]["value"] if isinstance(hits["total"], dict) else hits["total"]
    return Answer(
        ids=[int(hit["_id"]) for hit in hits["hits"]],
        total=total,
        counts=facet_counts(response["aggregations"]),
        took=response.get("took", 0),
    )
