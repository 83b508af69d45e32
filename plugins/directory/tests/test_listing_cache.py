"""Rendered listings are reused for the next visitor asking the same, and
never outlive a change of the data."""

import pytest
from django.utils import translation

from maillage_directory import listing_cache
from maillage_directory.search import listing as directory_listing

pytestmark = pytest.mark.django_db

DATABASE_SEARCH = {"default": {"BACKEND": "wagtail.search.backends.database"}}


@pytest.fixture
def counted_runs(monkeypatch):
    """How many times the listing was computed (engine or database asked)."""
    runs = []
    original = directory_listing.run

    def run(*args, **kwargs):
        runs.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(directory_listing, "run", run)
    return runs


@pytest.fixture
def settled(monkeypatch, settings):
    """No settling delay: a test need not wait for the engine's refresh."""
    settings.WAGTAILSEARCH_BACKENDS = DATABASE_SEARCH
    monkeypatch.setattr(listing_cache, "SETTLING_NS", 0)


@pytest.fixture
def directory(directory_page, make_actor):
    make_actor("Bioforce", type="association", countries=["SN"], sectors=["sante"], department="69")
    make_actor("Ville de Voiron", type="collectivite", countries=["BF"], department="38")
    return directory_page


def html(client, page, **params):
    response = client.get(page.url, params)
    assert response.status_code == 200
    return response.content.decode()


def listing_of(page_html):
    """The directory block alone (a host's header carries a per-request CSRF token)."""
    return page_html[page_html.index('<div class="directory">') :]


def test_the_same_query_is_computed_once(client, directory, settled, counted_runs):
    first = html(client, directory, pays="SN")
    second = html(client, directory, pays="SN")
    assert len(counted_runs) == 1
    assert "Bioforce" in second and "Ville de Voiron" not in second
    assert listing_of(first) == listing_of(second)


def test_another_query_page_or_language_is_computed_apart(client, directory, settled, counted_runs):
    html(client, directory, pays="SN")
    html(client, directory, pays="BF")
    html(client, directory, pays="SN", tri="recent")
    # The cookie for a host site's language middleware, the override for a
    # site without one.
    client.cookies["django_language"] = "en"
    with translation.override("en"):
        english = html(client, directory, pays="SN")
    assert len(counted_runs) == 4
    assert "Actor type" in english


def test_a_published_actor_shows_at_once_despite_the_cache(client, directory, settled, make_actor):
    assert "Cités Unies" not in html(client, directory)
    make_actor("Cités Unies", type="association", countries=["SN"])
    assert "Cités Unies" in html(client, directory)


def test_a_renamed_sector_shows_at_once_despite_the_cache(client, directory, settled):
    from maillage_core.models import Sector

    assert "Santé mondiale" not in html(client, directory)
    Sector.objects.filter(slug="sante").update(name="Santé mondiale")
    Sector.objects.get(slug="sante").save()
    assert "Santé mondiale" in html(client, directory)


def test_a_query_with_a_notice_is_never_stored(client, directory, settled, counted_runs):
    html(client, directory, pays="ZZ")
    html(client, directory, pays="ZZ")
    assert len(counted_runs) == 2


def test_listings_rendered_while_the_engine_settles_are_not_stored(client, directory, settings, counted_runs):
    settings.WAGTAILSEARCH_BACKENDS = DATABASE_SEARCH
    listing_cache.data_changed()
    html(client, directory)
    html(client, directory)
    assert len(counted_runs) == 2


def test_the_cache_can_be_turned_off(client, directory, settled, settings, counted_runs):
    settings.MAILLAGE_DIRECTORY_LISTING_CACHE_SECONDS = 0
    html(client, directory)
    html(client, directory)
    assert len(counted_runs) == 2
