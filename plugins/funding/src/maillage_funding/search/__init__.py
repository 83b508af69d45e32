"""The funding search: full text plus facets with counts, on core's faceted
listing (``maillage_core.listing``).

- ``facets``: the facets, their vocabulary and the validated query a
  visitor asked for (``CallQuery``), shared by the page, feeds and API.
- ``engine``: the scope, status conditions and sorts of core's one engine
  round trip.
- ``database``: the same from the database, for sites without an engine
  and while the engine is down.
- ``listing``: runs core's listing on calls.
"""
