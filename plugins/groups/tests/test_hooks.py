"""What the plugin gives a site through core's hooks, its demo loader and
its system checks."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.core.checks import run_checks
from django.test import RequestFactory, override_settings

from maillage_core import hooks as maillage_hooks
from maillage_core.search.visibility import visibility_for_user
from maillage_groups import demo
from maillage_groups.models import (
    GroupPage,
    GroupStatus,
    MeetingPage,
    Membership,
    MinutesPage,
    members_key,
)
from maillage_groups.testing import join, make_group, make_meeting, make_person

pytestmark = pytest.mark.django_db


def request_for(user=None):
    request = RequestFactory().get("/")
    request.user = user or AnonymousUser()
    return request


def test_members_find_their_groups_private_pages_and_the_officer_finds_every_groups(groups_index):
    burkina = make_group(groups_index, "Burkina Faso")
    senegal = make_group(groups_index, "Sénégal")
    member = make_person("membre@exemple.org")
    join(member, burkina)
    join(member, senegal, status=Membership.Status.PENDING)
    officer = make_person("officer@exemple.org")
    team = Group.objects.create(name="Équipe")
    team.permissions.add(Permission.objects.get(codename="view_members_only_content"))
    officer.groups.add(team)
    assert visibility_for_user(AnonymousUser()) == ["public"]
    assert visibility_for_user(member) == ["public", "authenticated", members_key(burkina.pk)]
    assert set(visibility_for_user(officer)) == {"public", "authenticated", members_key(burkina.pk),
                                                 members_key(senegal.pk)}


def test_country_pages_list_the_groups_working_there(groups_index):
    make_group(groups_index, "Groupe pays Burkina Faso", countries=["BF"])
    make_group(groups_index, "Groupe pays Mali", countries=["ML", "BF"], status=GroupStatus.ARCHIVED)
    make_group(groups_index, "Santé mondiale")
    [section] = maillage_hooks.country_sections(request_for(), "bf")
    assert [group.title for group in section.context["groups"]] == ["Groupe pays Burkina Faso", "Groupe pays Mali"]
    assert maillage_hooks.country_sections(request_for(), "SN") == []
    assert maillage_hooks.country_sections(request_for(), "<script>") == []


def test_the_home_page_gets_a_figure_and_the_next_meetings_anonymous_visitors_may_see(groups_index):
    group = make_group(groups_index, "Groupe pays Sénégal")
    make_group(groups_index, "Groupe pays Mali", status=GroupStatus.ARCHIVED)
    make_meeting(group, "Réunion ouverte", days=3)
    make_meeting(group, "Réunion réservée", days=2, members_only=True)
    # Inside the site, other plugins add figures and sections of their own.
    [figure] = [figure for figure in maillage_hooks.home_figures(request_for()) if figure.url == groups_index.url]
    assert figure.value == 1
    [section] = [section for section in maillage_hooks.home_sections(request_for()) if section.key == "groups"]
    assert [meeting.title for meeting in section.context["meetings"]] == ["Réunion ouverte"]
    assert [event.title for event in maillage_hooks.upcoming_events(request_for())] == ["Réunion ouverte"]
    member = make_person("m@exemple.org")
    join(member, group)
    assert [event.title for event in maillage_hooks.upcoming_events(request_for(member))] == [
        "Réunion réservée", "Réunion ouverte"
    ]


@pytest.mark.engine
def test_site_search_describes_each_kind_of_hit(groups_index, search_engine):
    from maillage_groups.testing import make_minutes

    group = make_group(groups_index, "Groupe Casamance", summary="Le groupe Casamance.")
    meeting = make_meeting(group, "Réunion Casamance", days=-3)
    make_minutes(meeting, "Compte rendu Casamance")
    search_engine.refresh()
    [source] = [source for source in maillage_hooks.search_sources() if source.key == "groups"]
    results = source.search("Casamance", request=request_for())
    metas = {hit.title: hit.meta for hit in results.hits}
    assert set(metas) == {"Groupe Casamance", "Réunion Casamance", "Compte rendu Casamance"}
    assert all(metas.values()) and results.total == 3


def test_the_demo_loads_eight_groups_once_and_fast_the_second_time(root_page, vocabulary, client,
                                                                  django_assert_max_num_queries):
    messages = []
    created = demo.load({}, messages.append)
    assert created == 8
    group = GroupPage.objects.live().order_by("path").first()
    body = client.get(group.url).content.decode().split("<h1", 1)[1]  # what the visitor reads, not the meta
    assert body.count(group.summary) == 1  # the intro sentence, once
    assert GroupPage.objects.count() == 8 and GroupPage.objects.filter(status=GroupStatus.ARCHIVED).count() == 1
    assert MeetingPage.objects.filter(members_only=True).exists() and MeetingPage.objects.filter(members_only=False)
    assert MinutesPage.objects.count() >= 40
    assert Membership.objects.filter(status=Membership.Status.PENDING).count() == 3
    assert Membership.objects.filter(is_coordinator=True).count() >= 4
    with django_assert_max_num_queries(3):
        assert demo.load({}, messages.append) == 0
    assert GroupPage.objects.count() == 8


def test_system_checks_report_settings_that_cannot_work(settings):
    settings.MAILLAGE_GROUPS_PER_PAGE = 0
    settings.MAILLAGE_GROUPS_TIME_ZONE = "Mars/Olympus"
    settings.MAILLAGE_GROUPS_OFFICER_EMAIL = ["x@y.z"]
    settings.WAGTAILDOCS_SERVE_METHOD = "direct"
    ids = {message.id for message in run_checks()}
    assert {"maillage_groups.E001", "maillage_groups.E006", "maillage_groups.E007", "maillage_groups.E011"} <= ids
    settings.WAGTAILDOCS_SERVE_METHOD = "redirect"
    assert "maillage_groups.W001" in {message.id for message in run_checks()}


@override_settings(ROOT_URLCONF="groups_testsite.urls_without_accounts")
def test_a_site_without_the_account_urls_is_told_how_to_add_them():
    assert "maillage_groups.E010" in {message.id for message in run_checks()}


def test_country_section_costs_the_same_for_one_group_or_many_with_their_meetings_and_minutes(groups_index):
    from maillage_core.testing.sections import country_section_cost
    from maillage_groups.testing import make_minutes

    def group_with_history(n):
        group = make_group(groups_index, f"Groupe Sénégal {n}", countries=["SN"])
        make_minutes(make_meeting(group, f"Réunion passée {n}", days=-10), f"Compte rendu {n}")
        make_minutes(make_meeting(group, f"Réunion privée {n}", days=-5, members_only=True), f"Réservé {n}")
        make_meeting(group, f"Prochaine réunion {n}", days=3)
        make_meeting(group, f"Réunion suivante {n}", days=30)

    group_with_history(0)
    one, html = country_section_cost(request_for(), "sn", "groups")
    for n in range(1, 4):
        group_with_history(n)
    many, html = country_section_cost(request_for(), "SN", "groups")
    assert many == one
    assert html.count("Compte rendu ") == 4 and "Réservé" not in html
    assert html.count("/prochaine-r") == 4 and "suivante" not in html  # each group's next one
    [figures] = [f for f in maillage_hooks.country_figures(request_for()) if f.key == "groups"]
    assert figures.counts == {"SN": 4}
