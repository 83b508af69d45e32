"""What Maillage adds to modelsearch's engine backends.

Each engine module (``opensearch2``, ``elasticsearch8``, ``elasticsearch9``)
subclasses modelsearch's classes for that engine with these mixins, as
modelsearch's own modules subclass each other:

1. French analysis on every text field (``analysis``).
2. A ``maillage_visibility`` keyword on every document, and a ``visibility``
   argument to ``search()`` and ``autocomplete()`` that filters on it with a
   single clause. A ``search()`` that names no audience finds what an
   anonymous visitor may find (see ``BackendMixin.search``).
3. Writes that never fail a save: short timeouts, a circuit breaker, and an
   outbox row for each update that could not reach the engine (``guard``).
4. Searches that fail fast during an outage: Maillage's own searches get
   ``EngineUnavailable`` and show their degraded mode; callers that know
   nothing of Maillage get an answer from the database (``fallback``).
5. Searches narrowed or sorted by fields the index does not hold (the admin
   listings' filters and columns) refined by the database (``refine``).
6. The engine operations plugins need, as public methods of the backend
   (``EngineOperationsMixin``): no plugin touches the engine's client.
"""

import logging
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

from modelsearch.index import AutocompleteField, get_indexed_models
from modelsearch.query import MatchAll, PlainText

from .. import outbox
from ..errors import EngineUnavailable
from ..fallback import database_answer
from ..guard import guarded, guarded_write, unavailable
from ..query import MATCH_NOTHING, text_query
from ..ranking import MAPPING as RANKING_MAPPING
from ..ranking import document_extras, object_countries
from ..visibility import ANONYMOUS, FIELD, visibility_of
from .analysis import PLAIN_SUBFIELD, PREFIX_FIELD_ANALYSIS
from .clients import ADMIN_TIMEOUT
from .shared import OnePerConfiguration

logger = logging.getLogger("maillage.search")


class MappingMixin:
    edgengram_analyzer_config = PREFIX_FIELD_ANALYSIS

    def get_mapping(self):
        mapping = super().get_mapping()
        properties = mapping["properties"]
        properties[FIELD] = {"type": "keyword"}
        properties.update(RANKING_MAPPING)
        # Typos are matched on whole words as written (folded, unstemmed):
        # a stem is not a word, and a typo of it finds unrelated words.
        for field in properties.values():
            if field.get("type") == "text" and "analyzer" not in field:
                field["fields"] = {PLAIN_SUBFIELD: {"type": "text", "analyzer": "maillage_plain"}}
        return mapping

    def get_document(self, obj):
        document = super().get_document(obj)
        document[FIELD] = visibility_of(obj)
        document.update(document_extras(document, object_countries(obj)))
        return document


