"""Engine backends for ``WAGTAILSEARCH_BACKENDS``.

``maillage_core.search.backends.opensearch2`` (opensearch-py 2) and
``maillage_core.search.backends.elasticsearch8`` (elasticsearch client 8,
which also speaks to Elasticsearch 9 servers through its compatibility
headers). ``config.search_backends`` picks one from ``SEARCH_URL``.
"""
