"""One faceted listing for every plugin: search words, facets with counts,
a sort and pages, all in a shareable URL that no value can break.

A plugin names its facets and sorts and writes its own engine and database
queries; the rest is here:

- ``facets``: ``Facet``, ``Option``, ``Vocabulary`` (every value a facet
  can take, by URL value and by index key) and ``FacetedQuery``, the
  validated query a visitor asked for, with its notices and toggle URLs;
- ``engine``: the two searches of one engine round trip (counts, each facet
  under the other facets' selections; then the page, post-filtered) and
  reading their answer;
- ``database``: the words of a query matched in folded text, for the
  database search of sites without an engine and of outages;
- ``pages``: ``run()`` picks the engine or the database, pages through the
  results, and returns a ``Listing`` for the templates
  ``maillage_core/includes/listing_*.html`` and ``facet.html``.
"""
