"""The public directory's search: full text plus facets with counts, on
core's faceted listing (``maillage_core.listing``).

- ``facets``: the five facets, the vocabulary they draw on, and the
  validated query a visitor asked for (``DirectoryQuery``).
- ``engine``: the directory's filters and sorts for core's one engine request.
- ``database``: the same with ORM filters and counts, for sites without an
  engine and while the engine is down.
- ``listing``: runs core's listing on actors; the map's country counts.
"""