class QueryCompilerMixin:
    """What both compilers (full text and autocomplete) add to modelsearch's:
    the visibility filter, the French-aware text query, and searches
    restricted to named fields that never fail on a name the index lacks.
    ``fallback``: the results answer from the database during an outage
    instead of raising EngineUnavailable."""

    fuzzy = True

    def __init__(self, *args, visibility=None, fallback=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.visibility = list(visibility) if visibility is not None else None
        self.fallback = fallback

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
        unknown = set(fields or ()) - {field.field_name for field in self.named_fields()}
        if unknown:
            logger.warning("%s has no indexed text field %s", self.queryset.model.__name__, sorted(unknown))

    def named_fields(self):
        """The model's search and autocomplete fields named by ``fields``."""
        model = self.queryset.model
        wanted = set(self.fields or ())
        fields = [*model.get_searchable_search_fields(), *model.get_autocomplete_search_fields()]
        return [field for field in fields if field.field_name in wanted]

    def named_prefix_columns(self):
        """The edge n-gram columns of the named autocomplete fields."""
        return [
            self.mapping.get_field_column_name(field)
            for field in self.named_fields()
            if isinstance(field, AutocompleteField)
        ]

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
        return fields, self.named_prefix_columns()


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
        return fields, self.named_prefix_columns()


class ResultsMixin:
    """Results whose every engine call fails fast during an outage: with
    EngineUnavailable, or with the database's answer if the search asked
    for it (``fallback``)."""

    def _do_search(self):
        parent = super()._do_search
        try:
            return guarded(lambda: list(parent()))
        except EngineUnavailable:
            if not self.query_compiler.fallback:
                raise
            return list(database_answer(self.query_compiler)[self.start : self.stop])

    def _do_count(self):
        try:
            return guarded(super()._do_count)
        except EngineUnavailable:
            if not self.query_compiler.fallback:
                raise
            return database_answer(self.query_compiler)[self.start : self.stop].count()

    def facet(self, field_name):
        parent = super().facet
        return guarded(lambda: parent(field_name))


class IndexMixin:
    """An index talks to the engine through the client it is given: by
    default the admin client (long timeout), since index management, bulk
    loads and rebuilds run from commands; the backend's writes from a save
    give the request client (``BackendMixin.request_index``)."""

    def __init__(self, backend, name, client=None):
        super().__init__(backend, name)
        self.es = client if client is not None else backend.admin_es


class IndexLoad:
    """Documents sent in bulk to an index being rebuilt (``rebuilding``).

    Each ``add`` hands its documents to a sender thread and returns: the
    next batch is read from the database and built while the engine indexes
    this one (the engine works in its own process, so even on two cores the
    two overlap). At most ``SENDERS`` batches wait for the engine, so memory
    stays bounded; an error of the engine is raised by a later ``add`` or by
    ``finish``."""

    # Two batches in flight: the engine indexes each bulk request on one
    # thread, so a second one lets it use both cores while this process
    # builds the next (100,000 actors: 76 s against 133 s with one, on a
    # loaded two-core machine).
    SENDERS = 2

    def __init__(self, backend, index):
        self.backend = backend
        self.index = index
        self._sender = ThreadPoolExecutor(max_workers=self.SENDERS, thread_name_prefix="maillage-index-load")
        self._sending = []

    @property
    def name(self):
        return self.index.name

    def add(self, documents, chunk_size=500) -> int:
        """Send ``documents``, (primary key, document) pairs with documents
        as the model's search mapping builds them; returns how many."""
        actions = [{"_id": str(pk), **document} for pk, document in documents]
        while len(self._sending) >= self.SENDERS:
            self._sending.pop(0).result()
        if actions:
            self._sending.append(self._sender.submit(
                self.backend.bulk, self.index.es, actions, index=self.index.name, chunk_size=chunk_size
            ))
        return len(actions)

    def finish(self):
        """Wait until the engine holds every document added."""
        while self._sending:
            self._sending.pop(0).result()

    def close(self):
        self._sender.shutdown(wait=True, cancel_futures=True)


#: {index name: 1} for the indexes this process knows to hold one shard,
#: learnt from the engine's answers (``note_shards``). A search whose hits
#: are ranked within one index needs no DFS phase on such indexes: that
#: shard's term statistics are the index's.
SHARDS_SEEN = {}


def note_shards(names, response):
    """Learn from a search's answer over the indexes ``names`` whether each
    holds one shard: every index has at least one, so a total of one per
    index means exactly one each. Any other total (an index rebuilt with
    more shards) forgets them, and DFS comes back."""
    one_each = response.get("_shards", {}).get("total") == len(names)
    for name in names:
        if one_each:
            SHARDS_SEEN[name] = 1
        else:
            SHARDS_SEEN.pop(name, None)


def one_shard_each(names) -> bool:
    return all(SHARDS_SEEN.get(name) == 1 for name in names)


class EngineOperationsMixin:
    """Engine operations for plugins that need more than modelsearch's
    search API (the directory's faceted search, its fast rebuild), so that
    no plugin holds the engine's client. Each engine's backend gives the
    two calls whose form differs between clients: ``send_multi_search``
    and ``put_index_settings``."""

    def engine_query(self, queryset, text, *, visibility, operator="and"):
        """The engine query (a dict) for ``text`` over ``queryset``, as
        every Maillage search compiles it: French-aware whole and partial
        words, typos, the queryset's filters and one visibility filter. An
        empty text matches every document ``visibility`` lets through."""
        query = PlainText(text, operator=operator) if text else MatchAll()
        compiler = self.query_compiler_class(queryset, query, order_by_relevance=False, visibility=visibility)
        return compiler.get_query()

    def engine_query_parts(self, queryset, *, visibility):
        """What ``engine_query`` is made of for ``queryset``, for a search
        over several models sharing one text query (``query.text_query``):
        (whole-word fields with boosts, prefix fields, filters: its content
        type, the queryset's filters and the visibility filter). None if the
        engine cannot apply every filter of ``queryset`` (the database would
        have to refine the answer)."""
        compiler = self.query_compiler_class(
            queryset, PlainText("-"), order_by_relevance=False, visibility=visibility
        )
        filters = compiler.get_filters()
        if compiler.refined_in_database:
            return None
        fields, prefix_fields = compiler.text_fields()
        return fields, prefix_fields, filters

    def search_models(self, models, body, *, ranked_within_one_index=False):
        """One search ``body`` over the indexes of every model of ``models``
        at once, term statistics shared between them (so that scores compare
        across kinds), sent as one request; returns the engine's response.
        ``ranked_within_one_index``: the hits the body asks for all come from
        one index (one kind picked); once every index searched is known to
        hold one shard, the engine is spared the first phase that gathers
        term statistics (DFS), which then changes no score that is compared.
        Raises EngineUnavailable during an outage or if the engine refuses it."""
        names = sorted({self.get_index_for_model(model).name for model in models})
        header = {"index": ",".join(names)}
        if not (ranked_within_one_index and one_shard_each(names)):
            header["search_type"] = "dfs_query_then_fetch"
        (response,) = guarded(lambda: self.send_multi_search(self.es, [header, body]))["responses"]
        if "error" in response:
            raise unavailable(str(response["error"])[:500])
        note_shards(names, response)
        return response

    def multi_search(self, model, bodies, *, cached=False):
        """Send the search ``bodies`` on ``model``'s index in one round trip
        and return the engine's responses in the same order. A search asking
        for no hits (counts, aggregations), or every search if ``cached``,
        may be answered from the engine's request cache until the index
        changes. Raises EngineUnavailable during an outage, or when the
        engine refuses one of the searches."""
        index = self.get_index_for_model(model).name
        searches = []
        for body in bodies:
            header = {"index": index, "request_cache": True} if cached or body.get("size") == 0 else {"index": index}
            searches += [header, body]
        responses = guarded(lambda: self.send_multi_search(self.es, searches))["responses"]
        for response in responses:
            if "error" in response:  # a refused search, not an outage: the circuit stays closed
                raise unavailable(str(response["error"])[:500])
        return responses

    @contextmanager
    def rebuilding(self, model):
        """A new, empty index for ``model`` (and the models that share its
        index), filled in the ``with`` block through the ``IndexLoad`` it
        gives, and put in service under the index's name when the block
        ends, as ``update_index`` does: searches use the old index until
        then. If the block fails, the new index is dropped and the old one
        stays. The new index is not refreshed while it is loaded (nobody
        searches it yet), which makes large loads much faster."""
        rebuilder = self.rebuilder_class(self.get_index_for_model(model))
        index = rebuilder.start()
        load = IndexLoad(self, index)
        try:
            for indexed in self.models_sharing_index(model):
                index.add_model(indexed)
            # While loading: no refresh, no copy to keep in step, and the
            # write-ahead log synced in the background rather than at every
            # request (a crash loses the new index, never the one in service).
            replicas = self.index_setting(index, "number_of_replicas")
            self.put_index_settings(index, {"index": {
                "refresh_interval": "-1", "number_of_replicas": 0, "translog": {"durability": "async"}}})
            yield load
            load.finish()
            self.put_index_settings(index, {"index": {  # None: the engine's default
                "refresh_interval": None, "number_of_replicas": replicas, "translog": {"durability": None}}})
        except BaseException:
            load.close()
            if index.name != self.get_index_for_model(model).name:  # an atomic rebuild's new index
                index.delete()
            raise
        load.close()
        rebuilder.finish()

    def index_setting(self, index, name):
        """The value of the index setting ``name`` ("number_of_replicas")."""
        answer = index.es.indices.get_settings(index=index.name, name=f"index.{name}", flat_settings=True)
        return next(iter(answer.values()))["settings"].get(f"index.{name}")

    def models_sharing_index(self, model):
        name = self.get_index_for_model(model).name
        return [other for other in get_indexed_models() if self.get_index_for_model(other).name == name]

    def has_index(self, model) -> bool:
        """Whether the engine holds ``model``'s index (or its alias)."""
        return bool(self.admin_es.indices.exists(index=self.get_index_for_model(model).name))

    def document_count(self, model) -> int:
        """How many documents ``model``'s index holds (refreshed first)."""
        index = self.get_index_for_model(model)
        index.refresh()
        return self.admin_es.count(index=index.name)["count"]

    def send_multi_search(self, client, searches):
        raise NotImplementedError

    def put_index_settings(self, index, settings):
        raise NotImplementedError


class BackendMixin(EngineOperationsMixin, metaclass=OnePerConfiguration):
    """Built once per process for each configuration (``shared``): every
    ``get_search_backend()`` of a request returns the same backend."""

    supports_visibility = True
    catch_indexing_errors = True

    def __init__(self, params):
        params = dict(params)
        params.setdefault("TIMEOUT", 1)
        params["OPTIONS"] = {"max_retries": 0, **params.get("OPTIONS", {})}
        # ``client_class`` is a ClientPool: self.es is the configuration's
        # shared request client.
        super().__init__(params)

    @property
    def admin_es(self):
        """The client for commands: the request client's configuration with
        a long timeout."""
        return self.client_class.variant(self.es, **{self.timeout_kwarg_name: ADMIN_TIMEOUT})

    def request_index(self, model):
        """``model``'s index, written through the request client (the
        backend's short timeout): for the writes a save makes."""
        return self.index_class(self, self.get_index_for_model(model).name, client=self.es)

    def search(
        self,
        query,
        model_or_queryset,
        fields=None,
        operator=None,
        order_by_relevance=True,
        visibility=ANONYMOUS,
        fallback=True,
    ):
        """modelsearch's full-text search, French-aware, with two arguments.

        ``visibility``: the visibility values of the documents the searcher
        may find (``visibility.visibility_for_user``); ``None`` for every
        document. Left out, the search finds what an anonymous visitor may
        find: the searches Wagtail makes for the public name no searcher (a
        host's ``Page.objects.live().search(q)``, the API's ``?search=``), and
        must never show a draft or a members-only page.

        ``fallback``: during an outage, answer from the database (titles and
        names, on what the audience may see: ``fallback``) rather than raise
        EngineUnavailable; a caller with its own degraded mode passes False.
        """
        return self._search(
            self.query_compiler_class,
            query,
            model_or_queryset,
            fields=fields,
            operator=operator,
            order_by_relevance=order_by_relevance,
            visibility=visibility,
            fallback=fallback,
        )

    def autocomplete(
        self,
        query,
        model_or_queryset,
        fields=None,
        operator=None,
        order_by_relevance=True,
        visibility=None,
        fallback=True,
    ):
        """modelsearch's search by the beginning of words of the titles and
        names (autocomplete fields). Left out, ``visibility`` lets every
        document through: Wagtail's admin finds drafts and private pages
        this way. Public code passes the searcher's ``visibility``, as
        ``search()`` does."""
        return self._search(
            self.autocomplete_query_compiler_class,
            query,
            model_or_queryset,
            fields=fields,
            operator=operator,
            order_by_relevance=order_by_relevance,
            visibility=visibility,
            fallback=fallback,
        )

    # Writes from signals: never raise, never lose the update.
    def add(self, obj):
        guarded_write([obj], outbox.INDEX, lambda: self.add_now(obj))

    def delete(self, obj):
        guarded_write([obj], outbox.DELETE, lambda: self.delete_now(obj))

    def add_bulk(self, model, obj_list):
        objects = list(obj_list)
        guarded_write(objects, outbox.INDEX, lambda: self.request_index(model).add_items(model, objects))

    # Writes from the outbox replay: errors propagate to the caller.
    def add_now(self, obj):
        self.request_index(obj._meta.model).add_item(obj)

    def delete_now(self, obj):
        self.request_index(obj._meta.model).delete_item(obj)
