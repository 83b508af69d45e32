"""The funding search from the database: for sites without an engine and
while the engine is down.

The calls in scope whose text holds every word of the query (folded as the
engine folds it: core's ``folding``) are read with their facet values in a
constant number of queries, then filtered and counted here with the same
rules as the engine's. A network's calls number in the thousands at most.
"""

from maillage_core.listing import database as listing_database

from ..models.calls import ANY
from .engine import Answer
from .facets import CLOSING_SOON, FACETS_BY_KEY, NEWEST, OPEN, PERMANENT, STATUS, TERM_FACETS, UPCOMING

TEXT_FIELDS = ("title", "summary", "what_is_funded")


def matching(queryset, text):
    return listing_database.matching(queryset, text, TEXT_FIELDS)


def statuses(call, query):
    opened = call.opens_on is None or call.opens_on <= query.today
    found = set()
    if opened:
        found.add(OPEN)
        if not call.permanent and call.closes_on and call.closes_on <= query.soon:
            found.add(CLOSING_SOON)
    else:
        found.add(UPCOMING)
    if call.permanent:
        found.add(PERMANENT)
    return found


def values_of(call, query):
    values = {STATUS: statuses(call, query)}
    for facet in TERM_FACETS:
        values[facet.key] = {str(value) for value in getattr(call, facet.column.removesuffix("_filter"))()}
    return values


def accepts(values, facet, keys):
    if not keys:
        return True
    wanted = set(keys) | ({ANY} if facet.any_value else set())
    return bool(values[facet.key] & wanted)


def search(model, query, keys, offset, limit) -> Answer:
    calls = model.objects.past(query.today) if query.archive else model.objects.current(query.today)
    calls = matching(calls, query.text).prefetch_related("funders", "actor_types", "departments", "sectors", "sdgs")
    rows = [(call, values_of(call, query)) for call in calls]
    facets = (FACETS_BY_KEY[STATUS], *TERM_FACETS)
    counts = {}
    for facet in facets:
        counter = {}
        for _call, values in rows:
            if all(accepts(values, other, keys.get(other.key)) for other in facets if other.key != facet.key):
                for value in values[facet.key]:
                    counter[value] = counter.get(value, 0) + 1
        counts[facet.key] = counter
    results = [call for call, values in rows if all(accepts(values, facet, keys.get(facet.key)) for facet in facets)]
    results.sort(key=sort_key(query))
    return Answer(ids=[call.pk for call in results[offset : offset + limit]], total=len(results), counts=counts)


def sort_key(query):
    far = query.today.replace(year=9999)
    if query.sort == NEWEST:
        return lambda call: (-(call.first_published_at.timestamp() if call.first_published_at else 0), -call.pk)
    if query.archive:
        return lambda call: (-(call.closes_on or far).toordinal(), call.pk)
    # By closing date; relevance needs the engine, so it falls back to this order.
    return lambda call: (call.closes_on or far, call.pk)
