"""Who gets what: every kind of URL of the plugin, for eight visitors.

Read a row from left to right: the answer each visitor gets. The members-
only items belong to the Burkina Faso group; "other" people belong to the
Senegal group. Answers:

- ``200`` served; ``login`` sent to the sign-in page; ``403`` refused
  (signed in, not a member); ``404`` no such page;
- ``shown`` / ``hidden``: whether the members-only item appears in a
  listing, feed, sitemap or search that itself answered 200 (rows with
  "public" check that the listing is not empty for a trivial reason);
- ``edit`` / ``denied``: the admin.

Search rows run against the real engine.
"""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client, RequestFactory
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page

from maillage_core.search import visible_search
from maillage_groups.models import Membership, MembershipPolicy
from maillage_groups.sources import GroupSearchSource
from maillage_groups.testing import attach, join, make_document, make_group, make_meeting, make_minutes, make_person

VISITORS = ("anonymous", "outsider", "applicant", "member", "other_member", "other_coordinator", "coordinator",
            "officer")

# fmt: off
MATRIX = [
    # what                                              anonymous outsider applicant member  other_m  other_c  coord    officer
    ("groups index",                                    "200",    "200",   "200",    "200",   "200",   "200",   "200",   "200"),
    ("group page",                                      "200",    "200",   "200",    "200",   "200",   "200",   "200",   "200"),
    ("group page lists the members-only meeting",       "hidden", "hidden", "hidden", "shown", "hidden", "hidden", "shown", "shown"),
    ("public meeting",                                  "200",    "200",   "200",    "200",   "200",   "200",   "200",   "200"),
    ("members-only meeting",                            "login",  "403",   "403",    "200",   "403",   "403",   "200",   "200"),
    ("public meeting .ics",                             "200",    "200",   "200",    "200",   "200",   "200",   "200",   "200"),
    ("members-only meeting .ics",                       "login",  "403",   "403",    "200",   "403",   "403",   "200",   "200"),
    ("public minutes",                                  "200",    "200",   "200",    "200",   "200",   "200",   "200",   "200"),
    ("members-only minutes",                            "login",  "403",   "403",    "200",   "403",   "403",   "200",   "200"),
    ("minutes of a members-only meeting",               "login",  "403",   "403",    "200",   "403",   "403",   "200",   "200"),
    ("public document",                                 "200",    "200",   "200",    "200",   "200",   "200",   "200",   "200"),
    ("members-only document",                           "login",  "403",   "403",    "200",   "403",   "403",   "200",   "200"),
    ("other group's members-only meeting",              "login",  "403",   "403",    "403",   "200",   "200",   "403",   "200"),
    ("other group's members-only document",             "login",  "403",   "403",    "403",   "200",   "200",   "403",   "200"),
    ("draft meeting",                                   "404",    "404",   "404",    "404",   "404",   "404",   "404",   "404"),
    ("group calendar lists the public meeting",         "shown",  "shown", "shown",  "shown", "shown", "shown", "shown", "shown"),
    ("group calendar lists the members-only meeting",   "hidden", "hidden", "hidden", "hidden", "hidden", "hidden", "hidden", "hidden"),
    ("group RSS lists the public minutes",              "shown",  "shown", "shown",  "shown", "shown", "shown", "shown", "shown"),
    ("group RSS lists the members-only minutes",        "hidden", "hidden", "hidden", "hidden", "hidden", "hidden", "hidden", "hidden"),
    ("group archive lists the members-only minutes",    "hidden", "hidden", "hidden", "shown", "hidden", "hidden", "shown", "shown"),
    ("all-groups archive lists the members-only minutes", "hidden", "hidden", "hidden", "shown", "hidden", "hidden", "shown", "shown"),
    ("archive search finds the members-only minutes",   "hidden", "hidden", "hidden", "shown", "hidden", "hidden", "shown", "shown"),
    ("site search finds the public minutes",            "shown",  "shown", "shown",  "shown", "shown", "shown", "shown", "shown"),
    ("site search finds the members-only minutes",      "hidden", "hidden", "hidden", "shown", "hidden", "hidden", "shown", "shown"),
    ("site search finds the members-only meeting",      "hidden", "hidden", "hidden", "shown", "hidden", "hidden", "shown", "shown"),
    ("page search finds the members-only minutes",      "hidden", "hidden", "hidden", "shown", "hidden", "hidden", "shown", "shown"),
    ("sitemap lists the public meeting",                "shown",  "shown", "shown",  "shown", "shown", "shown", "shown", "shown"),
    ("sitemap lists the members-only meeting",          "hidden", "hidden", "hidden", "hidden", "hidden", "hidden", "hidden", "hidden"),
    ("account page",                                    "login",  "200",   "200",    "200",   "200",   "200",   "200",   "200"),
    ("admin: edit the group page",                      "denied", "denied", "denied", "denied", "denied", "denied", "edit", "edit"),
    ("admin: the group's member list",                  "denied", "denied", "denied", "denied", "denied", "hidden", "shown", "shown"),
]
# fmt: on


