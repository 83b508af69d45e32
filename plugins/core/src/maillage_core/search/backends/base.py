"""What Maillage adds to modelsearch's engine backends.

1. French analysis on top of the backend's defaults: elision, lowercase,
   accent folding and light French stemming for every text field, and the
   same folding for partial-word (edge n-gram) matching.
2. A ``maillage_visibility`` keyword on every document, and a ``visibility``
   argument to ``search()`` that filters on it with a single clause.
3. Writes that never fail a save: short timeouts, a circuit breaker, and
   an outbox row for each update that could not reach the engine.
4. Searches that fail fast with ``EngineUnavailable`` during an outage.
5. Searches narrowed or sorted by fields the index does not hold (the
   admin listings' filters and columns) refined by the database: see
   ``refine``.
"""

import logging
import threading
from copy import deepcopy

from modelsearch.index import AutocompleteField
from modelsearch.query import MatchAll, PlainText
from modelsearch.utils import deep_update

from .. import circuit, outbox
from ..errors import EngineUnavailable, engine_errors, is_outage
from ..query import MATCH_NOTHING, text_query
from ..visibility import FIELD, visibility_of
from .refine import RefineCompilerMixin, RefineResultsMixin

logger = logging.getLogger("maillage.search")

FRENCH_ARTICLES = ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"]

FRENCH_ANALYSIS = {
    "settings": {
        "analysis": {
            "filter": {
                "maillage_elision": {"type": "elision", "articles_case": True, "articles": FRENCH_ARTICLES},
                "maillage_french_stemmer": {"type": "stemmer", "language": "light_french"},
            },
            "analyzer": {
                # The index's default analyzer applies to every text field
                # modelsearch maps without an explicit analyzer.
                "default": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["maillage_elision", "lowercase", "asciifolding", "maillage_french_stemmer"],
                },
                "edgengram_analyzer": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["maillage_elision", "lowercase", "asciifolding", "edgengram"],
                },
                # Query side of partial-word fields: folded, not stemmed, not cut.
                "maillage_prefix_search": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["maillage_elision", "lowercase", "asciifolding"],
                },
            },
        }
    }
}


class MappingMixin:
    edgengram_analyzer_config = {
        "analyzer": "edgengram_analyzer",
        "search_analyzer": "maillage_prefix_search",
    }

    def get_mapping(self):
        mapping = super().get_mapping()
        mapping["properties"][FIELD] = {"type": "keyword"}
        return mapping

    def get_document(self, obj):
        document = super().get_document(obj)
        document[FIELD] = visibility_of(obj)
        return document


