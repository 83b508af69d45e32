"""One page of a faceted listing: results, facet counts and notices."""

import html
from dataclasses import dataclass, field
from functools import lru_cache

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from maillage_core.search.fallback import OUTAGE_NOTICE, engine_or_database

CHECKBOX = ('<li><input type="checkbox" name="{param}" value="{value}" id="f-{param}-{number}"{checked}>'
            '<label for="f-{param}-{number}">{label} <span class="facet-count">({count})</span></label></li>\n')
OPTION = '<option value="{value}"{selected}>{label} ({count})</option>'


@lru_cache(maxsize=4096)
def escaped_text(text):
    """A plain string escaped, kept: the same few hundred labels and values
    (countries, departments, sectors) are escaped on every listing page."""
    return html.escape(text)


def escape(value):
    """What Django's ``conditional_escape`` gives (safe strings as they are,
    the rest through ``html.escape``), without its cost per call: a facet
    list escapes a few hundred labels per page."""
    if type(value) is str:  # not a SafeString, which stays as it is
        return escaped_text(value)
    if type(value) is int:  # a count: digits alone
        return str(value)
    return value.__html__() if hasattr(value, "__html__") else html.escape(str(value))


#: The key a document carries in a facet for "every value" (``Facet.any_value``).
ANY = "*"


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    query: object
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

    def options_html(self):
        """A list box's options, built here: a template loop over 350
        countries and departments took half the page's time, and
        ``format_html`` per option most of the rest."""
        return mark_safe("".join(
            OPTION.format(value=escape(value.value), selected=" selected" if value.selected else "",
                          label=escape(value.label), count=escape(value.count))
            for value in self.values))

    #: Checkboxes shown at once; the others fold behind "N more".
    IN_VIEW = 10

    def checkboxes_html(self, start=0, stop=None):
        """A list of checkboxes' items (``values[start:stop]``), built here
        for the same reason."""
        param = escape(self.facet.param)
        return mark_safe("".join(
            CHECKBOX.format(param=param, value=escape(value.value), number=number,
                            checked=" checked" if value.selected else "", label=escape(value.label),
                            count=escape(value.count))
            for number, value in enumerate(self.values[start:stop], start + 1)))

    def checkboxes_in_view_html(self):
        return self.checkboxes_html(0, self.IN_VIEW)

    def checkboxes_folded_html(self):
        return self.checkboxes_html(self.IN_VIEW)

    @property
    def folded_count(self):
        return max(0, len(self.values) - self.IN_VIEW)


@dataclass
class Listing:
    query: object
    items: list
    total: int
    page_number: int
    page_count: int
    facets: list
    counts: dict = field(default_factory=dict)  # facet key -> {index key: count}
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


def run(query, vocabulary, per_page, *, search, engine, database, load, listing_class=Listing) -> Listing:
    """The page of results ``query`` asks for, with every shown facet's counts.

    ``search(backend, keys, offset, limit)`` asks ``engine`` or ``database``
    (modules with ``search``; the engine's ``available()`` says whether the
    site has one) and returns an answer with ``ids``, ``total`` and
    ``counts``; ``load(ids)`` reads the page's objects in that order (a
    ``listing_class`` may name them after the domain: ``calls``). A page
    past the last one shows the last, and says so; during an outage the
    database answers, and the page says so.
    """
    keys = query.keys(vocabulary)

    def fetch(number):
        offset = (number - 1) * per_page
        if engine.available():
            return engine_or_database(
                lambda: search(engine, keys, offset, per_page), lambda: search(database, keys, offset, per_page)
            )
        return search(database, keys, offset, per_page), False

    number = min(query.page, query.MAX_PAGE)
    answer, degraded = fetch(number)
    page_count = max(1, -(-answer.total // per_page))
    if number > page_count:
        query.notices.append(
            _("There is no page %(number)s; here is the last page (%(last)s).") % {"number": query.page, "last": page_count}
        )
        number = page_count
        answer, degraded = fetch(number)
    if degraded:
        query.notices.append(OUTAGE_NOTICE)
    query.page = number
    return listing_class(
        query=query,
        items=load(answer.ids),
        total=answer.total,
        page_number=number,
        page_count=min(page_count, query.MAX_PAGE),
        facets=facet_results(query, vocabulary, answer.counts),
        counts=answer.counts,
        degraded=degraded,
        took=getattr(answer, "took", 0),
    )


def facet_results(query, vocabulary, counts):
    """Each shown facet's values with a count (or chosen, so it can be
    unchecked), the chosen first, then by count."""
    results = []
    for facet in query.shown_facets():
        selected = query.selected.get(facet.key, [])
        found = counts.get(facet.key, {})
        every = found.get(ANY, 0) if facet.any_value else 0  # documents open to every value count for each
        values = []
        for option in vocabulary.options[facet.key]:
            count = found.get(option.key, 0) + every
            if count or option.value in selected:
                values.append(FacetValue(option.value, option.label, count, option.value in selected, query, facet.key))
        if not facet.keep_order:
            values.sort(key=lambda v: (not v.selected, -v.count, v.label))
        results.append(FacetResult(facet, values))
    return results
