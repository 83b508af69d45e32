"""Facets of the directory and the validated query a visitor asked for
(core's ``listing`` does the rest).

The vocabulary costs four queries, and is the same for every visitor: each
process keeps it in memory under a version held in the shared cache, which
changes when an officer edits the vocabulary.
"""

from dataclasses import dataclass

from django.utils.translation import get_language, gettext_lazy

from maillage_core.listing import facets as listing
from maillage_core.listing.facets import RELEVANCE, Facet
from maillage_core.versioned_cache import VersionedCache

__all__ = ["FACETS", "NAME", "RECENT", "RELEVANCE", "SORTS", "DirectoryQuery", "Vocabulary", "forget_vocabulary"]

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

VOCABULARY = VersionedCache("maillage_directory:vocabulary")
_loaded = {}  # (language, version) -> indexed options, in this process

#: An officer edited the vocabulary: every process loads it again.
forget_vocabulary = VOCABULARY.changed


class Vocabulary(listing.Vocabulary):
    """Every value each facet can take, in the visitor's language."""

    def indexed(self):
        version = VOCABULARY.version()
        key = (get_language() or "", version)
        if key not in _loaded:
            indexed = listing.index(self.load())
            for stale in [k for k in _loaded if k[1] != version]:
                del _loaded[stale]  # older versions are of no use any more
            _loaded[key] = indexed
        return _loaded[key]

    def load(self):
        shared = listing.shared_options()
        return {"type": shared.pop("actor_type"), **shared}


@dataclass
class DirectoryQuery(listing.FacetedQuery):
    facets = FACETS
    sorts = SORTS
    unranked_sort = NAME
