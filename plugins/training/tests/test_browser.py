"""The public pages in real Chromium: axe-core WCAG 2.1 A/AA, the keyboard, 320 px."""

from datetime import timedelta

import pytest
from django.utils import timezone

from maillage_core.testing.axe import assert_accessible
from maillage_training import booking
from maillage_training.models import Registration

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def catalogue(programme, make_training, make_session):
    now = timezone.now()
    water = make_training("Eau et assainissement", sectors=["eau-assainissement"], format="hybrid", price=40,
                          reduced_price=20, price_note="adhérents")
    health = make_training("Santé mondiale", sectors=["sante"])
    open_session = make_session(water, start=now + timedelta(days=2), department="38", city="Grenoble", capacity=3)
    full = make_session(health, start=now + timedelta(days=3), capacity=1)
    booking.register(full.pk, name="Camille", email="camille@example.org")
    booking.register(full.pk, name="Léa", email="lea@example.org")
    make_session(health, start=now + timedelta(days=4), status="cancelled")
    make_session(health, start=now - timedelta(days=20))
    return {"open": open_session, "full": full, "programme": programme}


def session_url(session):
    return session.training.specific.url + f"sessions/{session.pk}/"


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("route", ["", "calendrier/", "liste/", "archives/"])
def test_programme_views_have_no_axe_violations(page, live_server, catalogue, route, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + catalogue["programme"].url + route)
    assert page.locator("h1").inner_text() == "Programme de formation"
    assert page.locator(".session-card, .calendar__sessions li").count() >= 1
    assert_accessible(page)
    # Nothing wider than the screen, at 320 px too.
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_the_print_button_prints_the_programme(page, live_server, catalogue):
    # Its handler is a script file: the site's Content-Security-Policy refuses onclick attributes.
    page.goto(live_server.url + catalogue["programme"].url)
    page.evaluate("() => { window.print = () => { window.printed = true; }; }")
    assert page.evaluate("window.printed") is None
    page.get_by_role("button", name="Imprimer le programme").click()
    assert page.evaluate("window.printed") is True


def test_filtered_calendar_with_a_notice_has_no_axe_violations(page, live_server, catalogue):
    page.goto(live_server.url + catalogue["programme"].url + "calendrier/?month=2026-13&sector=sante")
    assert page.locator(".notice").count() == 1
    assert_accessible(page)


@pytest.mark.parametrize("which", ["open", "full"])
def test_session_and_training_pages_have_no_axe_violations(page, live_server, catalogue, which):
    session = catalogue[which]
    page.goto(live_server.url + session_url(session))
    assert page.locator("h1").inner_text() == session.training.title
    assert_accessible(page)
    page.goto(live_server.url + session.training.specific.url)
    assert_accessible(page)


def tab_to(page, element_id, limit=80):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == element_id:
            return
    raise AssertionError(f"#{element_id} cannot be reached with the Tab key")


def test_registration_form_is_completed_with_the_keyboard_alone(page, live_server, catalogue):
    session = catalogue["open"]
    page.goto(live_server.url + session_url(session))
    tab_to(page, "id_name")
    page.keyboard.type("Camille Martin")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_email"
    page.keyboard.type("camille.martin@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type("Terres Solidaires")
    page.keyboard.press("Tab")
    page.keyboard.type("Bénévole")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_accessibility_needs"
    tab_to(page, "id_consent", limit=5)
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "BUTTON"  # the honeypot is out of the way
    page.keyboard.press("Enter")
    page.wait_for_load_state()

    assert page.locator(".messages").inner_text().startswith("Merci : votre inscription est confirmée")
    registration = Registration.objects.get(email="camille.martin@example.org")
    assert (registration.status, registration.organisation, registration.role) == (
        "confirmed", "Terres Solidaires", "Bénévole")
    assert_accessible(page)


def test_errors_are_announced_and_focused(page, live_server, catalogue):
    session = catalogue["open"]
    page.goto(live_server.url + session_url(session))
    tab_to(page, "id_name")
    page.keyboard.type("Dominique")
    page.keyboard.press("Tab")
    page.keyboard.type("pas-une-adresse")
    tab_to(page, "id_consent", limit=6)  # consent left unticked
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_load_state()

    summary = page.locator("#error-summary")
    assert summary.get_attribute("role") == "alert"
    assert page.evaluate("document.activeElement.id") == "error-summary"
    text = summary.inner_text()
    assert "Courriel" in text and "Votre accord est nécessaire" in text
    assert page.locator("#id_email").get_attribute("aria-invalid") == "true"
    # The summary's links take the keyboard to the field to fix.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_email"
    assert_accessible(page)
    assert not Registration.objects.filter(name="Dominique").exists()


def test_cancel_page_has_no_axe_violations(page, live_server, catalogue):
    from maillage_training.tokens import cancel_token

    registration = booking.register(catalogue["open"].pk, name="Léa", email="lea2@example.org")
    training = catalogue["open"].training.specific
    page.goto(live_server.url + training.url + "annulation/?jeton=" + cancel_token(registration))
    assert_accessible(page)
    page.get_by_role("button", name="Annuler mon inscription").press("Enter")
    page.wait_for_load_state()
    assert "Votre inscription est annulée" in page.locator("body").inner_text()  # a host's base.html may have no <main>
    registration.refresh_from_db()
    assert registration.status == "cancelled"