class QueryCompilerMixin:
    """What both compilers (full text and autocomplete) add to modelsearch's:
    the visibility filter, the French-aware text query, and searches
    restricted to named fields that never fail on a name the index lacks."""

    def __init__(self, *args, visibility=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.visibility = list(visibility) if visibility is not None else None

    def check(self):
        # modelsearch refuses a field that is not a SearchField; admin
        # viewsets name their search fields freely (an autocomplete-only
        # field, a field left out of the index). Such names are left out
        # of the query instead, and a search on none of them finds nothing.
        fields, self.fields = self.fields, None
        try:
            super().check()
        finally:
            self.fields = fields
        unknown = set(fields or ()) - {field.field_name for field in self._named_fields()}
        if unknown:
            logger.warning("%s has no indexed text field %s", self.queryset.model.__name__, sorted(unknown))

    def _named_fields(self):
        model = self.queryset.model
        wanted = set(self.fields or ())
        fields = [*model.get_searchable_search_fields(), *model.get_autocomplete_search_fields()]
        return [field for field in fields if field.field_name in wanted]

    def _named_prefix_columns(self):
        """The edge n-gram columns of the named autocomplete fields."""
        return [
            self.mapping.get_field_column_name(field)
            for field in self._named_fields()
            if isinstance(field, AutocompleteField)
        ]

    fuzzy = True

    def text_fields(self):
        """(whole-word fields with boosts, prefix fields) for a text query."""
        raise NotImplementedError

    def get_inner_query(self):
        if isinstance(self.query, PlainText):
            fields, prefix_fields = self.text_fields()
            return text_query(self.query.query_string, fields, self.query.operator, prefix_fields, self.fuzzy)
        return super().get_inner_query()

    def get_filters(self):
        filters = super().get_filters()
        if self.visibility is not None:
            filters.append({"terms": {FIELD: self.visibility}})
        return filters


class SearchQueryCompilerMixin(QueryCompilerMixin):
    def get_inner_query(self):
        if self.fields and not self.remapped_fields and not isinstance(self.query, (PlainText, MatchAll)):
            # A phrase or fuzzy query restricted to no searchable field:
            # modelsearch would send an empty field list, which the engine
            # reads as "every field".
            return MATCH_NOTHING
        return super().get_inner_query()

    def text_fields(self):
        # modelsearch has mapped the searchable fields (all text, or the
        # named ones) to columns with their boosts.
        fields = [field.field_name_with_boost for field in self.remapped_fields]
        if not self.fields:
            # Partial words are matched on the autocomplete fields (titles,
            # names) of the whole document.
            return fields, ["_edgengrams"]
        return fields, self._named_prefix_columns()


class AutocompleteQueryCompilerMixin(QueryCompilerMixin):
    fuzzy = False

    def text_fields(self):
        # modelsearch's autocomplete compiler keeps bare column names in
        # remapped_fields (or None); the columns are worked out here.
        if not self.fields:
            return [], ["_edgengrams"]
        # A named field with no autocomplete column is still searched, by
        # whole words, rather than silently dropped.
        fields = [field.field_name_with_boost for field in self._remap_fields(self.fields)]
        return fields, self._named_prefix_columns()


def guarded(call):
    """Run an engine read; turn any engine failure into EngineUnavailable."""
    if circuit.is_open():
        raise EngineUnavailable("the search engine is unavailable")
    try:
        return call()
    except engine_errors() as error:
        if is_outage(error):
            circuit.trip()
        logger.warning("search engine query failed: %s", error)
        raise EngineUnavailable(str(error)) from error


class ResultsMixin:
    def _do_search(self):
        parent = super()._do_search
        return guarded(lambda: list(parent()))

    def _do_count(self):
        return guarded(super()._do_count)

    def facet(self, field_name):
        parent = super().facet
        return guarded(lambda: parent(field_name))


_clients = {}
_clients_lock = threading.Lock()

# Index management and bulk loads run from commands, not requests: they get
# a long timeout. Requests (searches, single-document writes from saves) use
# the backend's short TIMEOUT so a stalled engine never holds a page.
ADMIN_TIMEOUT = 120


class IndexMixin:
    def __init__(self, backend, name):
        super().__init__(backend, name)
        self.es = backend.admin_client

    def add_item(self, item):
        self.es = self.backend.es
        super().add_item(item)

    def delete_item(self, item):
        self.es = self.backend.es
        super().delete_item(item)


class BackendMixin:
    supports_visibility = True
    catch_indexing_errors = True

    def __init__(self, params):
        params = dict(params)
        params.setdefault("TIMEOUT", 1)
        options = dict(params.get("OPTIONS", {}))
        options.setdefault("max_retries", 0)
        params["OPTIONS"] = options
        self._client_key = (type(self).__name__, repr(sorted(params.items(), key=str)))
        # Capture the arguments modelsearch builds the client with, so the
        # admin client can be made alike with a longer timeout.
        client_class, captured = type(self).client_class, {}

        def capture(**kwargs):
            captured.update(kwargs)
            return self._shared_client("request", lambda: client_class(**kwargs))

        self.client_class = capture
        try:
            super().__init__(params)
        finally:
            del self.client_class
        self._client_kwargs = captured

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.settings = deep_update(deepcopy(cls.settings), deepcopy(FRENCH_ANALYSIS))

    def _shared_client(self, role, make):
        # modelsearch builds a backend for every call; share one client per
        # configuration so connections stay open between requests.
        with _clients_lock:
            key = (role, self._client_key)
            if key not in _clients:
                _clients[key] = make()
            return _clients[key]

    @property
    def admin_client(self):
        kwargs = dict(self._client_kwargs, **{self.timeout_kwarg_name: ADMIN_TIMEOUT})
        return self._shared_client("admin", lambda: type(self).client_class(**kwargs))

    def search(self, query, model_or_queryset, fields=None, operator=None, order_by_relevance=True, visibility=None):
        return self._search(
            self.query_compiler_class,
            query,
            model_or_queryset,
            fields=fields,
            operator=operator,
            order_by_relevance=order_by_relevance,
            visibility=visibility,
        )

    def autocomplete(
        self, query, model_or_queryset, fields=None, operator=None, order_by_relevance=True, visibility=None
    ):
        return self._search(
            self.autocomplete_query_compiler_class,
            query,
            model_or_queryset,
            fields=fields,
            operator=operator,
            order_by_relevance=order_by_relevance,
            visibility=visibility,
        )

    # Writes from signals: never raise, never lose the update.
    def add(self, obj):
        self._guarded_write(obj, outbox.INDEX, super().add)

    def delete(self, obj):
        self._guarded_write(obj, outbox.DELETE, super().delete)

    def add_bulk(self, model, obj_list):
        objects = list(obj_list)
        try:
            guarded(lambda: super(BackendMixin, self).add_bulk(model, objects))
        except EngineUnavailable as error:
            for obj in objects:
                outbox.record(obj, outbox.INDEX, str(error))

    # Writes from the outbox replay: errors propagate to the caller.
    def add_now(self, obj):
        super().add(obj)

    def delete_now(self, obj):
        super().delete(obj)

    def _guarded_write(self, obj, action, write):
        if circuit.is_open():
            outbox.record(obj, action, "engine unavailable")
            return
        try:
            write(obj)
        except engine_errors() as error:
            if is_outage(error):
                circuit.trip()
            logger.warning("index update of %r kept for retry: %s", obj, error)
            outbox.record(obj, action, str(error))


def build_backend(module, prefix: str):
    """Subclass one modelsearch engine module's classes with the mixins."""
    mapping = type(f"{prefix}Mapping", (MappingMixin, module.SearchBackend.mapping_class), {})
    index = type(f"{prefix}Index", (IndexMixin, module.SearchBackend.index_class), {"mapping_class": mapping})
    compiler = type(
        f"{prefix}QueryCompiler",
        (SearchQueryCompilerMixin, RefineCompilerMixin, module.SearchBackend.query_compiler_class),
        {"mapping_class": mapping},
    )
    autocomplete = type(
        f"{prefix}AutocompleteQueryCompiler",
        (AutocompleteQueryCompilerMixin, RefineCompilerMixin, module.SearchBackend.autocomplete_query_compiler_class),
        {"mapping_class": mapping},
    )
    # Engine failures are guarded around the refined results too.
    results = type(f"{prefix}Results", (ResultsMixin, RefineResultsMixin, module.SearchBackend.results_class), {})
    return type(
        f"{prefix}SearchBackend",
        (BackendMixin, module.SearchBackend),
        {
            "mapping_class": mapping,
            "index_class": index,
            "query_compiler_class": compiler,
            "autocomplete_query_compiler_class": autocomplete,
            "results_class": results,
        },
    )
