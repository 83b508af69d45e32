"""The design system as visitors meet it in Chromium, at a phone's 375 px and
a laptop's 1280 px: the header's menu button (the WAI-ARIA disclosure
pattern, keyboard included, the menu shown when script is off), a phone
header at most 120 px tall, nothing scrolling sideways on each page type,
no image shown wider than its file, the directory's first result within
the first screen, axe clean."""

import pytest

from maillage_core.testing.axe import axe_violations, describe
from maillage_core.testing.images import images_shown_larger

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE, LAPTOP = 375, 1280
HEADER_MAX = 120  # px, the phone header with its menu closed
FIRST_SCREEN = 900  # px, where the directory's first result must start on a phone


@pytest.fixture
def menu_site(home_page, make_page):
    for title in ("Le réseau", "Agenda", "Ressources", "Actualités", "Contact"):
        make_page(title, show_in_menus=True)
    return home_page


def header_height(page):
    return page.locator(".site-header").bounding_box()["height"]


def menu_link(page):
    return page.locator(".main-menu").get_by_role("link", name="Ressources")


def focus_menu_button(page):
    for _ in range(6):  # skip link, brand, then the menu button
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('menu-button')"):
            return
    raise AssertionError("the menu button cannot be reached with Tab")


def test_the_phone_menu_folds_behind_a_button_that_works_from_the_keyboard(page, live_server, menu_site):
    page.set_viewport_size({"width": PHONE, "height": 800})
    page.goto(live_server.url + "/")
    button = page.get_by_role("button", name="Menu")
    assert button.get_attribute("aria-expanded") == "false" and menu_link(page).is_hidden()
    assert header_height(page) <= HEADER_MAX
    focus_menu_button(page)
    steps = [("Enter", "true"), ("Enter", "false"), (" ", "true")]
    for key, expanded in steps:
        page.keyboard.press(key)
        assert button.get_attribute("aria-expanded") == expanded, key
        assert menu_link(page).is_visible() == (expanded == "true"), key
    page.keyboard.press("Tab")  # into the open menu (the search box)
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false" and menu_link(page).is_hidden()
    assert page.evaluate("document.activeElement.classList.contains('menu-button')")
    assert axe_violations(page) == []


def test_without_script_the_menu_is_shown_and_on_a_laptop_there_is_no_button(browser, live_server, menu_site):
    for width, script in ((PHONE, False), (LAPTOP, True)):
        context = browser.new_context(viewport={"width": width, "height": 800}, java_script_enabled=script)
        page = context.new_page()
        page.goto(live_server.url + "/")
        assert menu_link(page).is_visible(), width
        assert page.locator(".menu-button").is_hidden(), width
        context.close()


def layout_problems(page, width, name):
    problems = []
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    if overflow > 0:
        wider = page.evaluate(
            """(width) => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > width + 1)
                .slice(0, 3).map(e => e.tagName + '.' + e.className)""",
            width,
        )
        problems.append(f"scrolls sideways by {overflow} px ({', '.join(wider)})")
    if width == PHONE and header_height(page) > HEADER_MAX:
        problems.append(f"header {header_height(page):.0f} px tall")
    if width == PHONE and name == "directory":
        top = page.locator(".actor-card").first.bounding_box()["y"]
        if top > FIRST_SCREEN:
            problems.append(f"first result at {top:.0f} px")
    larger = images_shown_larger(page)
    if larger:
        problems.append(f"images shown wider than their file: {larger}")
    violations = axe_violations(page)
    if violations:
        problems.append(describe(violations))
    return problems


# How elements sit by their partner: (elements, partner, relation); the
# partner is the field in the element's parent, the element's next sibling,
# or its label. A lone checkbox comes after its label in Django's field group
# (as_field_group): the consent box and "publish this email" go before it.
ARRANGEMENTS = {
    "offer form": [(".youth-field > label", "field", "above")],
    "session": [(".registration-form input[type=checkbox]", "label", "beside")],
    "actor form": [(".form-field > input[type=checkbox]", "label", "beside")],
    "testimony form": [(".youth-check input[type=checkbox]", "label", "beside")],
    "scheme finder": [(".youth-regions input[type=checkbox]", "next", "beside")],
    "group": [(".actions > a:first-child", "next", "apart")],
}


def arrangement_problems(page, elements, partner, relation):
    """Labels above their fields, checkboxes beside (and before) their labels, actions apart."""
    return page.evaluate(
        """([elements, partner, relation]) => {
          const found = [...document.querySelectorAll(elements)];
          if (!found.length) return ['none on the page'];
          return found.flatMap(element => {
            const other = partner === 'field' ? element.parentElement.querySelector('input, select, textarea')
                : partner === 'label' ? element.labels[0] : element.nextElementSibling;
            if (!other) return [];
            const a = element.getBoundingClientRect(), b = other.getBoundingClientRect();
            const fine = relation === 'above' ? a.bottom <= b.top + 1
                : relation === 'beside' ? a.right <= b.left && a.top < b.bottom && b.top < a.bottom
                : b.left - a.right >= 8 || b.top >= a.bottom;
            return fine ? [] : [(element.textContent || element.outerHTML).trim().slice(0, 60)];
          });
        }""",
        [elements, partner, relation],
    )


def test_each_page_type_fits_phone_and_laptop_screens_and_passes_axe(page, live_server, portal):
    """One demo, every page type at both widths; every problem is listed at once."""
    page_types, forms = portal
    problems = {}
    for width in (PHONE, LAPTOP):
        page.set_viewport_size({"width": width, "height": 900})
        for name, path in page_types.items():
            response = page.goto(live_server.url + path)
            assert response.status == 200, (name, path)
            found = layout_problems(page, width, name)
            if found:
                problems[f"{name} at {width} px ({path})"] = found
    for name, path in {**forms, "group": page_types["group"], "session": page_types["session"]}.items():
        page.goto(live_server.url + path)
        for elements, partner, relation in ARRANGEMENTS[name]:
            misplaced = arrangement_problems(page, elements, partner, relation)
            if misplaced:
                problems[f"{name}: {elements} not {relation} their {partner}"] = misplaced
    assert problems == {}
