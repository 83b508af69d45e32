"""Words a page writes many times (month and country names, the kinds of
offer), each translated once for the page rather than once per use."""

from django.utils.dates import MONTHS
from django.utils.translation import get_language
from django_countries import countries

from maillage_core.content_memo import remembered


def country_names():
    """Every country's name in the language of the moment, kept in the
    process (a name is a translation looked up on each use otherwise)."""
    return remembered(("country_names", get_language()), lambda: {code: str(name) for code, name in countries})


class Words:
    """The words of one page, each translated on first use: month and
    country names, the kinds' labels (plain text: escape them to write them)."""

    def __init__(self):
        self.months = {}
        self.countries = country_names()
        self.kinds = {}

    def month(self, number):
        if number not in self.months:
            self.months[number] = str(MONTHS[number])
        return self.months[number]

    def month_year(self, day):
        """As the ``date:"F Y"`` filter writes it."""
        return f"{self.month(day.month)} {day.year}"

    def full_date(self, day):
        """As the ``date:"j F Y"`` filter writes it."""
        return f"{day.day} {self.month(day.month)} {day.year}"

    def country(self, code):
        name = self.countries.get(code)
        return name if name is not None else str(countries.name(code))

    def kind(self, offer):
        if offer.kind not in self.kinds:
            self.kinds[offer.kind] = str(offer.get_kind_display())
        return self.kinds[offer.kind]
