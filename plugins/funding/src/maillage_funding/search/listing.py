"""One page of the funding search: core's faceted listing of calls."""

from functools import partial

from maillage_core.listing import pages

from ..cards import cards_in_order
from . import database, engine


class CallListing(pages.Listing):
    @property
    def calls(self):
        return self.items


def run(model, query, vocabulary, per_page, *, as_cards=False) -> CallListing:
    """The page of calls ``query`` asks for: ``FundingCall`` instances (feeds,
    API), or only their cards (``maillage_funding.cards``: the search page)."""

    def search(backend, keys, offset, limit):
        return backend.search(model, query, keys, offset, limit)

    return pages.run(query, vocabulary, per_page, search=search, engine=engine, database=database,
                     load=partial(load_cards if as_cards else load, model), listing_class=CallListing)


def load(model, ids):
    """The page's calls from the database, in the search's order (published only)."""
    by_id = model.objects.public().for_listing().in_bulk(ids)
    return [by_id[pk] for pk in ids if pk in by_id]


def load_cards(model, ids):
    """The page's calls' cards, in the search's order (published only)."""
    return cards_in_order(model.objects.public(), ids)
