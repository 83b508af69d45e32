"""Which live page of a plugin serves a request, and the snippets shown
below it (an actor below the directory): one lookup for every plugin."""

import pytest
from django.test import RequestFactory
from wagtail.models import Site

from maillage_core.site_pages import live_page, public
from maillage_core.snippets import RoutedSnippetMixin

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_sites(root_page, make_page):
    """The default site and a second one, each with a listing page; the
    second site's root holds nothing else."""
    other_root = root_page.get_parent().add_child(title="Autre réseau", slug="autre-reseau")
    other = Site.objects.create(hostname="autre.example", port=80, root_page=other_root)
    main_listing = make_page("Annuaire")
    other_listing = make_page("Annuaire de l'autre réseau", parent=other_root, slug="annuaire")
    return other, main_listing, other_listing


def request_to(hostname):
    return RequestFactory().get("/", HTTP_HOST=hostname)


def test_the_requests_site_serves_its_own_page_and_a_request_elsewhere_gets_the_first_of_any(
    two_sites, mixin_page_model, make_page
):
    other, main_listing, other_listing = two_sites
    assert live_page(mixin_page_model, request_to("autre.example")) == other_listing
    assert live_page(mixin_page_model, request_to("localhost")) == main_listing
    assert live_page(mixin_page_model) == main_listing  # no request: the first in the tree
    other_listing.unpublish()
    assert live_page(mixin_page_model, request_to("autre.example")) == main_listing


def test_the_page_found_is_kept_on_the_request(two_sites, mixin_page_model, django_assert_num_queries):
    request = request_to("autre.example")
    found = live_page(mixin_page_model, request)
    with django_assert_num_queries(0):
        assert live_page(mixin_page_model, request) == found


def test_the_next_requests_find_the_page_without_a_query_until_the_content_changes(
    two_sites, mixin_page_model, django_assert_num_queries
):
    other, main_listing, other_listing = two_sites
    live_page(mixin_page_model, request_to("autre.example"))
    request = request_to("autre.example")
    Site.find_for_request(request)  # the site's lookup is not what is counted
    with django_assert_num_queries(0):
        assert live_page(mixin_page_model, request) == other_listing
    other_listing.unpublish()
    assert live_page(mixin_page_model, request_to("autre.example")) == main_listing


def test_public_leaves_out_the_restricted_sections_as_wagtail_does_from_the_next_call_on(two_sites):
    from wagtail.models import Page, PageViewRestriction

    other, main_listing, other_listing = two_sites
    pages = Page.objects.live()
    restriction = None
    for restricted in (None, other.root_page, None):
        if restricted is not None:
            restriction = PageViewRestriction.objects.create(page=restricted, restriction_type="login")
        elif restriction is not None:
            restriction.delete()
        assert set(public(pages)) == set(pages.public())
        assert (other_listing.pk in public(pages).values_list("pk", flat=True)) is (restricted is None)


class Item(RoutedSnippetMixin):
    """A snippet as a plugin declares one (an offer, an actor)."""

    preview_template = "maillage_core/item.html"
    preview_name = "item"

    def __init__(self, slug):
        self.slug = slug


def test_a_routed_snippets_address_and_preview_come_from_the_page_serving_the_request(
    two_sites, mixin_page_model, monkeypatch
):
    other, _main_listing, other_listing = two_sites
    monkeypatch.setattr(Item, "listing_page_mixin", f"{mixin_page_model.__module__}.{mixin_page_model.__name__}")
    item, request = Item("semences-avenir"), request_to("autre.example")
    assert item.get_url(request) == "/annuaire/semences-avenir/"
    assert item.get_preview_template(request, "") == "maillage_core/item.html"
    assert item.get_preview_context(request, "") == {"item": item, "page": other_listing, "self": other_listing}
    other_listing.unpublish()
    mixin_page_model.objects.live().update(live=False)
    assert Item("semences-avenir").get_url(request_to("localhost")) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Semences d'Avenir", "semences-davenir-3"),  # two taken already
        ("Merci", "merci-fiche"),  # a route of the page
        ("!!!", "fiche"),
        ("Terre Solidaire Drôme", "terre-solidaire-drome"),
    ],
)
def test_a_snippets_slug_is_free_and_clear_of_the_pages_routes(make_page, mixin_page_model, text, expected):
    class Sheet(RoutedSnippetMixin):
        objects = mixin_page_model.objects  # any model with slugs will do
        reserved_slugs = frozenset({"merci", "proposer"})
        slug_default = "fiche"
        pk = None

        def slug_text(self):
            return text

    make_page("Semences d'Avenir", slug="semences-davenir")
    make_page("Semences d'Avenir (2)", slug="semences-davenir-2")
    assert Sheet().unique_slug() == expected
