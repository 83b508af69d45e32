"""The funding pages in real Chromium: axe-core WCAG 2.1 A/AA at phone and
desktop widths, nothing wider than the screen, and the search used with
the keyboard alone, without JavaScript of its own."""

import pytest

from maillage_core.testing.axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def funding(search_page, make_call):
    sahel = make_call("Eau potable et assainissement dans les communes rurales du Sahel", closes_in=6,
                      sectors=["eau-assainissement"], countries=["SN", "ML"], actor_types=["association"],
                      amount_min=10_000, amount_max=150_000, cofunding_rate=50,
                      what_is_funded="<p>Forages, latrines et <b>formation</b> des comités de gestion.</p>",
                      how_to_apply="Dossier en ligne.", official_url="https://example.org/appel/")
    make_call("Fonds régional", funder="region", closes_in=None)
    make_call("Appel clos", closes_in=-3)
    return {"page": search_page, "call": sahel}


def pages_of(funding):
    url = funding["page"].url
    return [
        url,
        url + "?pays=SN&secteur=eau-assainissement&statut=bientot",
        url + "?q=eau&pays=XX&tri=hasard",  # with notices
        url + "archives/",
        funding["call"].get_url(),
        url + "alerte/?pays=SN&secteur=eau-assainissement",
    ]


def fits(page, width):
    """Nothing shown is wider than the screen (a clipped, visually hidden
    honeypot is not shown)."""
    wider = page.evaluate(
        """(width) => [...document.querySelectorAll('main *')]
            .filter(e => !e.closest('.visually-hidden') && e.getBoundingClientRect().right > width + 1)
            .map(e => e.tagName + '.' + e.className)""",
        width,
    )
    assert wider == [], page.url


@pytest.mark.parametrize("width", [320, 1280])
def test_every_page_has_no_axe_violations_and_fits(page, live_server, funding, search_engine, width):
    search_engine.index_all()
    page.set_viewport_size({"width": width, "height": 900})
    for path in pages_of(funding):
        page.goto(live_server.url + path)
        assert_accessible(page)
        fits(page, width)


def test_the_alert_form_with_errors_has_no_axe_violations(page, live_server, funding):
    page.goto(live_server.url + funding["page"].url + "alerte/?pays=SN")
    page.get_by_role("button", name="Recevoir les alertes").click()
    page.wait_for_load_state()
    assert page.get_by_role("alert").count() == 1
    assert_accessible(page)


def test_the_search_works_with_the_keyboard_alone(page, live_server, funding, search_engine):
    search_engine.index_all()
    page.goto(live_server.url + funding["page"].url)
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "funding-q":
            break
    assert page.evaluate("document.activeElement.id") == "funding-q"
    page.keyboard.type("forages")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "q=forages" in page.url
    assert page.get_by_role("link", name="Eau potable et assainissement dans les communes rurales du Sahel").count() == 1
