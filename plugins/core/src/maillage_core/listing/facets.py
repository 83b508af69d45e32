"""Facets, the values they take, and the validated query a visitor asked for.

Values in URLs are readable and shareable (``?secteur=eau&pays=SN``); values
in the index are stable keys (ids of editable vocabulary, so renaming a
sector's slug needs no reindex). A ``Vocabulary`` maps one to the other.
"""

from dataclasses import dataclass, field
from typing import ClassVar
from urllib.parse import urlencode

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from maillage_core import params
from maillage_core.content_memo import remembered

#: The sort by relevance, offered only with search words.
RELEVANCE = "pertinence"


@dataclass(frozen=True)
class Facet:
    key: str
    param: str  # its name in URLs
    label: str
    column: str = ""  # the field of the engine's document ("" for a facet the plugin computes)
    any_value: bool = False  # documents carry ANY ("*") for "every value" and count for each
    keep_order: bool = False  # values listed in the vocabulary's order, not by count
    size: int = 300  # more values than any facet has (249 countries)


@dataclass(frozen=True)
class Option:
    value: str  # in URLs
    key: str  # in the index and the database
    label: str


def index(options):
    """(options, by value, by key) for each facet."""
    return (
        options,
        {facet: {o.value: o for o in values} for facet, values in options.items()},
        {facet: {o.key: o for o in values} for facet, values in options.items()},
    )


def shared_options():
    """The options of core's shared vocabulary, in the visitor's language
    (four queries): {"actor_type", "country", "sector", "sdg", "department": [Option]}.
    Editable vocabulary is keyed by id, so renaming a slug needs no reindex."""
    from django_countries import countries

    from maillage_core.models import ActorType, Department, Sector, SustainableDevelopmentGoal

    return {
        "actor_type": [Option(t.slug, str(t.pk), t.label) for t in ActorType.objects.all()],
        "country": [Option(code, code, str(name)) for code, name in countries],
        "sector": [Option(s.slug, str(s.pk), s.label) for s in Sector.objects.all()],
        "sdg": [
            Option(str(g.number), str(g.number), _("SDG %(number)s: %(name)s") % {"number": g.number, "name": g.label})
            for g in SustainableDevelopmentGoal.objects.all()
        ],
        "department": [Option(d.code, d.code, d.label) for d in Department.objects.all()],
    }


class Vocabulary:
    """Every value each facet can take, in the visitor's language.

    A plugin's subclass returns {facet key: [Option]} from ``load()``. The
    options are the same for every visitor: each process keeps them per
    class and language under the content version (an officer's edit of the
    vocabulary renews it), and forgets them when the settings change (a
    label may read one). They are shared: read, never changed.
    """

    def __init__(self):
        self.options, self._by_value, self._by_key = self.indexed()

    def load(self):
        raise NotImplementedError

    def indexed(self):
        key = ("listing_vocabulary", type(self), get_language() or "")
        return remembered(key, lambda: index(self.load()))

    def values(self, facet_key):
        return self._by_value[facet_key].keys()

    def by_value(self, facet_key, value):
        return self._by_value[facet_key].get(value)

    def by_key(self, facet_key, key):
        return self._by_key[facet_key].get(key)


@dataclass
class FacetedQuery:
    """What a visitor asked for, every value checked; ``notices`` say what was set aside.

    A subclass names its ``facets`` (a tuple of ``Facet``), its ``sorts``
    ({URL value: label}, ``RELEVANCE`` among them) and ``unranked_sort``,
    the sort without search words. URLs: ``q``, each facet's ``param``,
    ``tri`` and ``page``; values at their default are left out.
    """

    text: str = ""
    selected: dict = field(default_factory=dict)  # facet key -> URL values
    sort: str = ""
    page: int = 1
    notices: list = field(default_factory=list)

    facets: ClassVar[tuple] = ()
    sorts: ClassVar[dict] = {}
    unranked_sort: ClassVar[str] = ""
    MAX_PAGE: ClassVar[int] = 500

    @classmethod
    def from_request(cls, request, vocabulary, **fields):
        query = cls(**fields)
        query.text, shortened = params.search_query(request)
        if shortened:
            query.notices.append(shortened)
        for facet in cls.facets:
            values, rejected = params.choices(request, facet.param, vocabulary.values(facet.key))
            query.selected[facet.key] = query.kept(facet, values)
            if rejected:
                query.notices.append(
                    _("Unknown values of the filter “%(filter)s” were ignored: %(values)s.")
                    % {"filter": facet.label, "values": ", ".join(v or "∅" for v in rejected[:5])}
                )
        query.sort, bad_sort = params.one_of(request, "tri", cls.sorts.keys(), query.default_sort)
        if bad_sort:
            query.notices.append(_("“%(value)s” is not a way to sort; sorted by %(sort)s.") % {
                "value": bad_sort, "sort": cls.sorts[query.sort]})
        if query.sort == RELEVANCE and not query.text:
            query.sort = cls.unranked_sort
        query.page, bad_page = params.integer(request, "page", minimum=1, default=1)
        if bad_page:
            query.notices.append(_("“%(value)s” is not a page number; here is the first page.") % {"value": bad_page})
        return query

    def kept(self, facet, values):
        """The valid values of a facet this query keeps (a subclass may drop some)."""
        return values

    def shown_facets(self):
        """The facets the page lists."""
        return self.facets

    @property
    def default_sort(self):
        return RELEVANCE if self.text else self.unranked_sort

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
        for facet in self.facets:
            state[facet.param] = list(self.selected.get(facet.key, []))
        state.update(changes)
        pairs = [("q", state["q"])] if state["q"] else []
        for facet in self.facets:
            pairs.extend((facet.param, value) for value in state[facet.param])
        if state["tri"] != (RELEVANCE if state["q"] else self.unranked_sort):
            pairs.append(("tri", state["tri"]))
        if state["page"] and state["page"] != 1:
            pairs.append(("page", state["page"]))
        return pairs

    def url(self, **changes):
        pairs = self.params(**changes)
        return "?" + urlencode(pairs) if pairs else "?"

    def facet(self, facet_key):
        return next(facet for facet in self.facets if facet.key == facet_key)

    def toggled(self, facet_key, value):
        """The URL with one facet value added or removed (back to page 1)."""
        current = list(self.selected.get(facet_key, []))
        current = [v for v in current if v != value] if value in current else current + [value]
        return self.url(**{self.facet(facet_key).param: current, "page": 1})

    def only(self, facet_key, value):
        """The URL filtering on one value of one facet, others kept (a map's links)."""
        return self.url(**{self.facet(facet_key).param: [value], "page": 1})

    def only_urls(self, facet_key, values):
        """{value: ``only(facet_key, value)``} for many values (a map's
        links): the pairs around the facet's are encoded once, not per value
        (``urlencode`` of a list of pairs is its parts' joined by "&")."""
        marker = object()
        pairs = self.params(**{self.facet(facet_key).param: [marker], "page": 1})
        at = next(number for number, (_name, value) in enumerate(pairs) if value is marker)
        param = pairs[at][0]
        before, after = urlencode(pairs[:at]), urlencode(pairs[at + 1:])
        return {value: "?" + "&".join(part for part in (before, urlencode([(param, value)]), after) if part)
                for value in values}

    def filter_params(self):
        """The pairs of the text and the filters alone (feeds, alerts)."""
        return self.params(page=1, tri=self.default_sort)
