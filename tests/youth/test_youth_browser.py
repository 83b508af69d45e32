"""The youth space inside the site's layout, in real Chromium: no axe-core
WCAG 2.1 A/AA violation at phone and desktop widths, nothing wider than a
320 px screen, and a landing page within its weight budget with the site's
own header, styles and scripts around it."""

from urllib.parse import urlsplit

import pytest

from maillage_core.testing.axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("path", ["/espace-jeunes/", "/espace-jeunes/dispositifs/?age=19&budget=0",
                                  "/espace-jeunes/offres/", "/espace-jeunes/temoignages/temoigner/"])
def test_youth_pages_in_the_site_have_no_axe_violations(page, live_server, youth_space, training_session,
                                                        path, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + path)
    assert page.locator("h1").count() == 1
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_home_page_with_the_youth_section_has_no_axe_violations(page, live_server, youth_space):
    page.goto(live_server.url + "/")
    assert page.locator("#section-youth-offers").inner_text() == "Dernières offres pour les jeunes"
    assert_accessible(page)


def test_the_landing_page_in_the_site_is_light_and_self_contained(browser, live_server, youth_space,
                                                                   training_session):
    context = browser.new_context(viewport={"width": 320, "height": 800})  # cold: no cache
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(live_server.url + "/espace-jeunes/")
    page.wait_for_load_state("networkidle")
    assert {urlsplit(request.url).netloc for request in finished} == {urlsplit(live_server.url).netloc}
    before_images = [request for request in finished if request.resource_type != "image"]
    weight = sum(request.sizes()["responseBodySize"] + request.sizes()["responseHeadersSize"]
                 for request in before_images)
    print(f"\nlanding page in the site, cold, before images: {weight} bytes in {len(before_images)} requests")
    assert 0 < weight <= 150 * 1024
    context.close()


HEADER_STYLES = """[...document.querySelectorAll('header button, header input[type=submit]')].map(b => {
  const s = getComputedStyle(b);
  return [b.textContent.trim() || b.value, s.backgroundColor, s.color, s.padding, s.borderTopWidth, s.fontSize];
})"""


def test_the_youth_styles_stay_in_the_youth_pages_and_leave_the_header_alone(page, live_server, youth_space):
    page.goto(live_server.url + "/")
    on_home = page.evaluate(HEADER_STYLES)
    assert len(on_home) >= 2  # "Rechercher" and "Changer"
    for path in ("/espace-jeunes/", "/espace-jeunes/offres/", "/espace-jeunes/dispositifs/"):
        page.goto(live_server.url + path)
        assert page.evaluate(HEADER_STYLES) == on_home, path
    submit = page.locator("form.youth-finder button[type=submit]")
    assert submit.evaluate("b => getComputedStyle(b).color") == "rgb(255, 255, 255)"  # the finder's own button keeps its look
