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
