"""Site search over every source in one engine request.

Each source (``maillage_search_sources``) gives the filters of its kind
(content type, its queryset's filters, the visitor's visibility) and its
text fields; core's French-aware text query is built once over all the
fields (typo matching is costly to repeat per kind). One search over all
their indexes then answers everything a results page shows:

- the page of hits, blended by relevance across kinds (scores computed
  with shared term statistics; an exact name first, ties broken by the
  records' completeness), or one kind's hits when the visitor picks it
  (a post filter, so that the other kinds' counts stay);
- the count of each kind (a ``filters`` aggregation);
- the count of each country and each sector, over the sources whose
  records have them (``SearchSource.refine_fields``), each source's
  values counted under its own filter, and the hits of one
  country or sector when the visitor narrows the search to it: each count
  is taken under the visitor's other choices (kind, country, sector), not
  its own, so that the other values stay offered;
- each hit's kind (the named query it matched);
- an excerpt of each hit with the matched words marked, folded matches
  included, HTML-escaped by the engine;
- a "did you mean" suggestion from the engine's term suggester, asked
  only about the words whose answer this process does not know yet
  (``frequent_words``);
- how many documents hold each word not counted yet, so that the words
  the index holds in many documents are matched without typos from the
  next search on (``frequent_words``).

Searching one kind skips the engine's DFS phase once its indexes are known
to hold one shard each (``search_models``): its hits are ranked within one
index. A blended search keeps it, since scores are compared across indexes.

A source whose records the engine does not hold (country pages: a few
hundred, found by name in the database) is searched beside that request,
its hits first on the first page. A site without an engine, or an engine
outage, get the same page from the sources one by one (``by_source``):
during an outage from the database, with one notice (``degraded``).
"""

import logging
from dataclasses import dataclass, field

from django.utils.safestring import mark_safe

from ..content_memo import for_anonymous
from . import frequent_words
from .errors import EngineUnavailable
from .query import MATCH_NOTHING, split_terms, text_query
from .ranking import COMPLETENESS
from .visibility import visibility_for_user

logger = logging.getLogger("maillage.search")

HIGHLIGHT = {
    "encoder": "html",  # the text escaped, our marks kept: safe to show as HTML
    "pre_tags": ["<mark>"],
    "post_tags": ["</mark>"],
    "number_of_fragments": 1,
    "fragment_size": 200,
}
# Names and titles are shown whole, above the excerpt.
NOT_EXCERPTS = {"title", "name", "acronym"}
SUGGESTER = "did_you_mean"
# A search finding fewer hits than this offers the suggestion.
FEW = 3
SUGGEST_MIN_LENGTH = 4
# What a search can be narrowed by (keys of ``SearchSource.refine_fields``).
COUNTRY, SECTOR = "country", "sector"
REFINES = (COUNTRY, SECTOR)
# More than any list of values (249 countries, a few dozen sectors), so
# that every count is exact.
REFINE_SIZE = 300


@dataclass
class SiteResults:
    hits: list = field(default_factory=list)  # SearchHit, each with ``kind`` (its source)
    total: int = 0
    counts: dict = field(default_factory=dict)  # source key -> number of hits
    suggestion: str = ""
    degraded: bool = False
    #: COUNTRY and SECTOR -> {value as indexed (country code, sector id as
    #: text): number of hits}; empty when the search could not count them.
    refines: dict = field(default_factory=dict)
    #: The search was asked to narrow by a country or sector and could not
    #: (no engine, or an outage): its hits are not narrowed.
    unrefined: bool = False


