"""The funding search: full text plus facets with counts.

- ``facets``: the facets, their vocabulary and the validated query a
  visitor asked for (``CallQuery``), shared by the page, feeds and API.
- ``engine``: one engine round trip giving results and every facet's counts.
- ``database``: the same from the database, for sites without an engine
  and while the engine is down.
- ``listing``: picks one, pages through results, and says what it did.
"""
