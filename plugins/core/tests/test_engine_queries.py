"""Full-text, autocomplete and field-restricted queries through core's
backend, against the real engine: the calls Wagtail's admin makes (listings
and choosers autocomplete, restricted to a viewset's search fields) as well
as the site's own searches."""

import pytest
from django.db import transaction
from wagtail.models import Page

from maillage_core.testing.tree import ensure_site_tree

pytestmark = pytest.mark.django_db

PUBLISHED = ["Santé des femmes", "Coopération décentralisée", "Internationalisation des PME"]
DRAFT = "Santé en brouillon"


@pytest.fixture(scope="module")
def _pages(django_db_setup, django_db_blocker, _engine_schema, mixin_page_model):
    """The pages, made and indexed once for the module inside a transaction
    rolled back at its end; each test runs in a savepoint within it."""
    engine = _engine_schema
    with django_db_blocker.unblock(), transaction.atomic():
        engine.clear()
        home = ensure_site_tree()
        for title in PUBLISHED:
            home.add_child(instance=mixin_page_model(title=title)).save_revision().publish()
        home.add_child(instance=mixin_page_model(title=DRAFT, live=False))
        engine.refresh()
        yield engine.backend
        transaction.set_rollback(True)
    engine.clear()


@pytest.fixture
def pages(_pages, db):
    return _pages


@pytest.mark.parametrize(
    "method, query, fields, found",
    [
        # Plain full-text search: stemmed and accent-folded words, and the
        # beginning of a title's word.
        ("search", "sante femme", None, ["Santé des femmes"]),
        ("search", "coop", None, ["Coopération décentralisée"]),
        # Field-restricted search: the named field's words and its prefixes.
        ("search", "decentralisee", ["title"], ["Coopération décentralisée"]),
        ("search", "coop", ["title"], ["Coopération décentralisée"]),
        # A field the index does not hold finds nothing; it does not fail.
        ("search", "sante", ["no_such_field"], []),
        ("search", "sante", ["title", "no_such_field"], ["Santé des femmes", DRAFT]),
        # Autocomplete: prefixes of the autocomplete fields, folded.
        ("autocomplete", "coop", None, ["Coopération décentralisée"]),
        ("autocomplete", "COOPÉ", None, ["Coopération décentralisée"]),
        ("autocomplete", "sant fem", None, ["Santé des femmes"]),
        # A whole word longer than the indexed prefixes (15 characters).
        ("autocomplete", "internationalisation", None, ["Internationalisation des PME"]),
        ("autocomplete", "coop", ["title"], ["Coopération décentralisée"]),
        ("autocomplete", "coop", ["no_such_field"], []),
        ("autocomplete", "coop", ["title", "no_such_field"], ["Coopération décentralisée"]),
    ],
)
def test_queries_find_by_partial_and_folded_words(pages, method, query, fields, found):
    search = getattr(pages, method)
    results = search(query, Page.objects.exclude(depth__lte=2), fields=fields, operator="and")
    assert sorted(page.title for page in results) == sorted(found)


@pytest.mark.parametrize("method", ["search", "autocomplete"])
def test_queries_keep_the_visibility_filter(pages, method):
    search = getattr(pages, method)
    queryset = Page.objects.exclude(depth__lte=2)
    assert sorted(page.title for page in search("sante", queryset)) == sorted(["Santé des femmes", DRAFT])
    assert [page.title for page in search("sante", queryset, visibility=["public"])] == ["Santé des femmes"]
    assert [page.title for page in search("sante", queryset, fields=["title"], visibility=["public"])] == [
        "Santé des femmes"
    ]
