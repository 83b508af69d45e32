"""Scheme pages and the finder on the catalogue page."""

import datetime
from html import escape

import pytest
from django.utils import timezone

from maillage_youth.models import SchemePage

pytestmark = pytest.mark.django_db


def test_catalogue_lists_every_scheme_without_answers(client, catalogue):
    response = client.get(catalogue.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('class="youth-card"') == 7
    assert "Corps européen de solidarité" in html and "youth-verdict" not in html


def test_finder_answers_live_in_the_url_and_sort_the_schemes(client, catalogue):
    response = client.get(catalogue.url, {"age": "17", "budget": "0"})
    html = response.content.decode()
    fitting, others = html.split('id="others-title"')
    assert "Service civique à l&#x27;international" in fitting and "Pourquoi il vous correspond" in fitting
    assert "Corps européen de solidarité" not in fitting
    assert "Corps européen de solidarité" in others and "accessible dès 18 ans" in others
    # the answers are kept in the form, so the result can be refined and shared
    assert 'name="age" min="10" max="99" inputmode="numeric" value="17"' in html
    assert '<option value="0" selected>' in html
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize(
    "params, message",
    [
        ({"age": "dix-sept"}, "n’est pas un âge"),
        ({"age": "150"}, "n’est pas un âge"),
        ({"age": "-3"}, "n’est pas un âge"),
        ({"age": "9" * 40}, "n’est pas un âge"),
        ({"duree": "toujours"}, "durées proposées"),
        ({"budget": "%00"}, "budgets proposés"),
        ({"diplome": "doctorat"}, "niveaux de diplôme"),
        ({"region": ["mars", "europe"]}, "Région inconnue ignorée : mars"),
        ({"secteur": "<script>"}, "Domaine inconnu ignoré"),
    ],
)
def test_junk_finder_parameters_get_a_message_never_an_error(client, catalogue, params, message):
    response = client.get(catalogue.url, params)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "<script>" not in html.split('id="finder"')[0]


def test_filtered_finder_views_are_not_indexed(client, catalogue):
    assert 'content="noindex, follow"' in client.get(catalogue.url, {"age": "20"}).content.decode()
    assert 'content="index, follow"' in client.get(catalogue.url).content.decode()


def test_a_scheme_page_shows_its_conditions_and_official_link(client, catalogue):
    scheme = SchemePage.objects.get(slug="corps-europeen-de-solidarite")
    scheme.last_checked = timezone.localdate() - datetime.timedelta(days=30)
    scheme.save_revision().publish()
    html = client.get(scheme.url).content.decode()
    assert "de 18 à 30 ans" in html and "de 2 semaines à 12 mois" in html
    assert 'href="https://youth.europa.eu/solidarity_fr"' in html
    assert "Conditions à vérifier" not in html


def test_a_scheme_not_checked_for_a_year_is_flagged(client, catalogue, settings):
    scheme = SchemePage.objects.get(slug="chantiers-internationaux")
    scheme.last_checked = timezone.localdate() - datetime.timedelta(days=366)
    scheme.save_revision().publish()
    html = client.get(scheme.url).content.decode()
    assert "Conditions à vérifier" in html
    settings.MAILLAGE_YOUTH_SCHEME_CHECK_DAYS = 400
    assert "Conditions à vérifier" not in client.get(scheme.url).content.decode()


def test_the_demo_schemes_are_flagged_until_the_officer_checks_them(catalogue):
    # written from public information of early 2025: honest about their age
    assert all(scheme.is_stale for scheme in SchemePage.objects.all())


def test_scheme_rules_are_validated_in_the_admin(catalogue):
    from django.core.exceptions import ValidationError

    scheme = SchemePage.objects.get(slug="chantiers-internationaux")
    scheme.age_max, scheme.duration_max_weeks = 15, 1
    scheme.last_checked = timezone.localdate() + datetime.timedelta(days=3)
    with pytest.raises(ValidationError) as error:
        scheme.full_clean()
    assert {"age_max", "duration_max_weeks", "last_checked"} <= set(error.value.message_dict)


def test_finder_queries_stay_constant_as_schemes_grow(client, catalogue, queries_of, django_assert_num_queries):
    client.get(catalogue.url, {"age": "20"})  # warm caches (site, vocabulary)
    small = queries_of(7, lambda: client.get(catalogue.url, {"age": "20", "region": "europe"}))
    for number in range(5):
        page = SchemePage.objects.get(slug="chantiers-internationaux")
        copy = page.copy(update_attrs={"slug": f"chantier-{number}", "title": f"Chantier {number}"})
        copy.save_revision().publish()
    client.get(catalogue.url, {"age": "20"})  # a host site rebuilds its cached menu after publishing
    with django_assert_num_queries(small):
        response = client.get(catalogue.url, {"age": "20", "region": "europe"})
    assert response.content.decode().count('class="youth-card"') == 12


def test_the_next_visitor_of_the_finder_sees_a_schemes_new_conditions(client, catalogue):
    assert "Pourquoi il vous correspond" in client.get(catalogue.url, {"age": "29"}).content.decode().split(
        "Corps européen de solidarité")[1].split("</li>")[0]
    scheme = SchemePage.objects.get(title="Corps européen de solidarité")
    scheme.age_max = 26
    scheme.title = "Corps européen de solidarité (ESC)"
    scheme.save_revision().publish()
    html = client.get(catalogue.url, {"age": "29"}).content.decode()
    card = html.split("Corps européen de solidarité (ESC)")[1].split("</li>")[0]
    assert "de 18 à 26 ans" in card and "jusqu’à 26 ans" in card


def test_a_scheme_card_is_written_whole_with_its_verdict(client, catalogue):
    scheme = SchemePage.objects.get(title="Corps européen de solidarité")
    html = client.get(catalogue.url, {"age": "20", "budget": "0"}).content.decode()
    assert (
        '<li class="youth-card">\n'
        f'  <h3><a href="{scheme.url}">Corps européen de solidarité</a></h3>\n'
        f"  <p>{escape(scheme.pitch)}</p>\n"
        '  <p class="youth-meta">de 18 à 30 ans · de 2 semaines à 12 mois · sans frais</p>\n'
        '  <p class="youth-verdict youth-verdict--fits">Pourquoi il vous correspond : ouvert à 20 ans (de 18 à 30 ans)'
        " ; ne vous coûte rien.</p>\n"
        "</li>\n"
    ) in html
