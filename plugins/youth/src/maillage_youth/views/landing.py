"""The Espace Jeunes landing page: schemes, latest offers, testimonies,
upcoming trainings and guides, in a fixed number of queries.

Upcoming trainings come from any installed plugin through
``maillage_core.hooks.upcoming_events``; with none installed the section
is simply left out.

The sections are the same for every anonymous visitor, so they are kept in
the process under the content version (a minute at most: which offers are
still open moves with the date), and a first visitor after a page-cache miss
does not pay their queries again.
"""

import copy

from maillage_core import hooks as maillage_hooks
from maillage_core.content_memo import for_anonymous, remembered
from maillage_core.site_pages import concrete_models, live_page, public

from .. import conf
from ..cards import guide_cards, offer_cards, scheme_cards, scheme_entries, testimony_cards
from ..models.offers import Offer
from ..models.schemes import SchemeIndexPageMixin
from ..models.testimonies import Testimony


def nearest(mixin, landing, request):
    """The page of a type below the landing page, else the site's first one
    (kept in the process under the content version: two queries a section)."""
    found = remembered(("youth_nearest", mixin, landing.pk), lambda: below(mixin, landing))
    return copy.copy(found) if found is not None else live_page(mixin, request)


def below(mixin, landing):
    for model in concrete_models(mixin):
        found = public(model.objects.live()).descendant_of(landing).order_by("path").first()
        if found:
            return found
    return None


def landing_context(request, landing, *, boards, testimony_indexes, guides):
    """``boards``, ``testimony_indexes`` and ``guides`` are the page mixins
    of those sections: the page module defines them and imports this one.
    The kept sections are shared: the template reads them, nothing changes them.
    Their cards are kept drawn: the template only places them."""
    items = conf.get("LANDING_ITEMS")
    sections = for_anonymous(
        request, ("youth_landing", landing.pk, items),
        lambda: landing_sections(request, landing, items, boards, testimony_indexes, guides),
    )
    return {**sections, "events": maillage_hooks.upcoming_events(request, items)}


def landing_sections(request, landing, items, boards, testimony_indexes, guides):
    catalogue = nearest(SchemeIndexPageMixin, landing, request)
    board = nearest(boards, landing, request)
    testimony_index = nearest(testimony_indexes, landing, request)

    offers = []
    board_url = board.get_url(request=request) if board else ""
    if board:
        offers = list(Offer.objects.open().for_listing().order_by("-first_published_at", "-pk")[:items])
        for offer in offers:
            offer.board_url = f"{board_url}{offer.slug}/"

    testimonies = []
    testimonies_url = testimony_index.get_url(request=request) if testimony_index else ""
    if testimony_index:
        testimonies = list(Testimony.objects.published().for_listing()[: min(items, 3)])
        for testimony in testimonies:
            testimony.page_url = f"{testimonies_url}{testimony.pk}/"

    guide_pages = []
    for model in concrete_models(guides):
        guide_pages.extend(public(model.objects.child_of(landing).live()).order_by("path"))

    schemes = catalogue.schemes() if catalogue else []
    return {
        "catalogue": catalogue,
        "catalogue_url": catalogue.get_url(request=request) if catalogue else "",
        "schemes": schemes,
        "scheme_cards": scheme_cards((entry, None) for entry in scheme_entries(schemes, request)),
        "board_url": board_url,
        "offers": offers,
        "offer_cards": offer_cards(offers),
        "testimonies_url": testimonies_url,
        "testimonies": testimonies,
        "testimony_cards": testimony_cards(testimonies),
        "guides": guide_pages,
        "guide_cards": guide_cards(guide_pages, request),
    }
