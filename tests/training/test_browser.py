"""The training pages inside the site's layout, in real Chromium."""

import pytest

from maillage_core.testing.axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("route", ["", "calendrier/", "liste/"])
def test_programme_views_in_the_site_have_no_axe_violations(page, live_server, programme, training_session, route, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + programme.url + route)
    assert page.locator("h1").inner_text() == "Programme de formation"
    assert_accessible(page)
    # Nothing wider than the screen, at 320 px too.
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_session_page_in_the_site_has_no_axe_violations(page, live_server, training_session):
    page.goto(live_server.url + training_session.training.specific.url + f"sessions/{training_session.pk}/")
    assert page.locator("h1").inner_text() == "Rechercher des financements"
    assert_accessible(page)


def test_home_page_with_the_trainings_section_has_no_axe_violations(page, live_server, home_page, training_session):
    page.goto(live_server.url + "/")
    assert page.locator("#section-trainings").inner_text() == "Prochaines formations"
    assert_accessible(page)
