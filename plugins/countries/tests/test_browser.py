"""The countries index and a country page in real Chromium: axe-core WCAG
2.1 A/AA at phone and desktop widths, nothing wider than the screen, and
the table sorted and filtered with the keyboard alone."""

import pytest

from maillage_core.testing.axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PATHS = ["/pays/", "/pays/?tri=projects&ordre=desc&continent=afrique", "/pays/?continent=mars&q=zz",
         "/pays/senegal/", "/pays/mali/"]


@pytest.fixture
def countries(countries_index, make_profile, contribution):
    for code in ("SN", "BJ", "FR"):
        make_profile(code)
    return countries_index


def fits(page, width):
    """Nothing of the page is wider than the screen (the table scrolls in its
    own region; an SVG map clips the shapes outside its view)."""
    wider = page.evaluate(
        """(width) => [...document.querySelectorAll('main *')]
            .filter(e => !e.closest('.table-scroll, svg') && e.getBoundingClientRect().right > width + 1)
            .map(e => e.tagName + '.' + e.className)""",
        width,
    )
    assert wider == [], page.url


@pytest.mark.parametrize("width", [320, 1280])
def test_the_pages_have_no_axe_violations_and_fit(page, live_server, countries, width):
    page.set_viewport_size({"width": width, "height": 900})
    for path in PATHS:
        page.goto(live_server.url + path)
        assert_accessible(page)
        fits(page, width)


def focus_link(page, text, limit=200):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == text:
            return
    raise AssertionError(f"“{text}” cannot be reached with the Tab key")


def table_rows(page):
    return page.locator("tbody th[scope=row] a").all_inner_texts()


def test_the_table_is_sorted_and_filtered_with_the_keyboard_alone(page, live_server, countries):
    page.goto(live_server.url + "/pays/")
    focus_link(page, "Projets")
    page.keyboard.press("Enter")
    page.wait_for_url("**ordre=desc")
    assert table_rows(page) == ["Mali", "Sénégal", "Bénin", "France"]
    assert page.locator("th[aria-sort=descending]").inner_text().startswith("Projets")
    focus_link(page, "Europe")
    page.keyboard.press("Enter")
    page.wait_for_url("**continent=europe")
    assert table_rows(page) == ["France"]
    page.focus("#countries-q")
    page.keyboard.type("bén")
    page.keyboard.press("Enter")
    page.wait_for_url("**q=b*")
    assert table_rows(page) == []  # Bénin is not in Europe: the filter is kept
    focus_link(page, "Tous les continents")
    page.keyboard.press("Enter")
    page.wait_for_url("**/pays/?q=b%C3%A9n")
    assert table_rows(page) == ["Bénin"]
    focus_link(page, "Bénin")
    page.keyboard.press("Enter")
    page.wait_for_url("**/pays/benin/")
    assert page.locator("h1").inner_text() == "Bénin"
