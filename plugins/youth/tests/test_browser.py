"""The youth space in real Chromium: axe-core WCAG 2.1 A/AA at phone and
desktop widths, forms with the keyboard alone, the landing page's weight,
and nothing loaded from another site."""

import datetime
import json
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from maillage_core.testing.axe import assert_accessible
from maillage_youth.models import GuidePage, Offer, SchemePage
from maillage_youth.models import Testimony as Story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANDING_BUDGET = 150 * 1024


@pytest.fixture
def youth(catalogue, board, testimony_index, make_offer, make_testimony, workflow):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    make_offer("Deux stages en agroécologie", country="BF", sector="agriculture", city="Koudougou",
               start_date=timezone.localdate() + datetime.timedelta(days=45), duration="6 mois")
    make_offer("Chargée de projet eau potable", kind="job", country="BJ", closing_in=5)
    photo = get_image_model().objects.create(title="Jardin", file=get_test_image_file())
    make_testimony("Six mois à Kpalimé", photo=photo, photo_alt="Le jardin de l’école",
                   scheme=SchemePage.objects.get(slug="service-civique-international"))
    make_testimony("Un été de chantier", country="AM")
    space = catalogue.get_parent().specific
    guide = space.add_child(instance=GuidePage(title="Assurer son départ", slug="assurance", topic="insurance",
                                               intro="Santé, rapatriement, responsabilité civile.", body=GUIDE_BODY))
    guide.save_revision().publish()
    return {"space": space, "catalogue": catalogue, "board": board, "testimonies": testimony_index, "guide": guide}


# A guide made of the site's editorial blocks, as an officer would write it.
GUIDE_BODY = json.dumps([
    {"type": "heading", "value": {"text": "Ce que l’assurance couvre", "level": "h2"}},
    {"type": "paragraph", "value": "<p>Vérifiez les <b>frais médicaux</b> et le <i>rapatriement</i>.</p>"},
    {"type": "key_figures", "value": {"heading": "En bref", "figures": [{"value": "3", "label": "garanties"}]}},
    {"type": "table", "value": {"caption": "Garanties selon le dispositif",
                                "columns": [{"type": "text", "heading": "Dispositif"},
                                            {"type": "text", "heading": "Prise en charge"}],
                                "rows": [{"values": ["VSI", "par l’association d’envoi"]},
                                         {"values": ["Corps européen de solidarité", "assurance Cigna"]}]}},
    {"type": "quote", "value": {"quote": "J’ai été rapatriée en deux jours.", "author": "Awa", "role": "VSI"}},
    {"type": "call_to_action", "value": {"title": "Trouver un dispositif", "text": "",
                                         "link": {"text": "Ouvrir le catalogue", "page": None,
                                                  "url": "https://example.org/dispositifs/"}}},
    {"type": "accordion", "value": {"heading": "Questions fréquentes", "items": [
        {"question": "Ma carte vitale suffit-elle ?", "answer": "<p>Non, pas hors d’Europe.</p>"}]}},
    {"type": "links", "value": {"heading": "Sources officielles", "links": [
        {"text": "Conseils aux voyageurs", "page": None, "url": "https://example.org/conseils/", "note": "officiel"}]}},
])


def pages_of(youth):
    offer = Offer.objects.get(title="Deux stages en agroécologie")
    story = Story.objects.get(title="Six mois à Kpalimé")
    return [
        youth["space"].url,
        youth["catalogue"].url,
        youth["catalogue"].url + "?age=17&budget=0&region=europe&region=africa&duree=year",
        youth["catalogue"].url + "?age=abc&duree=toujours",  # with notices
        SchemePage.objects.get(slug="corps-europeen-de-solidarite").url,
        youth["board"].url,
        youth["board"].url + "?q=stage&type=internship&pays=XX",
        offer.get_url(),
        youth["board"].url + "deposer/",
        youth["testimonies"].url,
        youth["testimonies"].url + f"{story.pk}/",
        youth["testimonies"].url + "temoigner/",
        youth["guide"].url,
    ]


def fits(page, width):
    """Nothing of the page is wider than the screen."""
    wider = page.evaluate(
        """(width) => [...document.querySelectorAll('main *')]
            .filter(e => e.getBoundingClientRect().right > width + 1)
            .map(e => e.tagName + '.' + e.className)""",
        width,
    )
    assert wider == [], page.url


@pytest.mark.parametrize("width", [320, 1280])
def test_every_page_has_no_axe_violations_and_fits(page, live_server, youth, search_engine, width):
    search_engine.index_all()
    page.set_viewport_size({"width": width, "height": 900})
    for path in pages_of(youth):
        page.goto(live_server.url + path)
        page.locator("details").evaluate_all("nodes => nodes.forEach(n => n.open = true)")
        assert_accessible(page)
        fits(page, width)


