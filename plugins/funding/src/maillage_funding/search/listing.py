"""One page of the funding search: results, facet counts and notices."""

from dataclasses import dataclass, field

from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from maillage_core.search.fallback import OUTAGE_NOTICE, engine_or_database

from . import database, engine
from .facets import FACETS, CallQuery


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    query: CallQuery
    facet_key: str

    @property
    def url(self):
        return self.query.toggled(self.facet_key, self.value)


@dataclass
class FacetResult:
    facet: object
    values: list = field(default_factory=list)

    def options_html(self):
        """The list box's options, built here: a template loop over 350
        countries and departments took half the page's time."""
        return format_html_join("", '<option value="{}"{}>{} ({})</option>', (
            (value.value, mark_safe(" selected") if value.selected else "", value.label, value.count)
            for value in self.values))


@dataclass
class Listing:
    query: CallQuery
    calls: list
    total: int
    page_number: int
    page_count: int
    facets: list
    degraded: bool = False

    @property
    def previous_url(self):
        return self.query.url(page=self.page_number - 1) if self.page_number > 1 else None

    @property
    def next_url(self):
        return self.query.url(page=self.page_number + 1) if self.page_number < self.page_count else None

    @property
    def selections(self):
        return [(result.facet, value) for result in self.facets for value in result.values if value.selected]


def run(model, query: CallQuery, vocabulary, per_page) -> Listing:
    keys = query.keys(vocabulary)
    number = min(query.page, CallQuery.MAX_PAGE)
    answer, degraded = fetch(model, query, keys, number, per_page)
    page_count = max(1, -(-answer.total // per_page))
    if number > page_count:
        query.notices.append(
            _("There is no page %(number)s; here is the last page (%(last)s).") % {"number": query.page, "last": page_count}
        )
        number = page_count
        answer, degraded = fetch(model, query, keys, number, per_page)
    if degraded:
        query.notices.append(OUTAGE_NOTICE)
    query.page = number
    return Listing(query=query, calls=load(model, answer.ids), total=answer.total, page_number=number,
                   page_count=min(page_count, CallQuery.MAX_PAGE), facets=facet_results(query, vocabulary, answer.counts),
                   degraded=degraded)


def fetch(model, query, keys, number, per_page):
    offset = (number - 1) * per_page

    def search_in(backend):
        return lambda: backend.search(model, query, keys, offset, per_page)

    if engine.available():
        return engine_or_database(search_in(engine), search_in(database))
    return search_in(database)(), False


def load(model, ids):
    """The page's calls from the database, in the search's order (published only)."""
    by_id = model.objects.public().for_listing().in_bulk(ids)
    return [by_id[pk] for pk in ids if pk in by_id]


def facet_results(query, vocabulary, counts):
    results = []
    for facet in FACETS:
        if query.archive and facet.key == "status":
            continue
        selected = query.selected.get(facet.key, [])
        found = counts.get(facet.key, {})
        every = found.get("*", 0)  # calls open to every value count for each
        values = []
        for option in vocabulary.options[facet.key]:
            count = found.get(option.key, 0) + (every if facet.any_value else 0)
            if count or option.value in selected:
                values.append(FacetValue(option.value, option.label, count, option.value in selected, query, facet.key))
        if facet.key != "status":
            values.sort(key=lambda v: (not v.selected, -v.count, v.label))
        results.append(FacetResult(facet, values))
    return results
