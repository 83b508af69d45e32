"""The officer writes a country profile in the admin, and the index's
parameters survive hostile values."""

import pytest
from django import forms
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from maillage_core.continents import CONTINENTS
from maillage_core.testing import fuzz
from maillage_countries.profiles import CountryProfile

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("officer", "o@example.org", "x"))
    return client


def profile_form(**fields):
    return {"country": "SN", "intro": rich_text("<p>Premier pays d’intervention.</p>"), "capital": "Dakar", "languages": "Français, wolof", "population": "18000000",
            "population_year": "2023", "embassy_url": "https://sn.ambafrance.org/", "travel_advice_url": "", **fields}


def test_the_officer_writes_a_profile_and_the_country_gets_its_page(officer, countries_index):
    add = reverse("wagtailsnippets_maillage_countries_countryprofile:add")
    assert officer.get(add).status_code == 200
    response = officer.post(add, profile_form())
    assert response.status_code == 302
    html = officer.get("/pays/senegal/").content.decode()
    assert "Premier pays d’intervention." in html and "Dakar" in html and "000 (2023)" in html


@pytest.mark.parametrize("fields, message", [
    ({"country": "ZZ"}, "Sélectionnez un choix valide. ZZ n’en fait pas partie."),
    ({"population": "-3"}, "supérieure ou égale à 0"),
    ({"embassy_url": "javascript:alert(1)"}, "Saisissez une URL valide"),
    ({"capital": "x" * 101}, "au plus 100 caractères"),
])
def test_a_wrong_profile_gets_a_message_and_saves_nothing(officer, countries_index, fields, message):
    response = officer.post(reverse("wagtailsnippets_maillage_countries_countryprofile:add"), profile_form(**fields))
    assert response.status_code == 200 and message in response.content.decode()
    assert not CountryProfile.objects.exists()


def test_a_second_profile_for_a_country_is_refused(officer, countries_index, make_profile):
    make_profile("SN")
    response = officer.post(reverse("wagtailsnippets_maillage_countries_countryprofile:add"), profile_form())
    assert response.status_code == 200 and "existe déjà" in response.content.decode()
    assert CountryProfile.objects.count() == 1


def test_every_parameter_of_the_index_survives_hostile_values(client, countries_index, make_profile):
    make_profile("SN")
    choices = {
        "continent": list(CONTINENTS),
        "tri": ["pays"],
        "ordre": ["asc", "desc"],
    }
    extra = {name: fuzz.choice_values(forms.ChoiceField(choices=[(v, v) for v in values]))
             for name, values in choices.items()}
    form = fuzz.search_form(client, "countries index", countries_index.url, extra=extra,
                            stored=lambda: CountryProfile.objects.count())
    fuzz.run(client, form).assert_clean()
