"""The youth space inside the site's layout, in real Chromium: no axe-core
WCAG 2.1 A/AA violation at phone and desktop widths, nothing wider than a
320 px screen."""

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