def search(sources, text, *, request, kind=None, offset=0, limit=10, refine=None) -> SiteResults:
    """The hits ``offset`` to ``offset + limit`` of ``text`` over
    ``sources`` (of the source keyed ``kind`` only, if given), narrowed by
    ``refine`` ({COUNTRY: code, SECTOR: sector id as text}, both optional,
    values validated by the caller)."""
    from modelsearch.backends import get_search_backend

    refine = {dimension: str(value) for dimension, value in (refine or {}).items() if value and dimension in REFINES}
    backend = get_search_backend()
    if not getattr(backend, "supports_visibility", False) or not text.strip():
        return by_source(sources, text, request=request, kind=kind, offset=offset, limit=limit, refine=refine)
    plan = engine_plan(backend, sources, request)
    if plan is None:
        return by_source(sources, text, request=request, kind=kind, offset=offset, limit=limit, refine=refine)
    side = [source for source in sources if source.key in plan.side]
    in_engine = [source for source in sources if source.key not in plan.side]
    side_kind = kind if kind in plan.side else None
    engine_kind = None if side_kind else kind
    asked = frequent_words.words_to_suggest(text)
    try:
        body = body_for(plan.parts, text, engine_kind, offset, limit, plan.excerpts, plan.columns, refine,
                        asked=asked)
        response = backend.search_models(plan.models, body, ranked_within_one_index=bool(engine_kind))
    except EngineUnavailable:
        return by_source(sources, text, request=request, kind=kind, offset=offset, limit=limit, refine=refine)
    frequent_words.learn(response)
    learn_suggestions(response, asked)
    results = read_response(response, in_engine, request, engine_kind, text, plan.columns)
    return with_side_sources(results, side, text, request, side_kind, kind, offset, limit, refine)


@dataclass(frozen=True)
class EnginePlan:
    """What a search over ``sources`` asks the engine besides the words:
    ``parts`` as ``engine_parts`` gives them, the keys of the ``side``
    sources, the ``models`` whose indexes are searched, the refine
    ``columns`` and the ``excerpts`` columns."""

    parts: tuple
    side: frozenset
    models: tuple
    columns: dict
    excerpts: tuple


def engine_plan(backend, sources, request):
    """The ``EnginePlan`` of ``sources`` for this visitor, or None if no
    source is in the engine. Compiling every source's filters is a good
    part of a search's own time, and they are the same for every anonymous
    visitor of a site: kept under the content version, a minute at most
    (the filters name today's date). Signed-in people get theirs made for
    them (their groups' members-only pages)."""
    key = ("site_search_plan", type(backend).__name__, tuple(source.key for source in sources))
    return for_anonymous(request, key, lambda: make_plan(backend, sources, request))


def make_plan(backend, sources, request):
    split = engine_parts(backend, sources, request)
    if split is None:
        return None
    parts, side = split
    models = {source: source.get_queryset(request).model for source in sources if source not in side}
    return EnginePlan(parts=parts, side=frozenset(source.key for source in side), models=tuple(models.values()),
                      columns=refine_columns(backend, models),
                      excerpts=tuple(excerpt_fields(backend, list(models.values()))))


def refine_columns(backend, models) -> dict:
    """{COUNTRY or SECTOR: {source key: the engine column of its field}}
    for the sources (mapped to their models) that have such a field."""
    columns = {}
    for source, model in models.items():
        filter_fields = {field.field_name: field for field in model.get_filterable_search_fields()}
        for dimension, name in source.refine_fields.items():
            if dimension in REFINES and name in filter_fields:
                column = backend.mapping_class(model).get_field_column_name(filter_fields[name])
                columns.setdefault(dimension, {})[source.key] = column
    return columns


def with_side_sources(results, side, text, request, side_kind, kind, offset, limit, refine=None):
    """Add the hits of the sources the engine does not hold (a few hundred
    records at most, such as country pages, found in the database by their
    names): first on the first page, as the names the visitor typed; or
    alone when the visitor picks their kind. They have no country or sector
    to narrow by: a narrowed search leaves them out."""
    for source in side:
        if refine:
            results.counts[source.key] = 0
            if source.key == side_kind:
                results.hits, results.total = [], 0
            continue
        found = source.search(text, request=request, offset=offset if side_kind else 0, limit=limit)
        for hit in found.hits:
            hit.kind = source
        results.counts[source.key] = found.total
        if source.key == side_kind:
            results.hits, results.total = list(found.hits), found.total
        elif not kind:
            results.total += found.total
            if offset == 0:
                results.hits = [*found.hits, *results.hits]
    return results