def answer(response):
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith(reverse("maillage_groups:login")):
            return "login"
        return f"302 {location}"
    return str(response.status_code)


def status(url):
    return lambda client, user: answer(client.get(url))


def listed(url, needle):
    def probe(client, user):
        response = client.get(url)
        if response.status_code != 200:
            return answer(response)
        return "shown" if needle in response.content.decode() else "hidden"

    return probe


def found_by_source(query, title):
    def probe(client, user):
        request = RequestFactory().get("/recherche/", {"q": query})
        request.user = user
        results = GroupSearchSource().search(query, request=request)
        assert not results.degraded
        return "shown" if title in [hit.title for hit in results.hits] else "hidden"

    return probe


def found_by_page_search(query, title):
    def probe(client, user):
        return "shown" if title in [page.title for page in visible_search(Page.objects.live(), query, user=user)] else "hidden"

    return probe


def admin_edit(page):
    def probe(client, user):
        return "edit" if client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200 else "denied"

    return probe


def admin_listing(url, needle):
    def probe(client, user):
        response = client.get(url)
        if response.status_code != 200:
            return "denied"
        return "shown" if needle in response.content.decode() else "hidden"

    return probe


def officer_account(root):
    team = Group.objects.create(name="Communication")
    team.permissions.add(
        Permission.objects.get(codename="view_members_only_content"),
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_membership"),
        Permission.objects.get(codename="change_membership"),
    )
    for action in ("add", "change", "publish"):
        GroupPagePermission.objects.create(group=team, page=root, permission_type=action)
    officer = make_person("officer@reseau.test", first_name="Chargée", last_name="de communication")
    officer.groups.add(team)
    return officer


