"""One page of the funding search: core's faceted listing of calls."""

from functools import partial

from maillage_core.listing import pages

from . import database, engine


class CallListing(pages.Listing):
    @property
    def calls(self):
        return self.items


def run(model, query, vocabulary, per_page) -> CallListing:
    def search(backend, keys, offset, limit):
        return backend.search(model, query, keys, offset, limit)

    return pages.run(query, vocabulary, per_page, search=search, engine=engine, database=database,
                     load=partial(load, model), listing_class=CallListing)


def load(model, ids):
    """The page's calls from the database, in the search's order (published only)."""
    by_id = model.objects.public().for_listing().in_bulk(ids)
    return [by_id[pk] for pk in ids if pk in by_id]
