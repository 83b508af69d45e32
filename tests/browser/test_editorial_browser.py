"""Each editorial page type of the demo in real Chromium: axe-core WCAG 2.1
A/AA, the Content-Security-Policy, phone width, keyboard."""

import pytest

from maillage_core.testing.axe import axe_violations, describe
from maillage_core.testing.images import images_shown_larger

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGE_TYPES = [
    "HomePage",
    "ContentPage",
    "NewsIndexPage",
    "NewsPage",
    "NewsletterIndexPage",
    "NewsletterIssuePage",
    "ResourceIndexPage",
    "ResourcePage",
    "ContactPage",
    "AccessibilityStatementPage",
    "SiteMapPage",
]


@pytest.fixture
def demo_urls(home_page):
    from home import demo, models

    demo.load({}, lambda message: None)
    urls = {name: getattr(models, name).objects.live().order_by("path").first().url for name in PAGE_TYPES}
    urls["ContentPage (team)"] = models.ContentPage.objects.get(slug="equipe").url
    urls["ContentPage (services)"] = models.ContentPage.objects.get(slug="nos-services").url
    urls["NewsIndexPage (filtered, corrected)"] = urls["NewsIndexPage"] + "?category=inconnue&year=abc&page=2"
    return urls


# The news cards share their row between them, with no empty column.
EMPTY_ROOM_IN_THE_NEWS_ROW = """() => {
  const list = document.querySelector('.home-news .cards');
  const cards = [...list.children];
  return Math.round(list.getBoundingClientRect().right - cards[cards.length - 1].getBoundingClientRect().right);
}"""


@pytest.mark.parametrize("width", [320, 1280])
def test_every_demo_page_type_has_no_axe_violations(page, live_server, demo_urls, width):
    page.set_viewport_size({"width": width, "height": 900})
    found = {}
    for name, url in demo_urls.items():
        response = page.goto(live_server.url + url)
        if "content-security-policy" not in response.headers:
            found[f"{name} (policy)"] = "served without a Content-Security-Policy header"
        violations = axe_violations(page)  # and what the page's policy refused
        if violations:
            found[name] = describe(violations)
        larger = images_shown_larger(page)
        if larger:
            found[f"{name} (images)"] = f"shown wider than their file: {larger}"
        if name == "HomePage" and width == 1280 and page.evaluate(EMPTY_ROOM_IN_THE_NEWS_ROW) > 1:
            found[f"{name} (news)"] = "the news cards leave part of their row empty"
        if width == 320:  # nothing wider than a phone screen
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if overflow > 0:
                found[f"{name} (horizontal scroll)"] = f"{overflow}px wider than the screen"
    assert not found, "\n".join(f"{name}:\n{text}" for name, text in found.items())


def test_contact_form_with_errors_has_no_axe_violations(page, live_server, demo_urls):
    page.goto(live_server.url + demo_urls["ContactPage"])
    page.get_by_label("Adresse électronique").fill("pas-une-adresse")
    page.get_by_role("button", name="Envoyer").click()
    page.wait_for_selector("#form-errors")
    violations = axe_violations(page)
    assert not violations, describe(violations)


def test_news_filters_work_from_the_keyboard(page, live_server, demo_urls):
    page.goto(live_server.url + demo_urls["NewsIndexPage"])
    page.locator("#filter-category").focus()
    page.keyboard.press("ArrowDown")  # first category
    for _ in range(3):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Afficher"
    page.keyboard.press("Enter")
    page.wait_for_url("**category=*")
    assert "Effacer les filtres" in page.content()


def test_accordion_opens_from_the_keyboard(page, live_server, demo_urls):
    page.goto(live_server.url + demo_urls["ContactPage"])
    summary = page.locator("summary").first
    summary.focus()
    page.keyboard.press("Enter")
    assert page.locator("details").first.get_attribute("open") is not None
