"""One page of the public directory: results, facet counts and notices."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from maillage_core.search.fallback import OUTAGE_NOTICE, engine_or_database

from . import database, engine
from .facets import FACETS, DirectoryQuery


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    query: DirectoryQuery
    facet_key: str

    @property
    def url(self):
        """The URL adding or removing this value (built only when shown)."""
        return self.query.toggled(self.facet_key, self.value)


@dataclass
class FacetResult:
    facet: object
    values: list = field(default_factory=list)

    @property
    def selected_count(self):
        return sum(1 for value in self.values if value.selected)


@dataclass
class Listing:
    query: DirectoryQuery
    actors: list
    total: int
    page_number: int
    page_count: int
    facets: list
    country_counts: dict
    degraded: bool = False
    took: int = 0

    @property
    def previous_url(self):
        return self.query.url(page=self.page_number - 1) if self.page_number > 1 else None

    @property
    def next_url(self):
        return self.query.url(page=self.page_number + 1) if self.page_number < self.page_count else None

    @property
    def selections(self):
        """Chosen values, each with the URL that removes it."""
        return [(result.facet, value) for result in self.facets for value in result.values if value.selected]


def run(model, query: DirectoryQuery, vocabulary, per_page) -> Listing:
    keys = query.keys(vocabulary)
    number = min(query.page, DirectoryQuery.MAX_PAGE)
    answer, degraded = fetch(model, query, keys, number, per_page)
    page_count = max(1, -(-answer.total // per_page))
    if query.page > page_count:
        query.notices.append(
            _("There is no page %(number)s; here is the last page (%(last)s).")
            % {"number": query.page, "last": page_count}
        )
        number = page_count
        answer, degraded = fetch(model, query, keys, number, per_page)
    if degraded:
        query.notices.append(OUTAGE_NOTICE)
    query.page = number
    return Listing(
        query=query,
        actors=load(model, answer.ids),
        total=answer.total,
        page_number=number,
        page_count=min(page_count, DirectoryQuery.MAX_PAGE),
        facets=facet_results(query, vocabulary, answer.counts),
        country_counts={
            option.value: count
            for key, count in answer.counts["country"].items()
            if (option := vocabulary.by_key("country", key))
        },
        degraded=degraded,
        took=answer.took,
    )


def fetch(model, query, keys, number, per_page):
    offset = (number - 1) * per_page

    def search_in(backend):
        return lambda: backend.search(model, query.text, keys, query.sort, offset, per_page)

    if engine.available():
        return engine_or_database(search_in(engine), search_in(database))
    return search_in(database)(), False


def load(model, ids):
    """The page's actors from the database, in the engine's order."""
    by_id = model.objects.live().for_listing().in_bulk(ids)
    return [by_id[pk] for pk in ids if pk in by_id]


def facet_results(query, vocabulary, counts):
    results = []
    for facet in FACETS:
        selected = query.selected.get(facet.key, [])
        values = []
        for key, count in counts[facet.key].items():
            option = vocabulary.by_key(facet.key, key)
            if option is None:
                continue  # a value deleted since it was indexed
            values.append(FacetValue(option.value, option.label, count, option.value in selected, query, facet.key))
        # A chosen value stays listed (with 0) so it can be unchecked.
        for value in selected:
            if not any(v.value == value for v in values):
                option = vocabulary.by_value(facet.key, value)
                values.append(FacetValue(option.value, option.label, 0, True, query, facet.key))
        values.sort(key=lambda v: (not v.selected, -v.count, v.label))
        results.append(FacetResult(facet, values))
    return results
