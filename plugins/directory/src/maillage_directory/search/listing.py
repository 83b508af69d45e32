"""One page of the public directory: core's faceted listing of actors."""

from functools import partial

from maillage_core.listing import pages

from . import database, engine


class ActorListing(pages.Listing):
    @property
    def actors(self):
        return self.items


def run(model, query, vocabulary, per_page) -> ActorListing:
    def search(backend, keys, offset, limit):
        return backend.search(model, query.text, keys, query.sort, offset, limit)

    return pages.run(query, vocabulary, per_page, search=search, engine=engine, database=database,
                     load=partial(load, model), listing_class=ActorListing)


def load(model, ids):
    """The page's actors from the database, in the engine's order."""
    by_id = model.objects.live().for_listing().in_bulk(ids)
    return [by_id[pk] for pk in ids if pk in by_id]


def country_counts(listing, vocabulary):
    """{country code: actors} of a listing (its map)."""
    return {
        option.value: count
        for key, count in listing.counts["country"].items()
        if (option := vocabulary.by_key("country", key))
    }