@pytest.fixture
def world(groups_index, root_page, search_engine):
    burkina = make_group(groups_index, "Groupe pays Burkina Faso", membership_policy=MembershipPolicy.ON_REQUEST)
    senegal = make_group(groups_index, "Groupe pays Sénégal")
    public_meeting = make_meeting(burkina, "Réunion ouverte Ouagadougou")
    private_meeting = make_meeting(burkina, "Réunion réservée Kaya", members_only=True, days=12)
    attach(public_meeting, public_doc := make_document(burkina, "Programme public", members_only=False))
    attach(private_meeting, private_doc := make_document(burkina, "Contacts réservés", members_only=True))
    held = make_meeting(burkina, "Réunion tenue Banfora", days=-60)
    public_minutes = make_minutes(held, "Compte rendu public Banfora")
    held_again = make_meeting(burkina, "Réunion tenue Dori", days=-30)
    private_minutes = make_minutes(held_again, "Compte rendu réservé Koudougou", members_only=True)
    held_private = make_meeting(burkina, "Réunion réservée Gaoua", days=-20, members_only=True)
    minutes_of_private = make_minutes(held_private, "Compte rendu Gaoua", members_only=True)
    draft = make_meeting(burkina, "Réunion en préparation Fada", publish=False)
    other_meeting = make_meeting(senegal, "Réunion réservée Thiès", members_only=True)
    attach(other_meeting, other_doc := make_document(senegal, "Annuaire des partenaires", members_only=True))

    people = {
        "anonymous": None,
        "outsider": make_person("outsider@exemple.org"),
        "applicant": make_person("applicant@exemple.org"),
        "member": make_person("awa@burkina.test", first_name="Awa", last_name="Membre"),
        "other_member": make_person("other.member@exemple.org"),
        "other_coordinator": make_person("other.coordinator@exemple.org"),
        "coordinator": make_person("coordinator@exemple.org"),
        "officer": officer_account(root_page),
    }
    join(people["applicant"], burkina, status=Membership.Status.PENDING)
    join(people["member"], burkina)
    join(people["other_member"], senegal)
    join(people["other_coordinator"], senegal, coordinator=True)
    join(people["coordinator"], burkina, coordinator=True)
    search_engine.index_all()

    sitemap = "/sitemap.xml"
    probes = {
        "groups index": status(groups_index.url),
        "group page": status(burkina.url),
        "group page lists the members-only meeting": listed(burkina.url, private_meeting.title),
        "public meeting": status(public_meeting.url),
        "members-only meeting": status(private_meeting.url),
        "public meeting .ics": status(public_meeting.url + "ical/"),
        "members-only meeting .ics": status(private_meeting.url + "ical/"),
        "public minutes": status(public_minutes.url),
        "members-only minutes": status(private_minutes.url),
        "minutes of a members-only meeting": status(minutes_of_private.url),
        "public document": status(public_doc.url),
        "members-only document": status(private_doc.url),
        "other group's members-only meeting": status(other_meeting.url),
        "other group's members-only document": status(other_doc.url),
        "draft meeting": status(f"{burkina.url}{draft.slug}/"),
        "group calendar lists the public meeting": listed(burkina.url + "calendrier/", public_meeting.title),
        "group calendar lists the members-only meeting": listed(burkina.url + "calendrier/", private_meeting.title),
        "group RSS lists the public minutes": listed(burkina.url + "rss/", public_minutes.title),
        "group RSS lists the members-only minutes": listed(burkina.url + "rss/", private_minutes.title),
        "group archive lists the members-only minutes": listed(burkina.url + "comptes-rendus/", private_minutes.title),
        "all-groups archive lists the members-only minutes": listed(
            groups_index.url + "comptes-rendus/", private_minutes.title
        ),
        "archive search finds the members-only minutes": listed(
            groups_index.url + "comptes-rendus/?q=Koudougou", private_minutes.title
        ),
        "site search finds the public minutes": found_by_source("Banfora", public_minutes.title),
        "site search finds the members-only minutes": found_by_source("Koudougou", private_minutes.title),
        "site search finds the members-only meeting": found_by_source("Kaya", private_meeting.title),
        "page search finds the members-only minutes": found_by_page_search("Koudougou", private_minutes.title),
        "sitemap lists the public meeting": listed(sitemap, public_meeting.full_url),
        "sitemap lists the members-only meeting": listed(sitemap, private_meeting.full_url),
        "account page": status(reverse("maillage_groups:account")),
        "admin: edit the group page": admin_edit(burkina),
        "admin: the group's member list": admin_listing(reverse("maillage_groups_members:index"), "awa@burkina.test"),
    }
    if not serves_a_sitemap(sitemap):
        # A host that serves no sitemap (a bare `wagtail start` site) has no rows of it to check.
        probes = {what: probe for what, probe in probes.items() if not what.startswith("sitemap")}
    return SimpleNamespace(people=people, probes=probes)


def serves_a_sitemap(path):
    from django.urls import Resolver404, resolve
    from wagtail.views import serve

    try:
        return resolve(path).func is not serve
    except Resolver404:
        return False


@pytest.mark.engine
@pytest.mark.django_db
def test_every_visitor_gets_exactly_the_expected_answer_from_every_url(world, page_cache):
    """Through the host site's page cache when it has one: the anonymous
    visitor goes first (filling it) and again last (served from it), and
    every signed-in visitor comes in between."""
    from django.contrib.auth.models import AnonymousUser

    rows = [row for row in MATRIX if row[0] in world.probes]
    assert [row[0] for row in rows] == list(world.probes), "every probe has its row, in the same order"
    assert len(rows) >= len(MATRIX) - 2, "only the sitemap's rows may be left out"
    mismatches, served = [], []
    for what, *expected in rows:
        answers = list(zip(VISITORS, expected, strict=True))
        for visitor, wanted in answers + answers[:1]:
            user = world.people[visitor]
            client = RecordingClient(served)
            if user is not None:
                client.force_login(user)
            got = world.probes[what](client, user or AnonymousUser())
            if got != wanted:
                mismatches.append(f"{what} / {visitor}: expected {wanted}, got {got}")
    assert not mismatches, "\n".join(mismatches)
    if page_cache:
        assert "hit" in served, "the anonymous visitor's second pass came from the page cache"


class RecordingClient(Client):
    """Notes whether each answer came from the page cache."""

    def __init__(self, served):
        super().__init__()
        self.served = served

    def request(self, **request):
        response = super().request(**request)
        self.served.append(response.get("X-Page-Cache"))
        return response
