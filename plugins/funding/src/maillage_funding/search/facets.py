"""Facets of the funding search and the validated query a visitor asked for.

Values in URLs are readable and shareable (``?secteur=eau&pays=SN``);
values in the index are stable keys (ids of editable vocabulary). Calls open
to every country, department or kind of actor carry ``ANY`` in that facet
and match whichever value a visitor picks.
"""

from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import urlencode

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from maillage_core import params
from maillage_core.models import ActorType, Department, Sector, SustainableDevelopmentGoal

from .. import conf
from ..amounts import BANDS
from ..models.calls import local_today
from ..models.funders import FunderKind

RELEVANCE, CLOSING, NEWEST = "pertinence", "cloture", "nouveau"
SORTS = {
    CLOSING: gettext_lazy("closing date"),
    NEWEST: gettext_lazy("newest"),
    RELEVANCE: gettext_lazy("relevance"),
}
STATUS = "status"
# Status values in URLs: open now, closing soon, permanent, not open yet.
OPEN, CLOSING_SOON, PERMANENT, UPCOMING = "ouvert", "bientot", "permanent", "a-venir"


@dataclass(frozen=True)
class Facet:
    key: str
    param: str
    label: str
    column: str = ""  # the field of the engine's document ("" for the status)
    any_value: bool = False  # documents carry ANY for "every value"


FACETS = (
    Facet(STATUS, "statut", gettext_lazy("Status")),
    Facet("funder_kind", "financeur", gettext_lazy("Funder"), "facet_funder_kinds_filter"),
    Facet("actor_type", "acteur", gettext_lazy("Who may apply"), "facet_actor_types_filter", True),
    Facet("country", "pays", gettext_lazy("Country"), "facet_countries_filter", True),
    Facet("sector", "secteur", gettext_lazy("Sector"), "facet_sectors_filter"),
    Facet("sdg", "odd", gettext_lazy("Sustainable development goal"), "facet_sdgs_filter"),
    Facet("amount", "montant", gettext_lazy("Amount"), "facet_amounts_filter"),
    Facet("department", "departement", gettext_lazy("Department of the applicant"), "facet_departments_filter", True),
)
FACETS_BY_KEY = {facet.key: facet for facet in FACETS}
TERM_FACETS = tuple(facet for facet in FACETS if facet.column)


@dataclass(frozen=True)
class Option:
    value: str  # in URLs
    key: str  # in the index and the database
    label: str


class Vocabulary:
    """Every value each facet can take, in the visitor's language (four queries)."""

    def __init__(self):
        self.options = {
            STATUS: [
                Option(OPEN, OPEN, _("open")),
                Option(CLOSING_SOON, CLOSING_SOON, _("closing within %(days)s days") % {"days": conf.get("CLOSING_SOON_DAYS")}),
                Option(PERMANENT, PERMANENT, _("permanent")),
                Option(UPCOMING, UPCOMING, _("upcoming")),
            ],
            "funder_kind": [Option(value, value, str(label)) for value, label in FunderKind.choices],
            "actor_type": [Option(t.slug, str(t.pk), t.label) for t in ActorType.objects.all()],
            "country": [Option(code, code, str(name)) for code, name in countries],
            "sector": [Option(s.slug, str(s.pk), s.label) for s in Sector.objects.all()],
            "sdg": [
                Option(str(g.number), str(g.number), _("SDG %(number)s: %(name)s") % {"number": g.number, "name": g.label})
                for g in SustainableDevelopmentGoal.objects.all()
            ],
            "amount": [Option(key, key, str(label)) for key, (label, _low, _high) in BANDS.items()],
            "department": [Option(d.code, d.code, d.label) for d in Department.objects.all()],
        }
        self._by_value = {key: {o.value: o for o in values} for key, values in self.options.items()}
        self._by_key = {key: {o.key: o for o in values} for key, values in self.options.items()}

    def values(self, facet_key):
        return self._by_value[facet_key].keys()

    def by_value(self, facet_key, value):
        return self._by_value[facet_key].get(value)

    def by_key(self, facet_key, key):
        return self._by_key[facet_key].get(key)


@dataclass
class CallQuery:
    """What a visitor asked for, every value checked; ``notices`` say what was set aside."""

    text: str = ""
    selected: dict = field(default_factory=dict)  # facet key -> URL values
    sort: str = CLOSING
    page: int = 1
    archive: bool = False
    notices: list = field(default_factory=list)
    today: object = None

    MAX_PAGE = 500

    @classmethod
    def from_request(cls, request, vocabulary, *, archive=False):
        query = cls(archive=archive, today=local_today())
        query.text, shortened = params.search_query(request)
        if shortened:
            query.notices.append(shortened)
        for facet in FACETS:
            values, rejected = params.choices(request, facet.param, vocabulary.values(facet.key))
            if archive and facet.key == STATUS:
                values = []  # every archived call is closed
            query.selected[facet.key] = values
            if rejected:
                query.notices.append(
                    _("Unknown values of the filter “%(filter)s” were ignored: %(values)s.")
                    % {"filter": facet.label, "values": ", ".join(v or "∅" for v in rejected[:5])}
                )
        query.sort, bad_sort = params.one_of(request, "tri", SORTS.keys(), query.default_sort)
        if bad_sort:
            query.notices.append(_("“%(value)s” is not a way to sort; sorted by %(sort)s.") % {
                "value": bad_sort, "sort": SORTS[query.sort]})
        if query.sort == RELEVANCE and not query.text:
            query.sort = CLOSING
        query.page, bad_page = params.integer(request, "page", minimum=1, default=1)
        if bad_page:
            query.notices.append(_("“%(value)s” is not a page number; here is the first page.") % {"value": bad_page})
        return query

    @property
    def default_sort(self):
        return RELEVANCE if self.text else CLOSING

    @property
    def soon(self):
        """The last closing date of a call "closing soon"."""
        return self.today + timedelta(days=conf.get("CLOSING_SOON_DAYS"))

    def keys(self, vocabulary):
        """Selected values as index keys, per facet."""
        return {
            facet_key: [vocabulary.by_value(facet_key, value).key for value in values]
            for facet_key, values in self.selected.items()
        }

    @property
    def is_filtered(self):
        return bool(self.text) or any(self.selected.values())

    def params(self, **changes):
        """The query-string pairs of this query, with ``changes`` applied."""
        state = {"q": self.text, "tri": self.sort, "page": self.page}
        for facet in FACETS:
            state[facet.param] = list(self.selected.get(facet.key, []))
        state.update(changes)
        pairs = [("q", state["q"])] if state["q"] else []
        for facet in FACETS:
            pairs.extend((facet.param, value) for value in state[facet.param])
        if state["tri"] != (RELEVANCE if state["q"] else CLOSING):
            pairs.append(("tri", state["tri"]))
        if state["page"] and state["page"] != 1:
            pairs.append(("page", state["page"]))
        return pairs

    def url(self, **changes):
        pairs = self.params(**changes)
        return "?" + urlencode(pairs) if pairs else "?"

    def toggled(self, facet_key, value):
        """The URL with one facet value added or removed (back to page 1)."""
        facet = FACETS_BY_KEY[facet_key]
        current = list(self.selected.get(facet_key, []))
        current = [v for v in current if v != value] if value in current else current + [value]
        return self.url(**{facet.param: current, "page": 1})

    def filter_params(self):
        """The pairs of the text and the filters alone (feeds, alerts)."""
        return [(name, value) for name, value in self.params(page=1, tri=self.default_sort)]
