"""What the directory gives the site through core's hooks, its demo
loader and its system checks."""

import re

import pytest
from django.test import RequestFactory, override_settings

from maillage_core import hooks
from maillage_directory.checks import check_settings
from maillage_directory.models import Actor, DirectoryPage

pytestmark = pytest.mark.django_db


def test_home_figures_count_published_actors_and_their_countries(directory_page, make_actor):
    make_actor("A", countries=["SN", "ML"])
    make_actor("B", countries=["SN", "HT"])
    make_actor("C", countries=["VN"], live=False)
    figures = {f.label: f.value for f in hooks.home_figures(RequestFactory().get("/"))}
    assert figures["acteurs dans l’annuaire"] == 2
    assert figures["pays où ils interviennent"] == 3


def test_figures_follow_new_actors(directory_page, make_actor):
    request = RequestFactory().get("/")
    make_actor("A", countries=["SN"])
    assert hooks.home_figures(request)[0].value == 1
    make_actor("B", countries=["ML"])
    assert [f.value for f in hooks.home_figures(request)] == [2, 2]


def test_organisations_offer_published_actors_only(make_actor):
    make_actor("Bioforce", acronym="BF", city="Lyon")
    make_actor("Bioforce brouillon", live=False)
    found = hooks.organisations("biof", limit=5)
    assert [(o.name, o.detail) for o in found] == [("Bioforce (BF)", "Lyon")]
    assert found[0].key.startswith("directory:")


def test_country_section_lists_actors_working_there(directory_page, make_actor):
    make_actor("Eau Vive", countries=["SN"])
    make_actor("Ailleurs", countries=["ML"])
    sections = hooks.country_sections(RequestFactory().get("/"), "SN")
    assert [s.key for s in sections] == ["directory"]
    assert [a.name for a in sections[0].context["actors"]] == ["Eau Vive"]
    assert hooks.country_sections(RequestFactory().get("/"), "ZZ") == []


def test_demo_loader_creates_realistic_actors_once(root_page, vocabulary):
    from maillage_directory import demo

    messages = []
    created = demo.load({"actors": 120}, messages.append)
    assert created == 121  # the directory page and 120 actors
    assert Actor.objects.live().count() == 120
    assert DirectoryPage.objects.count() == 1
    actor = Actor.objects.order_by("pk").first()
    assert actor.department_id and actor.countries and actor.sectors.exists() and actor.city
    assert demo.load({"actors": 120}, messages.append) == 0
    assert demo.load({"actors": 130}, messages.append) == 10
    assert Actor.objects.count() == 130


def test_demo_loader_restores_a_flushed_vocabulary(root_page):
    # `flush` (or a transactional test before this one) empties the tables
    # the vocabulary migration filled; the demo must still load.
    from maillage_core.models import Sector
    from maillage_directory import demo

    Sector.objects.all().delete()
    assert demo.load({"actors": 30}, lambda message: None) == 31
    assert Sector.objects.count() == 18
    assert all(actor.sectors.exists() for actor in Actor.objects.all())


def test_demo_loader_default_is_two_thousand():
    from maillage_directory import demo

    assert demo.DEFAULT_ACTORS == 2000


def test_loaders_are_registered():
    from maillage_directory import demo

    assert demo.load in [make() for make in hooks.demo_loaders()]
    assert "actors" in [source.key for source in hooks.search_sources()]


@pytest.mark.parametrize(
    "name, value",
    [("PER_PAGE", 0), ("PER_PAGE", "20"), ("LOGO_MAX_BYTES", -1), ("UPDATE_LINK_DAYS", True)],
)
def test_checks_report_unusable_settings(name, value):
    with override_settings(**{f"MAILLAGE_DIRECTORY_{name}": value}):
        errors = check_settings(None)
    assert len(errors) == 1 and name in errors[0].msg and errors[0].hint


def test_checks_accept_the_defaults():
    assert check_settings(None) == []


def test_country_section_and_figures_cost_the_same_for_one_actor_or_many(directory_page, make_actor):
    from maillage_core.testing.sections import country_section_cost

    request = RequestFactory().get("/")
    make_actor("Acteur 0", countries=["SN"], type="association", sectors=["sante"])
    one, html = country_section_cost(request, "SN", "directory")
    for n in range(1, 6):
        make_actor(f"Acteur {n}", countries=["SN", "ML"], type="association", sectors=["eau-assainissement", "sante"][: 1 + n % 2])
    make_actor("Au Mali", countries=["ML"], sectors=["education"])
    many, html = country_section_cost(request, "SN", "directory")
    assert many == one and html.count("<li>") == 6
    assert re.findall(r"secteur=([-a-z]+)", html) == ["eau-assainissement", "sante"]  # the most frequent first
    [figures] = [f for f in hooks.country_figures(request) if f.key == "actors"]
    assert figures.counts == {"SN": 6, "ML": 6}
    assert hooks.active_countries(request)["ML"]["actors"] == 6


def test_survey_respondents_are_published_actors_with_what_figures_count_them_by(make_actor, django_assert_num_queries):
    make_actor("Eau Vive", type="association", department="69", countries=["SN", "ML"],
               sectors=["eau-assainissement"], sdgs=[6, 3], contact_email="contact@eauvive.org", email="info@eauvive.org")
    other = make_actor("Sans courriel")
    make_actor("Brouillon", live=False)
    with django_assert_num_queries(3):  # actors with type and department, sectors, SDGs
        everyone = hooks.survey_respondents()
    assert [(r.name, r.email) for r in everyone] == [("Eau Vive", "contact@eauvive.org"), ("Sans courriel", "")]
    first = everyone[0]
    assert (first.actor_type, first.department, first.countries, first.sectors, first.sdgs) == (
        "Association", "Rhône (69)", ("ML", "SN"), ("eau-assainissement",), (3, 6))
    assert [r.name for r in hooks.survey_respondents({f"directory:{other.pk}", "directory:x", "other:1"})] == [
        "Sans courriel"]
