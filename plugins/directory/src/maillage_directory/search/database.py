"""The directory's faceted search with ORM filters and counts.

Used when the site has no engine (Wagtail's database backend) and while the
engine is down. Text matches every text field the engine indexes, folded
as the engine folds it (accents, case, plurals: core's ``folding``), each
word of the query found in one of them; facets and counts are exact, with
a constant number of queries (one per facet, one count, one page).
"""

from collections import Counter
from functools import reduce
from operator import or_

from django.db.models import Count, Q

from maillage_core.listing import database as listing_database

from .engine import EngineAnswer
from .facets import FACETS, NAME, RECENT

ORDERINGS = {NAME: ["name", "pk"], RECENT: ["-updated_at", "name"]}
# The text the engine indexes for an actor (Actor.search_fields; the
# description without its HTML tags, which Folded drops).
TEXT_FIELDS = ("name", "acronym", "city", "description")


def matching(queryset, text):
    """The actors of ``queryset`` whose text holds every word of ``text``."""
    return listing_database.matching(queryset, text, TEXT_FIELDS)


def facet_condition(model, facet_key, keys):
    if not keys:
        return Q()
    if facet_key == "type":
        return Q(actor_type_id__in=keys)
    if facet_key == "department":
        return Q(department_id__in=keys)
    if facet_key == "country":
        # Countries are stored as "BF,ML,SN": a two-letter code cannot
        # straddle a comma, so a substring test is exact.
        return reduce(or_, (Q(countries__contains=code) for code in keys))
    relation = {"sector": ("sectors", "sector_id"), "sdg": ("sdgs", "sustainabledevelopmentgoal_id")}[facet_key]
    through = getattr(model, relation[0]).through
    return Q(pk__in=through.objects.filter(**{f"{relation[1]}__in": keys}).values("actor_id"))


def facet_counts(model, facet_key, queryset):
    if facet_key in ("type", "department"):
        column = "actor_type_id" if facet_key == "type" else "department_id"
        rows = queryset.exclude(**{f"{column}__isnull": True}).values(column).annotate(n=Count("pk"))
        return {str(row[column]): row["n"] for row in rows}
    if facet_key == "country":
        counter = Counter()
        for stored in queryset.values_list("countries", flat=True):
            counter.update(code for code in (stored or "").split(",") if code)
        return dict(counter)
    relation, column = {"sector": ("sectors", "sector_id"), "sdg": ("sdgs", "sustainabledevelopmentgoal_id")}[facet_key]
    through = getattr(model, relation).through
    rows = through.objects.filter(actor_id__in=queryset.values("pk")).values(column).annotate(n=Count("actor_id"))
    return {str(row[column]): row["n"] for row in rows}


def search(model, text, selected_keys, sort, offset, limit) -> EngineAnswer:
    base = model.objects.live()
    if text:
        base = matching(base, text)
    conditions = {facet.key: facet_condition(model, facet.key, selected_keys.get(facet.key)) for facet in FACETS}
    counts = {}
    for facet in FACETS:
        others = reduce(lambda a, b: a & b, (c for key, c in conditions.items() if key != facet.key), Q())
        counts[facet.key] = facet_counts(model, facet.key, base.filter(others))
    results = base.filter(reduce(lambda a, b: a & b, conditions.values(), Q()))
    total = results.count()
    ordering = ORDERINGS.get(sort, ORDERINGS[NAME])
    ids = list(results.order_by(*ordering).values_list("pk", flat=True)[offset : offset + limit])
    return EngineAnswer(ids=ids, total=total, counts=counts, took=0)
