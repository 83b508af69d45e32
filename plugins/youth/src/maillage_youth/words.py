"""The words of one page that writes many (the kinds of offer, month and
country names from core's ``words``), each translated once for the page."""

from django_countries import countries

from maillage_core import words


class Words:
    """The words of one page, each translated on first use: month and
    country names, the kinds' labels (plain text: escape them to write them)."""

    def __init__(self):
        self.countries = words.country_names()
        self.kinds = {}

    def month_year(self, day):
        """As the ``date:"F Y"`` filter writes it."""
        return words.month_year(day)

    def full_date(self, day):
        """As the ``date:"j F Y"`` filter writes it."""
        return words.day_month_year(day)

    def country(self, code):
        name = self.countries.get(code)
        return name if name is not None else str(countries.name(code))

    def kind(self, offer):
        if offer.kind not in self.kinds:
            self.kinds[offer.kind] = str(offer.get_kind_display())
        return self.kinds[offer.kind]
