"""The edition and survey pages in real Chromium: axe-core WCAG 2.1 A/AA at
phone and desktop widths, nothing wider than the screen, and the survey
completed with the keyboard alone."""

import pytest

from maillage_barometer.models import EditionPage, Response
from maillage_barometer.survey import make_link_token
from maillage_core.testing.axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ANSWERS = {"projets": "3", "budget": "10k-50k", "evolution": "Stable", "difficultes": ["Visas"], "pays": ["SN"],
           "secteurs": ["eau-assainissement"], "odd": ["6"]}


@pytest.fixture
def editions(make_edition, actors, answer):
    """2025 published from six answers, 2026 open with a draft of actor 1."""
    last_year = make_edition(2025)
    for n in range(6):
        answer(last_year, f"test:{n}", {**ANSWERS, "evolution": "En hausse" if n % 2 else "Stable"})
    from maillage_barometer import figures

    EditionPage.objects.filter(pk=last_year.pk).update(figures=figures.compute(last_year))
    edition = make_edition(2026)
    answer(edition, "test:1", {"budget": "0-10k"}, action="save")
    return EditionPage.objects.get(pk=last_year.pk), edition


def fits(page, width):
    wider = page.evaluate(
        """(width) => [...document.querySelectorAll('main *')]
            .filter(e => !e.closest('.table-scroll, svg') && e.getBoundingClientRect().right > width + 1)
            .map(e => e.tagName + '.' + e.className)""",
        width,
    )
    assert wider == [], page.url


@pytest.mark.parametrize("width", [320, 1280])
def test_the_pages_have_no_axe_violations_and_fit(page, live_server, editions, width):
    published, edition = editions
    page.set_viewport_size({"width": width, "height": 900})
    for path in (published.url, edition.url, f"{edition.url}enquete/{make_link_token(edition, 'test:1')}/",
                 f"{edition.url}enquete/forged/"):
        page.goto(live_server.url + path)
        assert_accessible(page)
        fits(page, width)


def focus(page, test, limit=300):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(test):
            return
    raise AssertionError(f"{test} cannot be reached with the Tab key")


def test_the_survey_is_completed_with_the_keyboard_alone(page, live_server, editions):
    _published, edition = editions
    page.goto(f"{live_server.url}{edition.url}enquete/{make_link_token(edition, 'test:4')}/")
    # Last year's answers are filled in; the actor changes the number of projects.
    focus(page, "document.activeElement.id === 'id_projets'")
    assert page.input_value("#id_projets") == "3"
    page.keyboard.press("Control+A")
    page.keyboard.type("7")
    # The single choice: the arrow keys move the choice within the group.
    focus(page, "document.activeElement.name === 'evolution'")
    page.keyboard.press("ArrowDown")
    focus(page, "document.activeElement.textContent.trim() === 'Envoyer mes réponses'")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Vos réponses ont été envoyées")
    response = Response.objects.get(edition=edition, actor_key="test:4")
    assert response.submitted and response.answers["projets"] == 7
    assert response.answers["evolution"] == "En baisse"  # from last year's "Stable", one down


def test_the_charts_text_is_readable_on_a_phone(page, live_server, editions):
    """At 320 px, every word of every chart is at least 12 px high on the
    screen and inside its chart (none cut at the edge)."""
    published, _edition = editions
    page.set_viewport_size({"width": 320, "height": 900})
    page.goto(live_server.url + published.url)
    texts = page.evaluate("""() => [...document.querySelectorAll('svg.barometer-chart text')].map(t => {
        const svg = t.ownerSVGElement, box = t.getBBox(), view = svg.viewBox.baseVal;
        return {text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * svg.getScreenCTM().a,
                box: [box.x, box.y, box.width, box.height, view.width, view.height], inside: box.x >= 0 && box.x + box.width <= view.width && box.y >= 0 && box.y + box.height <= view.height};
    })""")
    assert len(texts) > 20
    assert [t for t in texts if t["px"] < 12 or not t["inside"]] == [], texts
