"""Country names and the French slugs of country pages' addresses
(/pays/senegal/, /pays/cote-divoire/): French whatever the visitor's
language, so that an address never changes with it."""

from functools import cache

from django.utils.text import slugify
from django.utils.translation import override
from django_countries import countries


@cache
def french_slugs():
    """{code: slug} for every country django-countries knows."""
    with override("fr"):
        return {country.code: slugify(str(country.name)) for country in countries}


@cache
def codes_by_slug():
    return {slug: code for code, slug in french_slugs().items()}


def slug_for(code):
    return french_slugs().get(code, "")


def code_for(slug):
    """The country a page address names, by its French slug or its ISO code
    (either case); "" when it names none."""
    value = str(slug or "")
    if len(value) == 2 and value.upper() in french_slugs():
        return value.upper()
    return codes_by_slug().get(value, "")


def name_of(code):
    """The country's name in the active language."""
    return str(countries.name(code))