def engine_parts(backend, sources, request):
    """((whole-word fields, prefix fields, {source key: filter}), side
    sources) of the sources, the side ones being those whose records the
    engine does not hold (searched in the database beside it); None if no
    source is in the engine. A catch-all source (pages) leaves out what a
    more specific source finds, so that each document counts for one kind."""
    visibility = visibility_for_user(getattr(request, "user", None))
    fields, prefix_fields, kinds, side = {}, {}, {}, []
    for source in sources:
        parts = source.engine_parts(backend, request=request, visibility=visibility)
        if parts is None:
            side.append(source)
            continue
        source_fields, source_prefixes, filters = parts
        fields.update(dict.fromkeys(source_fields))
        prefix_fields.update(dict.fromkeys(source_prefixes))
        kinds[source.key] = {"bool": {"filter": filters}}
    if not kinds:
        logger.info("site search: no source is in the engine, searched source by source")
        return None
    specific = [kinds[source.key] for source in sources if source not in side and not source.catch_all]
    for source in sources:
        if source.catch_all and source not in side and specific:
            kinds[source.key] = {"bool": {"filter": [kinds[source.key]], "must_not": specific}}
    return (list(fields), list(prefix_fields), kinds), side


def excerpt_fields(backend, models):
    """The columns of the searchable text fields of ``models`` and their
    indexed subclasses, titles and names left out."""
    from modelsearch.index import get_indexed_models

    columns = {}
    for model in get_indexed_models():
        if not issubclass(model, tuple(models)):
            continue
        mapping = backend.mapping_class(model)
        for search_field in model.get_searchable_search_fields():
            if search_field.field_name not in NOT_EXCERPTS:
                columns[mapping.get_field_column_name(search_field)] = None
    return list(columns)


def refine_filter(kinds, columns, value):
    """The documents of the sources whose field (``columns``: {source key:
    column}) holds ``value``."""
    if not columns:
        return MATCH_NOTHING
    either = [{"bool": {"filter": [kinds[key], {"term": {column: value}}]}} for key, column in columns.items()]
    return {"bool": {"should": either, "minimum_should_match": 1}}


def refine_parts(kinds, kind, columns, refine):
    """(post filter, aggregations) of the kind, country and sector the
    visitor chose: each count is taken under the other choices, the hits
    under all of them."""
    by_kind = [kinds[kind]] if kind else []
    if not refine:
        return ({"bool": {"filter": by_kind}} if kind else None), counted_by_kind(kinds, kind, columns)
    chosen = {dimension: refine_filter(kinds, columns.get(dimension), value) for dimension, value in refine.items()}

    def besides(*left_out):
        return [clause for dimension, clause in chosen.items() if dimension not in left_out]

    aggs = {"kinds": {"filter": {"bool": {"filter": besides()}}, "aggs": {"kinds": {"filters": {"filters": kinds}}}}}
    for dimension in REFINES:
        if columns.get(dimension):
            per_source = {
                key: {"filter": kinds[key], "aggs": {"values": {"terms": {"field": column, "size": REFINE_SIZE}}}}
                for key, column in columns[dimension].items()
            }
            aggs[dimension] = {"filter": {"bool": {"filter": by_kind + besides(dimension)}}, "aggs": per_source}
    narrowing = by_kind + besides()
    return ({"bool": {"filter": narrowing}} if narrowing else None), aggs


def value_counts_name(dimension, column):
    return f"{dimension}__{column}"


def source_values_name(key):
    return f"values__{key}"


def counted_by_kind(kinds, kind, columns):
    """The aggregations of a search narrowed by no country or sector: the
    count of each kind, and the values of each source's refine columns
    counted under that source's filter alone (of the ``kind`` picked only,
    the others' values being left out of its page). The columns were once
    counted in every kind's bucket of the kinds' count, where most kinds
    have no such column (0-20 % of a blended search's engine time at
    100,000 actors went to it). ``refine_counts`` reads them: the same
    counts as ``refine_parts``' general form."""
    values = {}
    for dimension, per_source in columns.items():
        for key, column in per_source.items():
            if kind in (None, key):
                counted = {"terms": {"field": column, "size": REFINE_SIZE}}
                values.setdefault(key, {})[value_counts_name(dimension, column)] = counted
    aggs = {"kinds": {"filter": {"bool": {"filter": []}}, "aggs": {"kinds": {"filters": {"filters": kinds}}}}}
    for key, counted in values.items():
        aggs[source_values_name(key)] = {"filter": kinds[key], "aggs": counted}
    return aggs


