"""Facets of the directory and the validated query a visitor asked for
(core's ``listing`` does the rest).

The vocabulary costs four queries, and is the same for every visitor: core's
``listing.Vocabulary`` keeps it in each process under the content version,
which an officer's edit of the vocabulary renews.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy

from maillage_core.listing import facets as listing
from maillage_core.listing.facets import RELEVANCE, Facet

__all__ = ["FACETS", "NAME", "RECENT", "RELEVANCE", "SORTS", "DirectoryQuery", "Vocabulary"]

NAME, RECENT = "nom", "recent"
SORTS = {
    RELEVANCE: gettext_lazy("relevance"),
    NAME: gettext_lazy("name"),
    RECENT: gettext_lazy("last update"),
}

FACETS = (
    Facet("type", "type", gettext_lazy("Actor type"), "facet_types_filter"),
    Facet("country", "pays", gettext_lazy("Country of intervention"), "facet_countries_filter"),
    Facet("sector", "secteur", gettext_lazy("Sector"), "facet_sectors_filter"),
    Facet("sdg", "odd", gettext_lazy("Sustainable development goal"), "facet_sdgs_filter"),
    Facet("department", "departement", gettext_lazy("Department"), "facet_departments_filter"),
)


class Vocabulary(listing.Vocabulary):
    """Every value each facet can take, in the visitor's language."""

    def load(self):
        shared = listing.shared_options()
        return {"type": shared.pop("actor_type"), **shared}


@dataclass
class DirectoryQuery(listing.FacetedQuery):
    facets = FACETS
    sorts = SORTS
    unranked_sort = NAME
