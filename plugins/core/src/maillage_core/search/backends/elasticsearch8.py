"""Elasticsearch 8 through the ``elasticsearch`` client 8.

Client 8 sends ``compatible-with=8`` headers, which Elasticsearch 9 servers
accept, so one client serves both (``elasticsearch9``); client 9 would be
refused by version 8.
"""

from elasticsearch import Elasticsearch
from modelsearch.backends.elasticsearch8 import (
    Elasticsearch8AutocompleteQueryCompiler,
    Elasticsearch8Index,
    Elasticsearch8Mapping,
    Elasticsearch8SearchBackend,
    Elasticsearch8SearchQueryCompiler,
    Elasticsearch8SearchResults,
)

from .analysis import with_french_analysis
from .base import (
    AutocompleteQueryCompilerMixin,
    BackendMixin,
    IndexMixin,
    MappingMixin,
    ResultsMixin,
    SearchQueryCompilerMixin,
)
from .clients import ClientPool
from .refine import RefineCompilerMixin, RefineResultsMixin


class ElasticsearchCallsMixin:
    """The client calls whose form changed in client 8: keyword arguments
    instead of a ``body``."""

    def send_multi_search(self, client, searches):
        return client.msearch(searches=searches)

    def put_index_settings(self, index, settings):
        index.es.indices.put_settings(index=index.name, settings=settings)


class MaillageElasticsearch8Mapping(MappingMixin, Elasticsearch8Mapping):
    pass


class MaillageElasticsearch8Index(IndexMixin, Elasticsearch8Index):
    pass


class MaillageElasticsearch8SearchQueryCompiler(
    SearchQueryCompilerMixin, RefineCompilerMixin, Elasticsearch8SearchQueryCompiler
):
    mapping_class = MaillageElasticsearch8Mapping


class MaillageElasticsearch8AutocompleteQueryCompiler(
    AutocompleteQueryCompilerMixin, RefineCompilerMixin, Elasticsearch8AutocompleteQueryCompiler
):
    mapping_class = MaillageElasticsearch8Mapping


class MaillageElasticsearch8SearchResults(ResultsMixin, RefineResultsMixin, Elasticsearch8SearchResults):
    pass


class MaillageElasticsearch8SearchBackend(ElasticsearchCallsMixin, BackendMixin, Elasticsearch8SearchBackend):
    mapping_class = MaillageElasticsearch8Mapping
    index_class = MaillageElasticsearch8Index
    query_compiler_class = MaillageElasticsearch8SearchQueryCompiler
    autocomplete_query_compiler_class = MaillageElasticsearch8AutocompleteQueryCompiler
    results_class = MaillageElasticsearch8SearchResults
    client_class = ClientPool(Elasticsearch)
    settings = with_french_analysis(Elasticsearch8SearchBackend.settings)


SearchBackend = MaillageElasticsearch8SearchBackend
