"""Site search against the real engine: French matching and privacy."""

import pytest
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from maillage_core.search import visible_search

pytestmark = pytest.mark.django_db


def titles(query, user=None):
    return [page.title for page in visible_search(Page.objects.live(), query, user=user)]


def test_query_without_accent_finds_accented_title(search_engine, make_page):
    make_page("Santé")
    search_engine.refresh()
    assert titles("sante") == ["Santé"]


def test_plural_finds_singular_through_french_stemming(search_engine, make_page):
    make_page("Une formation pour les porteurs de projets")
    search_engine.refresh()
    assert titles("formations") == ["Une formation pour les porteurs de projets"]


def test_beginning_of_a_word_finds_the_whole_word(search_engine, make_page):
    make_page("Coopération décentralisée")
    search_engine.refresh()
    assert titles("coop") == ["Coopération décentralisée"]


def test_elided_article_does_not_hide_the_word(search_engine, make_page):
    make_page("L’éducation à la citoyenneté")
    search_engine.refresh()
    assert titles("education") == ["L’éducation à la citoyenneté"]


def test_a_typo_still_finds_the_page(search_engine, make_page):
    make_page("Solidarité internationale")
    search_engine.refresh()
    assert titles("solidarite internationnale") == ["Solidarité internationale"]


def test_every_word_must_match(search_engine, make_page):
    make_page("Santé mondiale")
    make_page("Santé des femmes")
    search_engine.refresh()
    assert titles("santé mondiale") == ["Santé mondiale"]


def test_unpublished_page_is_never_found(search_engine, make_page):
    make_page("Brouillon sur la santé", publish=False)
    search_engine.refresh()
    assert titles("brouillon") == []
    # not even when the live() filter is left out
    assert list(visible_search(Page.objects.all(), "brouillon")) == []


def test_page_below_a_login_restriction_is_found_only_when_signed_in(search_engine, make_page, django_user_model):
    section = make_page("Espace adhérents")
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    make_page("Compte rendu du conseil", parent=section)
    search_engine.refresh()
    assert titles("compte rendu") == []
    member = django_user_model.objects.create_user("adherent", password="x")
    assert titles("compte rendu", user=member) == ["Compte rendu du conseil"]


def test_password_restricted_page_is_never_found(search_engine, make_page, django_user_model):
    secret = make_page("Dossier confidentiel")
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.PASSWORD, password="x")
    search_engine.refresh()
    staff = django_user_model.objects.create_user("officer", password="x", is_staff=True)
    assert titles("confidentiel") == []
    assert titles("confidentiel", user=staff) == []


def test_privacy_is_one_filter_clause_whatever_the_number_of_private_pages(search_engine, make_page):
    results = visible_search(Page.objects.live(), "santé")
    filters = results.query_compiler.get_filters()
    visibility = [f for f in filters if "terms" in f and "maillage_visibility" in f["terms"]]
    assert visibility == [{"terms": {"maillage_visibility": ["public"]}}]


def test_search_page_lists_engine_results(client, search_engine, make_page):
    make_page("Coopération décentralisée")
    search_engine.refresh()
    html = client.get(reverse("search"), {"q": "cooperation"}).content.decode()
    assert "Coopération décentralisée" in html
    assert "moteur de recherche ne répond pas" not in html


def test_search_page_pages_through_one_section(client, search_engine, make_page):
    for number in range(12):
        make_page(f"Fiche santé {number}")
    search_engine.refresh()
    first = client.get(reverse("search"), {"q": "fiche", "type": "pages"}).content.decode()
    second = client.get(reverse("search"), {"q": "fiche", "type": "pages", "page": "2"}).content.decode()
    assert "12 résultats" in first
    assert first.count("Fiche santé") == 10 and second.count("Fiche santé") == 2
