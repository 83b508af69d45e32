"""Engine backends for ``WAGTAILSEARCH_BACKENDS``, one module per engine:

- ``opensearch2``: OpenSearch 2 through opensearch-py 2;
- ``elasticsearch8`` and ``elasticsearch9``: Elasticsearch 8 or 9 through the
  ``elasticsearch`` client 8 (Elasticsearch 9 accepts its compatibility
  headers).

Each subclasses modelsearch's classes for its engine with the mixins of
``base`` (what Maillage adds) and ``refine``. ``config.search_backends``
picks one from ``SEARCH_URL``. Plugins use the backend's public methods
(``search``, ``autocomplete``, ``engine_query``, ``multi_search``, ``search_models``,
``rebuilding``, ``has_index``, ``document_count``), never its client.
"""
