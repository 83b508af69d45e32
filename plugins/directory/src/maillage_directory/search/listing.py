"""One page of the public directory: core's faceted listing of actors."""

from functools import partial

from maillage_core.listing import pages

from . import cards, database, engine


class ActorListing(pages.Listing):
    @property
    def actors(self):
        return self.items


def run(model, query, vocabulary, per_page) -> ActorListing:
    def search(backend, keys, offset, limit):
        return backend.search(model, query.text, keys, query.sort, offset, limit)

    return pages.run(query, vocabulary, per_page, search=search, engine=engine, database=database,
                     load=partial(cards.load, model, vocabulary), listing_class=ActorListing)


def country_counts(listing, vocabulary):
    """{country code: actors} of a listing (its map)."""
    return {
        option.value: count
        for key, count in listing.counts["country"].items()
        if (option := vocabulary.by_key("country", key))
    }
