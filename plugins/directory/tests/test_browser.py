"""The directory in real Chromium: axe-core WCAG 2.1 A/AA, keyboard, phone width."""

import pytest
from playwright.sync_api import expect

from maillage_core.testing.axe import assert_accessible

pytestmark = [pytest.mark.django_db(transaction=True)]


@pytest.fixture
def directory(directory_page, make_actor, search_engine):
    make_actor("Bioforce", acronym="BF", type="association", countries=["SN", "BF", "CV"], sectors=["sante"],
               sdgs=[3], department="69", city="Vénissieux", email="contact@bioforce.example",
               description="<p>Former les humanitaires.</p>", website="https://bioforce.example")
    make_actor("Santé Sud", type="association", countries=["ML"], sectors=["sante"], department="38")
    make_actor("Ville de Voiron", type="collectivite", countries=["BF"], sectors=["eau-assainissement"],
               department="38")
    search_engine.refresh()
    return directory_page


def assert_fits(page, width):
    """Nothing of the directory is wider than the screen (read at 320 px)."""
    wider = page.evaluate(
        """(width) => [...document.querySelectorAll('main *')]
            .filter(e => e.getBoundingClientRect().right > width + 1)
            .map(e => e.tagName + '.' + e.className)""",
        width,
    )
    assert wider == []


@pytest.mark.parametrize("width", [320, 1280])
def test_directory_page_has_no_axe_violations(page, live_server, directory, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + directory.url + "?pays=BF")
    assert page.locator("h1").inner_text() == "Annuaire"
    page.locator("details.facet").evaluate_all("nodes => nodes.forEach(n => n.open = true)")
    page.locator("details.map-table").evaluate("node => node.open = true")
    assert_accessible(page)
    assert_fits(page, width)


def test_directory_page_with_notices_has_no_axe_violations(page, live_server, directory):
    page.goto(live_server.url + directory.url + "?pays=ZZ&page=abc&q=" + "x" * 300)
    assert page.locator(".notice").count() >= 2
    assert_accessible(page)


@pytest.mark.parametrize("width", [320, 1280])
def test_actor_page_has_no_axe_violations(page, live_server, directory, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + directory.url + "bioforce/")
    assert page.locator("h1").inner_text().startswith("Bioforce")
    assert_accessible(page)
    assert_fits(page, width)


def test_proposal_form_with_errors_has_no_axe_violations(page, live_server, directory):
    page.goto(live_server.url + directory.url + "proposer/")
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Envoyer la proposition").click()
    expect(page.locator("#form-errors")).to_have_count(1)
    assert_accessible(page)


def focus_until(page, predicate, limit=80):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(predicate):
            return True
    return False


def test_facets_work_from_the_keyboard_alone(page, live_server, directory):
    page.goto(live_server.url + directory.url)
    # the country facet is folded: open it with the keyboard, tick Mali, submit
    assert focus_until(page, "document.activeElement.textContent.startsWith('Pays d’intervention')")
    page.keyboard.press("Enter")
    assert focus_until(page, "document.activeElement.value === 'ML'")
    page.keyboard.press("Space")
    assert focus_until(page, "document.activeElement.textContent === 'Appliquer les filtres'")
    page.keyboard.press("Enter")
    page.wait_for_url("**pays=ML**")
    assert page.locator(".actor-list h3").all_inner_texts() == ["Santé Sud"]


def test_map_countries_are_links_reachable_by_keyboard(page, live_server, directory):
    page.goto(live_server.url + directory.url)
    assert focus_until(page, "(document.activeElement.getAttribute('aria-label') || '').startsWith('Mali')", 120)
    page.keyboard.press("Enter")
    page.wait_for_url("**pays=ML**")
    assert page.locator(".actor-list h3").all_inner_texts() == ["Santé Sud"]