def body_for(parts, text, kind, offset, limit, excerpts, columns=None, refine=None, *, asked=None):
    """The engine request of a results page. ``asked``: the words to ask
    the term suggester about (``frequent_words.words_to_suggest``); all of
    them when not given."""
    fields, prefix_fields, kinds = parts
    named = [{"bool": {"filter": [kind_filter], "_name": key}} for key, kind_filter in kinds.items()]
    post_filter, aggs = refine_parts(kinds, kind, columns or {}, refine or {})
    word_counts = frequent_words.aggregation(text)
    if word_counts:
        aggs[frequent_words.AGGREGATION] = word_counts
    exact = frequent_words.exact_terms(text)
    body = {
        "query": {
            "bool": {
                "must": [text_query(text, fields, "and", prefix_fields, exact_terms=exact)],
                "filter": [{"bool": {"should": named, "minimum_should_match": 1}}],
            }
        },
        "aggs": aggs,
        "sort": ["_score", {COMPLETENESS: {"order": "desc", "unmapped_type": "integer"}}, {"pk": "asc"}],
        "from": offset,
        "size": limit,
        "_source": False,
        "track_total_hits": True,
    }
    asked = split_terms(text) if asked is None else asked
    if asked:
        body["suggest"] = {
            "text": " ".join(asked),
            SUGGESTER: {
                "term": {"field": "_all_text.plain", "suggest_mode": "missing", "size": 1,
                         "min_word_length": SUGGEST_MIN_LENGTH, "sort": "frequency"},
            },
        }
    if excerpts:
        # Marked by the plain words of the query (folded and stemmed as
        # the fields are), not by its typos: cheap, and what the visitor typed.
        body["highlight"] = {
            **HIGHLIGHT,
            "highlight_query": {"multi_match": {"query": text, "fields": list(excerpts)}},
            "fields": {column: {} for column in excerpts},
        }
    if post_filter:
        body["post_filter"] = post_filter
    return body


def read_response(response, sources, request, kind, text, columns=None) -> SiteResults:
    by_key = {source.key: source for source in sources}
    buckets = response["aggregations"]["kinds"]["kinds"]["buckets"]
    counts = {key: buckets[key]["doc_count"] for key in by_key}
    found = []  # (source, primary key, excerpt)
    for hit in response["hits"]["hits"]:
        names = hit.get("matched_queries") or []
        source = next((by_key[name] for name in names if name in by_key), None)
        if source is not None:
            found.append((source, hit["_id"], excerpt(hit.get("highlight", {}))))
    hits = hits_of(found, request)
    total = response["hits"]["total"]
    total = total["value"] if isinstance(total, dict) else total
    if not kind:
        total = sum(counts.values())
    suggestion = suggestion_of(response, text) if total < FEW else ""
    return SiteResults(hits=hits, total=total, counts=counts, suggestion=suggestion,
                       refines=refine_counts(response, columns or {}, kind))


def refine_counts(response, columns, kind=None):
    """{COUNTRY or SECTOR: {value: hits}}, each source's counts added up
    (of the ``kind`` picked alone), from either form of the aggregations
    (``refine_parts``)."""
    aggregations = response["aggregations"]
    counts = {}
    for dimension, per_source in columns.items():
        values = counts.setdefault(dimension, {})
        for key, column in per_source.items():
            if dimension in aggregations:
                buckets = aggregations[dimension][key]["values"]["buckets"]
            elif kind in (None, key):
                buckets = aggregations[source_values_name(key)][value_counts_name(dimension, column)]["buckets"]
            else:
                continue
            for bucket in buckets:
                value = str(bucket["key"])
                values[value] = values.get(value, 0) + bucket["doc_count"]
    return counts


def excerpt(highlight):
    """The first marked fragment."""
    for fragments in highlight.values():
        if fragments:
            return mark_safe(fragments[0])  # escaped by the engine (encoder "html")
    return ""


