"""Core's ``words`` writes dates and country names as Django does."""

import datetime

from django.utils import translation
from django.utils.formats import date_format
from django_countries import countries

from maillage_core import words


def test_dates_and_country_names_are_written_as_django_writes_them_in_each_language():
    for language in ("fr", "en"):
        with translation.override(language):
            for month in range(1, 13):
                day = datetime.date(2027, month, 5 + month)
                assert words.day_month_year(day) == date_format(day, "j F Y"), (language, month)
                assert words.month_year(day) == date_format(day, "F Y"), (language, month)
            assert words.country_names()["SN"] == str(countries.name("SN"))
    with translation.override("fr"):
        assert words.country_names()["DE"] == "Allemagne"
        assert words.day_month_year(datetime.date(2027, 3, 5)) == "5 mars 2027"
    with translation.override("en"):
        assert words.country_names()["DE"] == "Germany"
