"""OpenSearch 2.x through opensearch-py 2 (the engine used in development and CI)."""

from modelsearch.backends.opensearch2 import (
    OpenSearch2AutocompleteQueryCompiler,
    OpenSearch2Index,
    OpenSearch2Mapping,
    OpenSearch2SearchBackend,
    OpenSearch2SearchQueryCompiler,
    OpenSearch2SearchResults,
)
from opensearchpy import OpenSearch

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


class MaillageOpenSearch2Mapping(MappingMixin, OpenSearch2Mapping):
    pass


class MaillageOpenSearch2Index(IndexMixin, OpenSearch2Index):
    pass


class MaillageOpenSearch2SearchQueryCompiler(
    SearchQueryCompilerMixin, RefineCompilerMixin, OpenSearch2SearchQueryCompiler
):
    mapping_class = MaillageOpenSearch2Mapping


class MaillageOpenSearch2AutocompleteQueryCompiler(
    AutocompleteQueryCompilerMixin, RefineCompilerMixin, OpenSearch2AutocompleteQueryCompiler
):
    mapping_class = MaillageOpenSearch2Mapping


class MaillageOpenSearch2SearchResults(ResultsMixin, RefineResultsMixin, OpenSearch2SearchResults):
    pass


class MaillageOpenSearch2SearchBackend(BackendMixin, OpenSearch2SearchBackend):
    mapping_class = MaillageOpenSearch2Mapping
    index_class = MaillageOpenSearch2Index
    query_compiler_class = MaillageOpenSearch2SearchQueryCompiler
    autocomplete_query_compiler_class = MaillageOpenSearch2AutocompleteQueryCompiler
    results_class = MaillageOpenSearch2SearchResults
    client_class = ClientPool(OpenSearch)
    settings = with_french_analysis(OpenSearch2SearchBackend.settings)

    def send_multi_search(self, client, searches):
        return client.msearch(body=searches)

    def put_index_settings(self, index, settings):
        index.es.indices.put_settings(index=index.name, body=settings)


SearchBackend = MaillageOpenSearch2SearchBackend
