"""OpenSearch 2.x through opensearch-py 2 (the engine used in development and CI)."""

from modelsearch.backends.opensearch2 import (
    OpenSearch2AutocompleteQueryCompiler,
    OpenSearch2Index,
    OpenSearch2Mapping,
    OpenSearch2SearchBackend,
    OpenSearch2SearchQueryCompiler,
    OpenSearch2SearchResults,
)
from modelsearch.utils import deep_update
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

# A search with aggregations (a listing's facet counts) may share its index's
# segments between two threads of the engine: counting five facets over
# 100,000 actors is most of such a search's time, and for one visitor the
# directory's landing page took 15 -> 8.5 ms, three facets chosen 9 -> 6 ms;
# searches without aggregations are left as they were ("auto"). Counts stay
# exact while a facet has fewer values than its aggregation's size.
# OpenSearch 2.17 and later know these settings.
CONCURRENT_AGGREGATIONS = {"settings": {"index": {
    "search.concurrent_segment_search.mode": "auto",
    "search.concurrent.max_slice_count": 2,
}}}


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
    settings = deep_update(with_french_analysis(OpenSearch2SearchBackend.settings), CONCURRENT_AGGREGATIONS)

    def send_multi_search(self, client, searches):
        return client.msearch(body=searches)

    def put_index_settings(self, index, settings):
        index.es.indices.put_settings(index=index.name, body=settings)


SearchBackend = MaillageOpenSearch2SearchBackend
