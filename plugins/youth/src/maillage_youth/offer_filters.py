"""The offers board's search and filters, read from the query string
through ``maillage_core.params``: a value that does not parse is set
aside with a message, never turned into an error. The same filters serve
the board, its RSS and its JSON feed."""

import re
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from maillage_core.models import Sector
from maillage_core.params import choices, clean_text, search_query

from .models.choices import OfferKind

MONTH = re.compile(r"^(\d{4})-(\d{2})$")
SORTS = {
    "cloture": gettext_lazy("closing date, soonest first"),
    "nouveau": gettext_lazy("newest first"),
}
ORDERINGS = {"cloture": ("closing_date", "-first_published_at"), "nouveau": ("-first_published_at", "closing_date")}


def parse_month(raw):
    match = MONTH.match(raw or "")
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not 2000 <= year <= 2100 or not 1 <= month <= 12:
        return None
    return date(year, month, 1)


def next_month(first_day):
    return date(first_day.year + first_day.month // 12, first_day.month % 12 + 1, 1)


def unknown(message, rejected):
    return message % {"values": ", ".join(value or "∅" for value in rejected)}


@dataclass
class OfferFilters:
    text: str = ""
    kinds: list = field(default_factory=list)
    countries: list = field(default_factory=list)
    sectors: list = field(default_factory=list)  # Sector rows
    month: date | None = None
    sort: str = "cloture"
    notices: list = field(default_factory=list)

    @property
    def is_filtered(self):
        return bool(self.text or self.kinds or self.countries or self.sectors or self.month)

    def apply(self, offers):
        if self.kinds:
            offers = offers.filter(kind__in=self.kinds)
        if self.countries:
            offers = offers.filter(country__in=self.countries)
        if self.sectors:
            offers = offers.filter(sector__in=[sector.pk for sector in self.sectors])
        if self.month:
            offers = offers.filter(start_date__gte=self.month, start_date__lt=next_month(self.month))
        return offers

    @property
    def ordering(self):
        return ORDERINGS[self.sort]


def read_filters(request, sectors=None):
    """The board's filters from the query string, with a notice for each value set aside."""
    text, shortened = search_query(request)
    notices = [shortened] if shortened else []
    kinds, rejected = choices(request, "type", OfferKind.values, max_values=len(OfferKind.values))
    if rejected:
        notices.append(unknown(_("Unknown kind of offer ignored: %(values)s."), rejected))
    codes, rejected = choices(request, "pays", [code for code, _name in countries], max_values=10)
    if rejected:
        notices.append(unknown(_("Unknown country code ignored: %(values)s."), rejected))
    sectors = list(Sector.objects.all()) if sectors is None else sectors
    by_slug = {sector.slug: sector for sector in sectors}
    slugs, rejected = choices(request, "secteur", by_slug, max_values=5)
    if rejected:
        notices.append(unknown(_("Unknown sector ignored: %(values)s."), rejected))
    raw_month = clean_text(request.GET.get("debut", ""), 40)
    month = parse_month(raw_month)
    if raw_month and month is None:
        notices.append(
            _("“%(value)s” is not a month (expected like 2027-03); showing every start date.") % {"value": raw_month}
        )
    sort = clean_text(request.GET.get("tri", ""), 40) or "cloture"
    if sort not in SORTS:
        notices.append(_("“%(value)s” is not a way to sort offers; sorted by closing date.") % {"value": sort})
        sort = "cloture"
    return OfferFilters(
        text=text,
        kinds=kinds,
        countries=codes,
        sectors=[by_slug[slug] for slug in slugs],
        month=month,
        sort=sort,
        notices=notices,
    )
