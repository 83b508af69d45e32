"""The public pages in real Chromium: axe-core WCAG 2.1 A/AA at 320 and
1280 px, nothing wider than the screen, and the sign-in, join and
attendance forms with the keyboard alone."""

import pytest
from django.urls import reverse

from maillage_core.testing.axe import assert_accessible
from maillage_groups.models import AttendanceReply, GroupKind, Membership, MembershipPolicy
from maillage_groups.testing import attach, join, make_document, make_group, make_meeting, make_minutes, make_person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "un-mot-de-passe-solide"


@pytest.fixture
def space(groups_index):
    group = make_group(groups_index, "Groupe pays Burkina Faso", kind=GroupKind.COUNTRY, countries=["BF"],
                       sectors=["education", "eau-assainissement"], membership_policy=MembershipPolicy.ON_REQUEST,
                       description="<p>Les acteurs engagés au Burkina Faso.</p>",
                       coordination="Terres Solidaires et la Ville de Lyon")
    make_group(groups_index, "Éducation à la citoyenneté", sectors=["education"])
    upcoming = make_meeting(group, "Réunion de printemps", days=12, venue_name="Maison des solidarités",
                            address="12 rue de la Part-Dieu\n69003 Lyon", agenda="<ul><li>Tour de table</li></ul>")
    attach(upcoming, make_document(group, "Ordre du jour", members_only=False))
    held = make_meeting(group, "Réunion d'hiver", days=-40, online_url="https://visio.exemple.org/bf")
    minutes = make_minutes(held, "Compte rendu de la réunion d'hiver",
                           body="<p>Décisions prises.</p><h3>Suites</h3><ul><li>Une rencontre</li></ul>")
    private = make_meeting(group, "Réunion des membres", days=20, members_only=True)
    member = make_person("awa@exemple.org", first_name="Awa", last_name="Traoré", password=PASSWORD)
    join(member, group)
    return {"group": group, "upcoming": upcoming, "minutes": minutes, "private": private, "member": member,
            "index": groups_index}


def fits(page, width):
    return page.evaluate("document.documentElement.scrollWidth") <= width


def test_public_pages_have_no_axe_violations_and_fit_a_phone(page, live_server, space):
    urls = [
        space["index"].url,
        space["index"].url + "?type=<b>&pays=XX",  # with notices
        space["group"].url,
        space["upcoming"].url,
        space["minutes"].url,
        space["group"].url + "comptes-rendus/",
    ]
    for width in (320, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        for url in urls:
            page.goto(live_server.url + url)
            assert page.locator("h1").count() == 1, url
            assert_accessible(page)
            assert fits(page, width), f"{url} is wider than {width} px"


def tab_to(page, selector, limit=60):
    target = page.locator(selector).element_handle()
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(element) => document.activeElement === element", target):
            return
    raise AssertionError(f"{selector} cannot be reached with the Tab key")


def submit(page):
    """Press Enter on the focused control and wait for the next page."""
    with page.expect_navigation():
        page.keyboard.press("Enter")


def sign_in(page, live_server, email, next_url):
    page.goto(f"{live_server.url}/compte/connexion/?next={next_url}")
    tab_to(page, "#id_email")
    page.keyboard.type(email)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    submit(page)


def test_the_account_pages_have_no_axe_violations_and_errors_take_the_focus(page, live_server, space):
    page.goto(live_server.url + reverse("maillage_groups:signup"))
    assert_accessible(page)
    page.goto(live_server.url + reverse("maillage_groups:login"))
    assert_accessible(page)
    page.locator("#id_email").fill(space["member"].email)
    page.locator("#id_password").fill("pas-le-bon-mot-de-passe")
    submit(page)
    # Keyboard and screen reader users land on what to fix.
    assert page.evaluate("document.activeElement.className") == "error-summary"
    assert_accessible(page)


def test_someone_signs_in_and_asks_to_join_with_the_keyboard_alone(page, live_server, space):
    person = make_person("lea@exemple.org", first_name="Léa", password=PASSWORD)
    group = space["group"]
    sign_in(page, live_server, person.email, group.url)
    assert page.url == live_server.url + group.url
    tab_to(page, "#id_message")
    page.keyboard.type("Notre association démarre un projet à Koudougou.")
    page.keyboard.press("Tab")
    # The honeypot is out of the keyboard's way: next comes the button.
    assert page.evaluate("document.activeElement.tagName") == "BUTTON"
    submit(page)
    membership = Membership.objects.get(user=person)
    assert membership.status == Membership.Status.PENDING and "Koudougou" in membership.message
    assert page.locator(".messages").count() == 1
    assert_accessible(page)


def test_a_member_replies_to_a_members_only_meeting_with_the_keyboard_alone(page, live_server, space):
    meeting = space["private"]
    sign_in(page, live_server, space["member"].email, meeting.url)
    assert page.locator("h1").inner_text() == "Réunion des membres"
    assert_accessible(page)
    tab_to(page, "#id_attending_0")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "BUTTON"
    submit(page)
    assert AttendanceReply.objects.get(meeting=meeting, user=space["member"]).attending is True
    # Change of mind: the arrow key moves within the radio group.
    tab_to(page, "#id_attending_0")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    submit(page)
    assert AttendanceReply.objects.get(meeting=meeting, user=space["member"]).attending is False
    page.set_viewport_size({"width": 320, "height": 900})
    assert_accessible(page)
    assert fits(page, 320)
    page.goto(live_server.url + "/compte/")
    assert_accessible(page)
    assert fits(page, 320)
