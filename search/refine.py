"""Narrowing the site search by a country or a sector.

The parameters are the directory's (``?pays=SN``, ``?secteur=sante``: a
country code, a sector's slug), validated: an unknown value is dropped
with a notice, never an error. The links offering each value carry the
whole search (words, kind, the other choice), so that a narrowed search is
a plain address to share, and work without JavaScript.
"""

from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from maillage_core.content_memo import remembered
from maillage_core.models import Sector
from maillage_core.params import clean_text
from maillage_core.search.site_search import COUNTRY, SECTOR

PARAMS = {COUNTRY: "pays", SECTOR: "secteur"}
HEADINGS = {COUNTRY: gettext_lazy("By country"), SECTOR: gettext_lazy("By sector")}
# The countries most found are offered; a long list helps nobody scan.
SHOWN_COUNTRIES = 12


@dataclass
class Option:
    label: str
    count: int
    url: str
    chosen: bool = False


@dataclass
class Refine:
    """One list of refine links: every value (with its count) and the link
    that drops the choice."""

    dimension: str
    heading: str
    everything_url: str
    chosen: bool
    options: list = field(default_factory=list)


class Choices:
    """What the visitor asked to narrow by: ``indexed`` the values as the
    engine holds them (country code, sector id as text), ``params`` as the
    address shows them."""

    def __init__(self, request, notices):
        self.params, self.indexed = {}, {}
        self._sectors = None
        code = clean_text(request.GET.get(PARAMS[COUNTRY], ""), 40)
        if code:
            if len(code) == 2 and countries.alpha2(code):
                self.params[PARAMS[COUNTRY]] = self.indexed[COUNTRY] = code.upper()
            else:
                notices.append(_("There is no country “%(value)s”; showing every country.") % {"value": code})
        slug = clean_text(request.GET.get(PARAMS[SECTOR], ""), 80)
        if slug:
            sector = self.sectors_by_slug().get(slug)
            if sector:
                self.params[PARAMS[SECTOR]] = slug
                self.indexed[SECTOR] = str(sector.pk)
            else:
                notices.append(_("There is no sector “%(value)s”; showing every sector.") % {"value": slug})

    def sectors_by_slug(self):
        if self._sectors is None:
            self._sectors = sectors_by_slug()
        return self._sectors

    def refines(self, counts, link):
        """The lists of refine links for ``counts`` ({COUNTRY or SECTOR:
        {indexed value: hits}}); ``link(**params)`` makes an address from
        the current one."""
        lists = []
        # Values that are no country ("*", a call open to every country) are left out.
        found = sorted(((count, code) for code, count in counts.get(COUNTRY, {}).items()
                        if count and countries.alpha2(code) == code), key=lambda item: (-item[0], item[1]))
        chosen = self.indexed.get(COUNTRY)
        top = found[:SHOWN_COUNTRIES] + [item for item in found[SHOWN_COUNTRIES:] if item[1] == chosen]
        named = sorted(((str(countries.name(code)), code, count) for count, code in top),
                       key=lambda item: (-item[2], item[0]))
        lists.append(self.refine(COUNTRY, [(name, code, code, count) for name, code, count in named], link))
        by_id = {str(sector.pk): sector for sector in self.sectors_by_slug().values()} if counts.get(SECTOR) else {}
        sectors = [(by_id[pk], count) for pk, count in counts.get(SECTOR, {}).items() if count and pk in by_id]
        sectors.sort(key=lambda item: (item[0].sort_order, item[0].label))
        lists.append(self.refine(SECTOR, [(sector.label, sector.slug, str(sector.pk), count)
                                          for sector, count in sectors], link))
        # A choice stays shown, with the link that drops it, even when
        # nothing is left to count (a kind that names no country).
        return [refine for refine in lists if refine.options or refine.chosen]

    def refine(self, dimension, values, link):
        param = PARAMS[dimension]
        chosen = self.indexed.get(dimension)
        options = [Option(label=label, count=count, url=link(**{param: value}), chosen=indexed == chosen)
                   for label, value, indexed, count in values]
        return Refine(dimension=dimension, heading=str(HEADINGS[dimension]), everything_url=link(**{param: None}),
                      chosen=bool(chosen), options=options)


def sectors_by_slug():
    """{slug: Sector}, the same for every search: kept in the process under
    the content version (renewed by a sector's change), not asked of the
    database on each results page. Shared: read, never changed."""
    return remembered(("site_search_sectors",), lambda: {
        sector.slug: sector for sector in Sector.objects.only("pk", "slug", "name", "name_en", "sort_order")})


def linker(base):
    """``link(**changes)``: the address of the search ``base`` (its
    parameters) with ``changes`` made, a None value dropping the parameter."""

    def link(**changes):
        params = {**base, **changes}
        return "?" + urlencode({name: value for name, value in params.items() if value}, quote_via=quote)

    return link
