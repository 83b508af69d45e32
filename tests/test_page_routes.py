"""The page a path leads to, kept in the process for anonymous visitors
(maillage_core.page_routes): the next request does not walk the tree again,
and any change (a page moved, unpublished, restricted) is followed at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db


def tree_queries(client, path):
    """How many steps of Wagtail's walk down the tree (a child found by its
    slug) a warm request makes, and its response."""
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    return sum('"wagtailcore_page"."slug" = ' in query["sql"] for query in captured.captured_queries), response


def test_a_plain_page_is_found_without_walking_the_tree_again(client, make_page):
    page = make_page("Le réseau", slug="le-reseau")
    child = make_page("Nos membres", parent=page, slug="membres")
    walked, response = tree_queries(client, child.url)
    assert response.status_code == 200
    assert walked == 0


@pytest.mark.parametrize("change", ["unpublish", "move", "restrict", "rename"])
def test_the_next_anonymous_request_follows_a_change_to_the_page(client, make_page, change):
    page = make_page("Le réseau", slug="le-reseau")
    child = make_page("Nos membres", parent=page, slug="membres")
    other = make_page("Ailleurs", slug="ailleurs")
    for _ in range(2):
        assert client.get("/le-reseau/membres/").status_code == 200
    if change == "unpublish":
        child.unpublish()
    elif change == "move":
        child.move(other, pos="last-child")
    elif change == "restrict":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    else:
        child.title = "Nos adhérents"
        child.save_revision().publish()
    response = client.get("/le-reseau/membres/")
    if change == "rename":
        assert "Nos adhérents" in response.content.decode()
    else:
        assert response.status_code in (301, 302, 404), change  # moved: Wagtail redirects to its new address


def test_signed_in_people_get_the_page_found_for_them(client, make_page, django_user_model):
    page = make_page("Le réseau", slug="le-reseau")
    client.get(page.url)  # kept for anonymous visitors
    client.force_login(django_user_model.objects.create_user("membre", password="x"))
    walked, response = tree_queries(client, page.url)
    assert response.status_code == 200
    assert walked > 0


@pytest.fixture
def directory(home_page, search_engine):
    from maillage_core.data.seed import ensure_vocabulary
    from maillage_directory.models import DirectoryPage
    from maillage_directory.testing import make_actor

    ensure_vocabulary()
    page = home_page.add_child(instance=DirectoryPage(title="Annuaire des acteurs", slug="annuaire"))
    page.save_revision().publish()
    make_actor("Bioforce", countries=["SN"], sectors=["sante"], department="69", city="Vénissieux")
    # The listing asks the engine: it must hold the actor, whatever an
    # earlier test on this worker left in the index.
    search_engine.index_all()
    return page


def test_a_routable_pages_route_is_found_without_walking_the_tree_again(client, directory):
    walked, response = tree_queries(client, "/annuaire/bioforce/")
    assert response.status_code == 200 and "Vénissieux" in response.content.decode()
    assert walked == 0
    walked, response = tree_queries(client, "/annuaire/")
    assert response.status_code == 200 and "Bioforce" in response.content.decode()
    assert walked == 0


def test_each_request_gets_its_own_page_and_the_view_bound_to_it(rf, directory):
    from django.contrib.auth.models import AnonymousUser
    from wagtail import views as wagtail_views
    from wagtail.models import Site

    from maillage_core.page_routes import serve_kept_route

    served = []
    for _ in range(3):  # found, then kept twice
        request = rf.get("/annuaire/bioforce/")
        request.user, request._wagtail_site = AnonymousUser(), Site.objects.get(is_default_site=True)
        serve_kept_route(request, wagtail_views.serve, ("annuaire/bioforce/",), {})
        page, (view, args, kwargs), _ = request._wagtail_route_for_request
        assert view.__self__ is page and request.routable_resolver_match.func.__self__ is page
        assert (request.routable_resolver_match.url_name, kwargs) == ("actor", {"slug": "bioforce"})
        served.append((page, kwargs))
    assert len({id(page) for page, _ in served}) == 3  # a view may write on its page: never on another's
    assert len({id(kwargs) for _, kwargs in served}) == 3


def test_a_kept_route_is_canonical_at_its_own_path(client, home_page):
    from maillage_training.models import TrainingIndexPage

    programme = home_page.add_child(instance=TrainingIndexPage(title="Programme", slug="formations"))
    programme.save_revision().publish()
    for _ in range(2):
        html = client.get("/formations/calendrier/").content.decode()
    assert '<link rel="canonical" href="http://testserver/formations/calendrier/">' in html


@pytest.mark.parametrize("change", ["unpublish", "restrict", "rename", "actor hidden"])
def test_the_next_anonymous_request_follows_a_change_to_a_routable_page(client, directory, change):
    from maillage_directory.models import Actor

    for _ in range(2):
        assert client.get("/annuaire/bioforce/").status_code == 200
    if change == "unpublish":
        directory.unpublish()
    elif change == "restrict":
        PageViewRestriction.objects.create(page=directory, restriction_type=PageViewRestriction.LOGIN)
    elif change == "rename":
        directory.slug = "acteurs"
        directory.save_revision().publish()
    else:
        actor = Actor.objects.get(slug="bioforce")
        actor.live = False
        actor.save()
    response = client.get("/annuaire/bioforce/")
    assert response.status_code in (302, 404), change


def test_a_kept_page_without_view_restrictions_is_not_asked_for_them_again(client, make_page):
    page = make_page("Le réseau", slug="le-reseau")
    child = make_page("Nos membres", parent=page, slug="membres")
    client.get(child.url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(child.url).status_code == 200
    assert not [query for query in captured.captured_queries if "pageviewrestriction" in query["sql"]]
    assert not [query for query in captured.captured_queries if '"alias_of_id"' in query["sql"]]


@pytest.mark.parametrize("kind", [PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD])
def test_a_restriction_added_above_a_kept_page_applies_at_once(client, make_page, kind):
    page = make_page("Le réseau", slug="le-reseau")
    child = make_page("Nos membres", parent=page, slug="membres")
    for _ in range(2):
        assert client.get(child.url).status_code == 200
    PageViewRestriction.objects.create(page=page, restriction_type=kind, password="secret")
    for _ in range(2):  # kept again, restricted: refused each time
        response = client.get(child.url)
        if kind == PageViewRestriction.LOGIN:
            assert response.status_code == 302
        else:
            assert "password" in response.content.decode()
