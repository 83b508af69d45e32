"""The public pages in real Chromium: axe-core WCAG 2.1 A/AA, the
Content-Security-Policy and the keyboard."""

import pytest
from django.conf import settings
from django.test import Client

from maillage_core.testing.axe import assert_accessible
from maillage_core.testing.csp import policy_problems

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(home_page, make_page):
    about = make_page("Le réseau", intro="Un réseau régional multi-acteurs.", show_in_menus=True)
    cooperation = make_page("Coopération décentralisée", intro="Les collectivités et leurs partenaires.",
                            show_in_menus=True)
    return {"home": home_page, "about": about, "cooperation": cooperation}


@pytest.mark.parametrize("width", [320, 1280])
def test_home_page_has_no_axe_violations(page, live_server, site, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text() == "Accueil"
    assert_accessible(page)


def test_content_page_has_no_axe_violations(page, live_server, site):
    page.goto(live_server.url + site["about"].url)
    assert page.locator("h1").inner_text() == "Le réseau"
    assert_accessible(page)


def test_search_page_with_results_has_no_axe_violations(page, live_server, site, search_engine):
    from maillage_directory.testing import make_actor

    make_actor("Coopération atlantique", countries=["SN"], sectors=["sante"])  # refine links by country and sector
    search_engine.index_all()
    page.goto(live_server.url + "/recherche/?q=cooperation")
    assert page.locator(".search-results").get_by_role("link", name="Coopération décentralisée").count() == 1
    assert page.get_by_role("navigation", name="Par secteur").get_by_role("link", name="Santé (1)").count() == 1
    assert_accessible(page)


def test_search_page_with_a_correction_notice_has_no_axe_violations(page, live_server, site):
    page.goto(live_server.url + "/recherche/?q=réseau&type=pages&page=abc")
    assert page.locator(".notice").count() >= 1
    assert_accessible(page)


def test_skip_link_is_first_and_moves_focus_to_the_content(page, live_server, site):
    page.goto(live_server.url + site["about"].url)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_site_search_works_from_the_keyboard_alone(page, live_server, site):
    page.goto(live_server.url + "/")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "site-search":
            break
    assert page.evaluate("document.activeElement.id") == "site-search"
    page.keyboard.type("réseau")
    page.keyboard.press("Enter")
    page.wait_for_url("**/recherche/?q=*")
    assert page.locator("h1").inner_text() == "Recherche"


def test_search_suggestions_work_from_the_keyboard_and_pass_axe(page, live_server, site, search_engine):
    search_engine.index_all()
    page.goto(live_server.url + "/")
    box = page.locator("#site-search")
    assert box.get_attribute("role") == "combobox" and box.get_attribute("aria-expanded") == "false"
    box.focus()
    page.keyboard.type("coop dec")
    options = page.locator("#site-search-suggestions [role=option]")
    options.first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert options.first.inner_text().startswith("Coopération décentralisée")
    assert_accessible(page)  # with the list open
    page.keyboard.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == options.first.get_attribute("id")
    assert options.first.get_attribute("aria-selected") == "true"
    page.keyboard.press("Escape")
    assert page.locator("#site-search-suggestions").is_hidden() and box.get_attribute("aria-expanded") == "false"
    assert box.input_value() == "coop dec"  # Escape closes the list, keeps the words
    page.keyboard.type("e")
    options.first.wait_for()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**" + site["cooperation"].url)
    assert page.locator("h1").inner_text() == "Coopération décentralisée"


def test_the_editors_userbar_keeps_to_the_policy(page, live_server, site, django_user_model):
    # Wagtail adds it to public pages for signed-in editors: the admin has no
    # policy, these pages do, and the userbar must work under it.
    client = Client()
    client.force_login(django_user_model.objects.create_superuser("redaction", "redaction@exemple.org", "x"))
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])
    response = page.goto(live_server.url + site["about"].url)
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.locator("#wagtail-userbar-trigger").click()  # opens the menu and its accessibility checker
    page.locator("#wagtail-userbar-items").get_by_role("menuitem").first.wait_for()
    assert policy_problems(page) == []
