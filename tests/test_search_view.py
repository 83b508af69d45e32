"""Bad input to the site search page: always a page with a message."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def search(client, home_page):
    def get(**params):
        response = client.get(reverse("search"), params)
        assert response.status_code == 200
        return response.content.decode()

    return get


def test_empty_search_shows_the_form_and_a_hint(search):
    html = search()
    assert 'name="q"' in html
    assert "accents" in html


def test_a_100000_character_query_is_shortened_with_a_message(search):
    html = search(q="santé " * 20000)
    assert "200" in html and "raccourcie" in html


@pytest.mark.parametrize("page", ["abc", "-1", "0", "99999", "1e9", "", "٣"])
def test_junk_page_numbers_give_a_page_not_an_error(search, page):
    search(q="réseau", type="pages", page=page)


def test_page_number_past_the_end_says_so(search):
    html = search(q="réseau", type="pages", page="99999")
    assert "Il n’y a pas de page 99999" in html


def test_control_characters_are_ignored(search):
    html = search(q="sant\x00é\x1b\x7f")
    assert "\x00" not in html and "\x1b" not in html


def test_unknown_section_falls_back_to_every_section(search):
    html = search(q="réseau", type="<script>alert(1)</script>")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_repeated_parameters_do_not_break_the_page(client, home_page):
    response = client.get(reverse("search") + "?q=a&q=b&page=1&page=2&type=pages&type=x")
    assert response.status_code == 200
