"""Every country has a continent."""

from django_countries import countries

from maillage_core.continents import CONTINENT_OF, CONTINENTS, MEMBERS


def test_every_country_belongs_to_one_continent():
    codes = [code for members in MEMBERS.values() for code in members.split()]
    assert len(codes) == len(set(codes)) and set(MEMBERS) == set(CONTINENTS)
    assert {country.code for country in countries} <= set(CONTINENT_OF)
