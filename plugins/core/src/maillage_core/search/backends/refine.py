"""Searches narrowed or sorted by fields the index does not hold.

Wagtail's admin listings search the queryset they have already filtered
(the listing's filters, django-filter filtersets) and sorted (the column
the officer clicked). modelsearch sends those filters and sorts to the
engine, and refuses with ``FilterFieldError`` or ``OrderByFieldError`` any
field not declared as a ``FilterField``: a 500 on the listing. Declaring
FilterFields per model would be a list to keep in step with every
viewset's filters and columns, and cannot cover them all anyway: a
many-to-many filter (an actor's sectors), a filter by a method (offers
past their closing date), a sort on an annotation (the "updated" column).

So the work is split where it belongs. The engine does the text matching
(French analysis, partial words, the visibility filter) and applies the
filters it can; it answers the primary keys of the best matches, by
relevance, at most ``LIMIT`` of them. The database applies the queryset
as the listing built it, every filter and the sort, to those keys; with
no sort chosen, the engine's order by relevance is kept. Searches whose
filters and sort the engine can apply take modelsearch's usual path.

The bound keeps a request small: past ``LIMIT`` matches (the engine's
default window of results), a filter or sort applies to the ``LIMIT``
most relevant ones, which is logged; a search that broad is not what an
officer narrows with a filter.
"""

import logging

from django.db.models.sql.where import AND, WhereNode
from modelsearch.backends.base import FilterError, FilterFieldError, OrderByFieldError

logger = logging.getLogger("maillage.search")

# The engine's default index.max_result_window: the most hits one request
# may ask for without scrolling.
LIMIT = 10_000

# modelsearch reads each filter's left-hand side as a table column: a filter
# on an annotation or an expression has none, and fails on the attribute.
UNINDEXED = (FilterFieldError, FilterError, AttributeError)


class RefineCompilerMixin:
    """Leaves to the database the filters and sorts the index cannot apply."""

    #: True when the database applies the queryset's filters and sort to
    #: the engine's best matches (see the module's docstring).
    refined_in_database = False
    _engine_filters = None
    _engine_filters_compiled = False

    def check(self):
        try:
            super().check()
        except OrderByFieldError as refusal:
            self._refine_in_database(refusal)

    def _refine_in_database(self, reason):
        if not self.refined_in_database:
            logger.debug("%s: the database filters and sorts the search: %s", self.queryset.model.__name__, reason)
        self.refined_in_database = True

    def _get_filters_from_queryset(self, check_only=False):
        # Compiled once, whether to check or to query: compiling runs the
        # subqueries a filter may hold (pk__in=...) on the database.
        if not self._engine_filters_compiled:
            self._engine_filters = self._compile_engine_filters()
            self._engine_filters_compiled = True
        return self._engine_filters

    def _compile_engine_filters(self):
        where = self.queryset.query.where
        try:
            return self._get_filters_from_where_node(where)
        except UNINDEXED as refusal:
            self._refine_in_database(refusal)
            return self._engine_part(where)

    def _engine_part(self, node):
        """The engine filter for the conditions of ``node`` the index can
        apply, which lets through at least what ``node`` does: conditions
        joined by AND are kept or left out one by one (the database applies
        them all afterwards); any other node is kept whole or left out."""
        if isinstance(node, WhereNode) and node.connector == AND and not node.negated:
            parts = [part for child in node.children if (part := self._engine_part(child)) is not None]
            return self._connect_filters(parts, AND, False) if parts else None
        try:
            return self._get_filters_from_where_node(node)
        except UNINDEXED:
            return None

    def _get_order_by(self):
        if self.refined_in_database:
            return iter(())
        return super()._get_order_by()

    def get_sort(self):
        # The engine ranks by relevance; the database sorts if asked to.
        if self.refined_in_database:
            return None
        return super().get_sort()


class RefineResultsMixin:
    """Results of a search the database refines: the engine's best matches
    (primary keys and scores), filtered and sorted by the database once,
    then sliced and counted like any results."""

    _refined = None  # (primary keys in the listing's order, scores by key)

    def _clone(self):
        clone = super()._clone()
        clone._refined = self._refined  # a page and its count share one lookup
        return clone

    def _do_search(self):
        if not self.query_compiler.refined_in_database:
            return super()._do_search()
        pks, scores = self._refine()
        pks = pks[self.start : self.stop]
        found = {obj.pk: obj for obj in self.query_compiler.queryset.filter(pk__in=pks)}
        results = [found[pk] for pk in pks if pk in found]
        if self._score_field:
            for obj in results:
                setattr(obj, self._score_field, scores.get(obj.pk))
        return results

    def _do_count(self):
        if not self.query_compiler.refined_in_database:
            return super()._do_count()
        count = len(self._refine()[0]) - self.start
        if self.stop is not None:
            count = min(count, self.stop - self.start)
        return max(count, 0)

    def _refine(self):
        if self._refined is None:
            ranked = self._best_matches()
            scores = dict(ranked)
            queryset = self.query_compiler.queryset.filter(pk__in=list(scores)).prefetch_related(None)
            if self.query_compiler.order_by_relevance:
                kept = set(queryset.order_by().values_list("pk", flat=True))
                pks = [pk for pk, _score in ranked if pk in kept]
            else:
                # The listing's sort, then the key, so that equal values
                # keep one order from page to page.
                if queryset.query.order_by:
                    ordering = list(queryset.query.order_by)
                else:
                    ordering = list(queryset.model._meta.ordering) if queryset.ordered else []
                queryset = queryset.order_by(*ordering, "-pk")
                # A filter across a many-to-many relation may repeat a row.
                pks = list(dict.fromkeys(queryset.values_list("pk", flat=True)))
            self._refined = (pks, scores)
        return self._refined

    def _best_matches(self):
        """(primary key, score) of the engine's best matches, by relevance."""
        compiler = self.query_compiler
        response = self._backend_do_search(
            self._get_es_body(),
            index=self.backend.get_index_for_model(compiler.queryset.model).name,
            _source=False,
            size=LIMIT,
            **{self.fields_param_name: "pk"},
        )
        hits = response["hits"]["hits"]
        if len(hits) == LIMIT:
            logger.warning(
                "%s: a search matched %s documents or more; its filters and sort apply to the %s most relevant",
                compiler.queryset.model.__name__,
                LIMIT,
                LIMIT,
            )
        to_python = compiler.queryset.model._meta.pk.to_python
        return [(to_python(hit["fields"]["pk"][0]), hit["_score"]) for hit in hits]
