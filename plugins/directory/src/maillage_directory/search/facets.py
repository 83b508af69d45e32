"""Facets of the directory and the validated query a visitor asked for.

Values in URLs are readable and shareable (``?secteur=sante&pays=SN``);
values in the index are stable keys (ids for editable vocabulary, so that
renaming a sector's slug does not need a reindex). ``Vocabulary`` maps one
to the other with four queries per request.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from maillage_core import params
from maillage_core.models import ActorType, Department, Sector, SustainableDevelopmentGoal
from maillage_core.versioned_cache import VersionedCache

RELEVANCE, NAME, RECENT = "pertinence", "nom", "recent"
SORTS = {
    RELEVANCE: gettext_lazy("relevance"),
    NAME: gettext_lazy("name"),
    RECENT: gettext_lazy("last update"),
}


@dataclass(frozen=True)
class Facet:
    key: str
    param: str
    label: str
    column: str  # the field of the engine's document

    @property
    def size(self):
        return 300  # more than any list of values (249 countries)


FACETS = (
    Facet("type", "type", gettext_lazy("Actor type"), "facet_types_filter"),
    Facet("country", "pays", gettext_lazy("Country of intervention"), "facet_countries_filter"),
    Facet("sector", "secteur", gettext_lazy("Sector"), "facet_sectors_filter"),
    Facet("sdg", "odd", gettext_lazy("Sustainable development goal"), "facet_sdgs_filter"),
    Facet("department", "departement", gettext_lazy("Department"), "facet_departments_filter"),
)
FACETS_BY_KEY = {facet.key: facet for facet in FACETS}


@dataclass(frozen=True)
class Option:
    value: str  # in URLs
    key: str  # in the index and the database
    label: str


VOCABULARY = VersionedCache("maillage_directory:vocabulary")
_loaded = {}  # (language, version) -> options, in this process

#: An officer edited the vocabulary: every process loads it again.
forget_vocabulary = VOCABULARY.changed


class Vocabulary:
    """Every value each facet can take, in the visitor's language.

    Read on every directory page and the same for every visitor: each
    process keeps it in memory under a version held in the shared cache,
    which changes when an officer edits the vocabulary.
    """

    def __init__(self):
        from django.utils.translation import get_language

        version = VOCABULARY.version()
        key = (get_language() or "", version)
        if key not in _loaded:
            options = self.load()
            for stale in [k for k in _loaded if k[1] != version]:
                del _loaded[stale]  # older versions are of no use any more
            _loaded[key] = (
                options,
                {facet: {o.value: o for o in values} for facet, values in options.items()},
                {facet: {o.key: o for o in values} for facet, values in options.items()},
            )
        self.options, self._by_value, self._by_key = _loaded[key]

    @staticmethod
    def load():
        return {
            "type": [Option(t.slug, str(t.pk), t.label) for t in ActorType.objects.all()],
            "country": [Option(code, code, str(name)) for code, name in countries],
            "sector": [Option(s.slug, str(s.pk), s.label) for s in Sector.objects.all()],
            "sdg": [
                Option(str(g.number), str(g.number), _("SDG %(number)s: %(name)s") % {"number": g.number, "name": g.label})
                for g in SustainableDevelopmentGoal.objects.all()
            ],
            "department": [Option(d.code, d.code, d.label) for d in Department.objects.all()],
        }

    def values(self, facet_key):
        return self._by_value[facet_key].keys()

    def by_value(self, facet_key, value):
        return self._by_value[facet_key].get(value)

    def by_key(self, facet_key, key):
        return self._by_key[facet_key].get(key)


@dataclass
class DirectoryQuery:
    text: str = ""
    selected: dict = field(default_factory=dict)  # facet key -> URL values
    sort: str = NAME
    page: int = 1
    notices: list = field(default_factory=list)

    MAX_PAGE = 500

    @classmethod
    def from_request(cls, request, vocabulary):
        query = cls()
        query.text, shortened = params.search_query(request)
        if shortened:
            query.notices.append(shortened)
        for facet in FACETS:
            values, rejected = params.choices(request, facet.param, vocabulary.values(facet.key))
            query.selected[facet.key] = values
            if rejected:
                query.notices.append(
                    _("Unknown values of the filter “%(filter)s” were ignored: %(values)s.")
                    % {"filter": facet.label, "values": ", ".join(v or "∅" for v in rejected[:5])}
                )
        default_sort = RELEVANCE if query.text else NAME
        query.sort, bad_sort = params.one_of(request, "tri", SORTS.keys(), default_sort)
        if bad_sort:
            query.notices.append(_("“%(value)s” is not a way to sort; sorted by %(sort)s.") % {
                "value": bad_sort, "sort": SORTS[query.sort]})
        if query.sort == RELEVANCE and not query.text:
            query.sort = NAME
        query.page, bad_page = params.integer(request, "page", minimum=1, default=1)
        if bad_page:
            query.notices.append(_("“%(value)s” is not a page number; here is the first page.") % {"value": bad_page})
        return query

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
        pairs = []
        for facet in FACETS:
            pairs.extend((facet.param, value) for value in state[facet.param])
        if state["q"]:
            pairs.insert(0, ("q", state["q"]))
        if state["tri"] != (RELEVANCE if state["q"] else NAME):
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

    def only(self, facet_key, value):
        """The URL filtering on one value of one facet, others kept (the map's links)."""
        return self.url(**{FACETS_BY_KEY[facet_key].param: [value], "page": 1})
