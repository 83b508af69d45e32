"""Facets of the funding search and the validated query a visitor asked for
(core's ``listing`` does the rest).

Calls open to every country, department or kind of actor carry ``ANY`` in
that facet and match whichever value a visitor picks. The status is not a
field of the documents: it is computed against the day of the request.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from maillage_core.listing import facets as listing
from maillage_core.listing.facets import RELEVANCE, Facet, Option

from .. import conf
from ..amounts import BANDS
from ..models.calls import local_today
from ..models.funders import FunderKind

__all__ = ["CLOSING", "FACETS", "NEWEST", "RELEVANCE", "SORTS", "STATUS", "TERM_FACETS", "CallQuery", "Vocabulary"]

CLOSING, NEWEST = "cloture", "nouveau"
SORTS = {
    CLOSING: gettext_lazy("closing date"),
    NEWEST: gettext_lazy("newest"),
    RELEVANCE: gettext_lazy("relevance"),
}
STATUS = "status"
# Status values in URLs: open now, closing soon, permanent, not open yet.
OPEN, CLOSING_SOON, PERMANENT, UPCOMING = "ouvert", "bientot", "permanent", "a-venir"

FACETS = (
    Facet(STATUS, "statut", gettext_lazy("Status"), keep_order=True),
    Facet("funder_kind", "financeur", gettext_lazy("Funder"), "facet_funder_kinds_filter"),
    Facet("actor_type", "acteur", gettext_lazy("Who may apply"), "facet_actor_types_filter", any_value=True),
    Facet("country", "pays", gettext_lazy("Country"), "facet_countries_filter", any_value=True),
    Facet("sector", "secteur", gettext_lazy("Sector"), "facet_sectors_filter"),
    Facet("sdg", "odd", gettext_lazy("Sustainable development goal"), "facet_sdgs_filter"),
    Facet("amount", "montant", gettext_lazy("Amount"), "facet_amounts_filter"),
    Facet("department", "departement", gettext_lazy("Department of the applicant"), "facet_departments_filter",
          any_value=True),
)
FACETS_BY_KEY = {facet.key: facet for facet in FACETS}
TERM_FACETS = tuple(facet for facet in FACETS if facet.column)


class Vocabulary(listing.Vocabulary):
    """Every value each facet can take, in the visitor's language (four queries)."""

    def load(self):
        return {
            STATUS: [
                Option(OPEN, OPEN, _("open")),
                Option(CLOSING_SOON, CLOSING_SOON, _("closing within %(days)s days") % {"days": conf.get("CLOSING_SOON_DAYS")}),
                Option(PERMANENT, PERMANENT, _("permanent")),
                Option(UPCOMING, UPCOMING, _("upcoming")),
            ],
            "funder_kind": [Option(value, value, str(label)) for value, label in FunderKind.choices],
            "amount": [Option(key, key, str(label)) for key, (label, _low, _high) in BANDS.items()],
            **listing.shared_options(),
        }


@dataclass
class CallQuery(listing.FacetedQuery):
    """Core's faceted query, of current calls or of the archive, on the day of the request."""

    archive: bool = False
    today: object = None

    facets = FACETS
    sorts = SORTS
    unranked_sort = CLOSING

    @classmethod
    def from_request(cls, request, vocabulary, *, archive=False):
        return super().from_request(request, vocabulary, archive=archive, today=local_today())

    def kept(self, facet, values):
        return [] if self.archive and facet.key == STATUS else values  # every archived call is closed

    def shown_facets(self):
        return tuple(facet for facet in FACETS if not (self.archive and facet.key == STATUS))

    @property
    def soon(self):
        """The last closing date of a call "closing soon"."""
        return self.today + timedelta(days=conf.get("CLOSING_SOON_DAYS"))
