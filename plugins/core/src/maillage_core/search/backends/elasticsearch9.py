"""Elasticsearch 9, through the ``elasticsearch`` client 8 (see ``elasticsearch8``)."""

from elasticsearch import Elasticsearch
from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9AutocompleteQueryCompiler,
    Elasticsearch9Index,
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
    Elasticsearch9SearchResults,
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
from .elasticsearch8 import ElasticsearchCallsMixin
from .refine import RefineCompilerMixin, RefineResultsMixin


class MaillageElasticsearch9Mapping(MappingMixin, Elasticsearch9Mapping):
    pass


class MaillageElasticsearch9Index(IndexMixin, Elasticsearch9Index):
    pass


class MaillageElasticsearch9SearchQueryCompiler(
    SearchQueryCompilerMixin, RefineCompilerMixin, Elasticsearch9SearchQueryCompiler
):
    mapping_class = MaillageElasticsearch9Mapping


class MaillageElasticsearch9AutocompleteQueryCompiler(
    AutocompleteQueryCompilerMixin, RefineCompilerMixin, Elasticsearch9AutocompleteQueryCompiler
):
    mapping_class = MaillageElasticsearch9Mapping


class MaillageElasticsearch9SearchResults(ResultsMixin, RefineResultsMixin, Elasticsearch9SearchResults):
    pass


class MaillageElasticsearch9SearchBackend(ElasticsearchCallsMixin, BackendMixin, Elasticsearch9SearchBackend):
    mapping_class = MaillageElasticsearch9Mapping
    index_class = MaillageElasticsearch9Index
    query_compiler_class = MaillageElasticsearch9SearchQueryCompiler
    autocomplete_query_compiler_class = MaillageElasticsearch9AutocompleteQueryCompiler
    results_class = MaillageElasticsearch9SearchResults
    client_class = ClientPool(Elasticsearch)
    settings = with_french_analysis(Elasticsearch9SearchBackend.settings)


SearchBackend = MaillageElasticsearch9SearchBackend
