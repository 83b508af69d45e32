"""Words a page writes many times (month and country names, the kinds of
offer), each translated once for the page rather than once per use."""

from django.utils.dates import MONTHS
from django_countries import countries


class Words:
    """The words of one page, each translated on first use: month and
    country names, the kinds' labels (plain text: escape them to write them)."""

    def __init__(self):
        self.months = {}
        self.countries = {}
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
        if code not in self.countries:
            self.countries[code] = str(countries.name(code))
        return self.countries[code]

    def kind(self, offer):
        if offer.kind not in self.kinds:
            self.kinds[offer.kind] = str(offer.get_kind_display())
        return self.kinds[offer.kind]