def test_forms_with_errors_have_no_axe_violations(page, live_server, youth):
    for path, button in ((youth["board"].url + "deposer/", "Envoyer l’offre"),
                         (youth["testimonies"].url + "temoigner/", "Envoyer mon récit")):
        page.goto(live_server.url + path)
        page.get_by_role("button", name=button).click()
        page.wait_for_load_state()
        summary = page.locator("#error-summary")
        assert summary.get_attribute("role") == "alert"
        assert page.evaluate("document.activeElement.id") == "error-summary"
        assert_accessible(page)


def tab_to(page, element_id, limit=120):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == element_id:
            return
    raise AssertionError(f"#{element_id} cannot be reached with the Tab key")


def type_date(page, day):
    """A native date field, typed digit by digit as a keyboard user does. The
    order of day and month follows the browser's own language (not the
    page's): a probe finds it."""
    probe = page.context.new_page()
    probe.set_content('<input type="date" id="probe">')
    probe.focus("#probe")
    probe.keyboard.type("01022003")
    day_first = probe.evaluate("document.getElementById('probe').value") == "2003-02-01"
    probe.close()
    page.keyboard.type(day.strftime("%d%m%Y" if day_first else "%m%d%Y"))


def test_the_finder_works_with_the_keyboard_alone(page, live_server, youth):
    page.goto(live_server.url + youth["catalogue"].url)
    tab_to(page, "finder-age")
    page.keyboard.type("17")
    tab_to(page, "finder-budget", limit=3)
    page.keyboard.press("ArrowDown")  # "Nothing: the costs must be covered"
    tab_to(page, "finder-region-africa", limit=10)
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    page.wait_for_url("**age=17**")
    assert "budget=0" in page.url and "region=africa" in page.url
    fitting = page.locator(".youth-verdict--fits").all_inner_texts()
    assert len(fitting) == 1 and "16 à 25 ans" in fitting[0]


def test_an_offer_is_posted_with_the_keyboard_alone(page, live_server, youth):
    page.goto(live_server.url + youth["board"].url + "deposer/")
    tab_to(page, "id_title")
    page.keyboard.type("Stage en communication solidaire")
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # Emploi
    page.keyboard.press("Tab")
    page.keyboard.type("Semences d'Avenir")
    tab_to(page, "id_country", limit=3)
    page.keyboard.type("Togo")
    tab_to(page, "id_closing_date", limit=12)
    type_date(page, timezone.localdate() + datetime.timedelta(days=20))
    tab_to(page, "id_description", limit=6)
    page.keyboard.type("Appui à la communication d'une association de Lomé.")
    page.keyboard.press("Tab")
    page.keyboard.type("Envoyez un CV.")
    tab_to(page, "id_submitter_name", limit=6)
    page.keyboard.type("Camille")
    page.keyboard.press("Tab")
    page.keyboard.type("camille@example.org")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "BUTTON"  # the honeypot is out of the way
    page.keyboard.press("Enter")
    page.wait_for_url("**/merci/")
    offer = Offer.objects.get(title="Stage en communication solidaire")
    assert (offer.kind, offer.country.code, offer.live) == ("job", "TG", False)
    assert offer.closing_date == timezone.localdate() + datetime.timedelta(days=20)


def test_a_story_is_told_with_the_keyboard_alone(page, live_server, youth):
    page.goto(live_server.url + youth["testimonies"].url + "temoigner/")
    tab_to(page, "id_author_name")
    page.keyboard.type("Noé")
    page.keyboard.press("Tab")
    page.keyboard.type("noe@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type("Trois semaines au Maroc")
    tab_to(page, "id_country", limit=4)
    page.keyboard.type("Maroc")
    page.keyboard.press("Tab")
    page.keyboard.type("2025")
    page.keyboard.press("Tab")
    page.keyboard.type("Un chantier pour rénover une école près d'Ouarzazate, avec des bénévoles de six pays. " * 2)
    tab_to(page, "id_consent", limit=6)
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "BUTTON"
    page.keyboard.press("Enter")
    page.wait_for_url("**/merci/")
    story = Story.objects.get(title="Trois semaines au Maroc")
    assert (story.author_name, story.country.code, story.year, story.live) == ("Noé", "MA", 2025, False)


def test_the_landing_page_is_light_and_self_contained(browser, live_server, youth):
    context = browser.new_context(viewport={"width": 320, "height": 800})  # cold: no cache
    page = context.new_page()
    responses = []
    page.on("requestfinished", lambda request: responses.append(request))
    page.goto(live_server.url + youth["space"].url)
    page.wait_for_load_state("networkidle")
    origin = urlsplit(live_server.url).netloc
    assert {urlsplit(request.url).netloc for request in responses} == {origin}, "a third-party asset was loaded"
    weight = 0
    for request in responses:
        if request.resource_type == "image":
            continue
        sizes = request.sizes()
        weight += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    print(f"\nlanding page, cold, before images: {weight} bytes in "
          f"{sum(r.resource_type != 'image' for r in responses)} requests")
    assert 0 < weight <= LANDING_BUDGET
    context.close()