def hits_of(found, request):
    """SearchHits in the engine's order, each source's records loaded in one query."""
    by_source = {}
    for source, pk, _excerpt in found:
        by_source.setdefault(source, []).append(pk)
    made = {source: source.hits(pks, request) for source, pks in by_source.items()}
    hits = []
    for source, pk, marked in found:
        hit = made[source].get(str(pk))
        if hit is None:
            continue  # deleted since it was indexed
        hit.kind = source
        if marked:
            hit.summary = marked
        hits.append(hit)
    return hits


def learn_suggestions(response, asked):
    """Keep the suggester's answer for each word of ``asked`` (the words
    sent, joined by spaces): its likelier spelling, or "" for none. An
    answer is found by its place in the text sent; a word the suggester cut
    in several (a compound) gets none."""
    entries = {(entry["offset"], entry["length"]): entry
               for entry in response.get("suggest", {}).get(SUGGESTER, [])}
    kept, start = frequent_words.suggestions(), 0
    for word in asked:
        options = (entries.get((start, len(word))) or {}).get("options") or []
        kept[word.lower()] = options[0]["text"] if options else ""
        start += len(word) + 1


def suggestion_of(response, text):
    """The query with each word the engine found a likelier spelling for
    replaced by it, or "" when it has none (the answers kept per word by
    ``learn_suggestions``, this search's included)."""
    kept = frequent_words.suggestions()
    words = split_terms(text)
    changed = False
    for index, word in enumerate(words):
        spelling = kept.get(word.lower())
        if spelling and spelling != word.lower():
            words[index] = spelling
            changed = True
    return " ".join(words) if changed else ""


def suggest(sources, text, *, request, limit=8) -> list:
    """At most ``limit`` SearchHits whose titles or names have words
    beginning with the words of ``text``, across every source, in one
    engine request: what the header's search box offers while one types.
    Empty without an engine or during an outage (the search page itself
    still answers)."""
    from modelsearch.backends import get_search_backend

    backend = get_search_backend()
    if not getattr(backend, "supports_visibility", False) or not split_terms(text):
        return []
    plan = engine_plan(backend, sources, request)
    if plan is None:
        return []
    _fields, prefix_fields, kinds = plan.parts
    sources = [source for source in sources if source.key not in plan.side]  # suggestions come from the engine alone
    named = [{"bool": {"filter": [kind_filter], "_name": key}} for key, kind_filter in kinds.items()]
    body = {
        "query": {
            "bool": {
                # Beginnings of words only, and no typos: a half-typed word is not a typo.
                "must": [text_query(text, [], "and", prefix_fields, fuzzy=False)],
                "filter": [{"bool": {"should": named, "minimum_should_match": 1}}],
            }
        },
        "sort": ["_score", {COMPLETENESS: {"order": "desc", "unmapped_type": "integer"}}, {"pk": "asc"}],
        "size": limit,
        "_source": False,
        "track_total_hits": False,
    }
    try:
        response = backend.search_models(plan.models, body)
    except EngineUnavailable:
        return []
    by_key = {source.key: source for source in sources}
    found = []
    for hit in response["hits"]["hits"]:
        source = next((by_key[name] for name in hit.get("matched_queries") or [] if name in by_key), None)
        if source is not None:
            found.append((source, hit["_id"], ""))
    return hits_of(found, request)


def by_source(sources, text, *, request, kind=None, offset=0, limit=10, refine=None) -> SiteResults:
    """The same page from each source's own search, in the sources' order
    (no blending, no counts per country or sector, not narrowed by them):
    without an engine, or from the database during an outage."""
    results = SiteResults(unrefined=bool(refine))
    skip, wanted = offset, limit
    for source in sources:
        chosen = not kind or source.key == kind
        found = source.search(text, request=request, offset=skip if chosen else 0, limit=wanted if chosen else 0)
        results.counts[source.key] = found.total
        results.degraded = results.degraded or found.degraded
        if not chosen:
            continue
        for hit in found.hits:
            hit.kind = source
        results.hits += found.hits
        results.total += found.total
        skip = max(0, skip - found.total)
        wanted -= len(found.hits)
    return results
