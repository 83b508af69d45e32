"""The public directory's search: full text plus facets with counts.

- ``facets``: the five facets, the vocabulary they draw on, and the
  validated query a visitor asked for (``DirectoryQuery``).
- ``engine``: one engine request giving results and every facet's counts.
- ``database``: the same with ORM filters and counts, for sites without an
  engine and while the engine is down.
- ``listing``: picks one, pages through results, and says what it did.
"""
