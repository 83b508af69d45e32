"""Names a page writes many times (months, countries) in the language of the
moment, translated once per process and language: each is otherwise a
translation looked up at every use, and a listing writes dozens.

``day_month_year`` and ``month_year`` write a date as Django's ``date``
filter does with "j F Y" and "F Y", without building a formatter per date.
"""

from functools import lru_cache

from django.utils.dates import MONTHS
from django.utils.translation import get_language
from django_countries import countries


@lru_cache(maxsize=16)
def _month_names(language):
    return {number: str(name) for number, name in MONTHS.items()}


@lru_cache(maxsize=16)
def _country_names(language):
    return {code: str(name) for code, name in countries}


def month_names():
    """{month number: its name}, in the active language."""
    return _month_names(get_language())


def country_names():
    """{country code: its name}, in the active language."""
    return _country_names(get_language())


def day_month_year(day):
    """"5 mars 2027", as ``date_format(day, "j F Y")`` writes it."""
    return f"{day.day} {month_names()[day.month]} {day.year}"


def month_year(day):
    """"mars 2027", as ``date_format(day, "F Y")`` writes it."""
    return f"{month_names()[day.month]} {day.year}"
