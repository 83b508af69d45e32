"""Full-text, autocomplete and field-restricted queries through core's
backend, against the real engine: the calls Wagtail's admin makes (listings
and choosers autocomplete, restricted to a viewset's search fields) as well
as the site's own searches."""

from functools import partial

import pytest
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Length
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


def every_document(backend, method):
    """The backend's search or autocomplete over every document, drafts
    included, as the admin's listings search."""
    return partial(getattr(backend, method), visibility=None)


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
    search = every_document(pages, method)
    results = search(query, Page.objects.exclude(depth__lte=2), fields=fields, operator="and")
    assert sorted(page.title for page in results) == sorted(found)


@pytest.mark.parametrize(
    "method, visibility, found",
    [
        # A search naming no audience finds what anonymous visitors may (a
        # host's stock search view, the API); autocomplete, the admin's, finds all.
        ("search", "left out", ["Santé des femmes"]),
        ("autocomplete", "left out", ["Santé des femmes", DRAFT]),
        ("search", None, ["Santé des femmes", DRAFT]),
        ("autocomplete", None, ["Santé des femmes", DRAFT]),
        ("search", ["public"], ["Santé des femmes"]),
        ("autocomplete", ["public"], ["Santé des femmes"]),
        ("search", ["draft"], [DRAFT]),
    ],
)
@pytest.mark.parametrize("fields", [None, ["title"]])
def test_queries_keep_the_visibility_filter(pages, method, visibility, found, fields):
    search = getattr(pages, method)
    given = {} if visibility == "left out" else {"visibility": visibility}
    results = search("sante", Page.objects.exclude(depth__lte=2), fields=fields, **given)
    assert sorted(page.title for page in results) == sorted(found)


# Filters and sorts the index does not hold: the admin listings' filters and
# column sorts. The draft title is neither indexed nor a FilterField; live is one.


def titles(results):
    return [page.title for page in results]


@pytest.mark.parametrize("method", ["search", "autocomplete"])
@pytest.mark.parametrize(
    "narrow, found",
    [
        # A lookup on an unindexed field, alone or beside an indexed one.
        (lambda pages: pages.filter(draft_title="Santé des femmes"), ["Santé des femmes"]),
        (lambda pages: pages.filter(live=False, draft_title__startswith="Santé"), [DRAFT]),
        # Conditions joined by OR, one of them on an unindexed field.
        (lambda pages: pages.filter(Q(draft_title="Santé des femmes") | Q(live=False)), ["Santé des femmes", DRAFT]),
        # A lookup the engine lacks on an indexed field, and one on an annotation.
        (lambda pages: pages.filter(title__icontains="femmes"), ["Santé des femmes"]),
        (lambda pages: pages.annotate(length=Length("title")).filter(length__lt=17), ["Santé des femmes"]),
    ],
    ids=["unindexed", "indexed and unindexed", "or", "unknown lookup", "annotation"],
)
def test_filters_the_index_lacks_are_applied_by_the_database(pages, method, narrow, found):
    queryset = narrow(Page.objects.exclude(depth__lte=2))
    results = every_document(pages, method)("sante", queryset, operator="and")
    assert sorted(titles(results)) == sorted(found)
    assert results.count() == len(found)


@pytest.mark.parametrize("method", ["search", "autocomplete"])
@pytest.mark.parametrize(
    "ordering, found",
    [
        (["draft_title"], ["Coopération décentralisée", "Santé des femmes", DRAFT]),
        (["-draft_title"], [DRAFT, "Santé des femmes", "Coopération décentralisée"]),
        ([F("draft_title").desc(nulls_last=True)], [DRAFT, "Santé des femmes", "Coopération décentralisée"]),
        # A field the engine can sort on, with one it cannot.
        (["-live", "draft_title"], ["Coopération décentralisée", "Santé des femmes", DRAFT]),
    ],
    ids=["ascending", "descending", "expression", "indexed and unindexed"],
)
def test_sorts_the_index_lacks_are_applied_by_the_database(pages, method, ordering, found):
    queryset = Page.objects.exclude(depth__lte=2).filter(draft_title__contains=" ").order_by(*ordering)
    results = every_document(pages, method)("sante coop", queryset, operator="or", order_by_relevance=False)
    assert titles(results) == found
    # Pages of the listing: slices in the same order, and their counts.
    assert titles(results[1:3]) == found[1:3]
    assert results[1:3].count() == 2
    assert results.count() == 3


@pytest.mark.parametrize("method", ["search", "autocomplete"])
def test_a_search_the_database_refines_keeps_its_order_by_relevance(pages, method):
    search = every_document(pages, method)
    queryset = Page.objects.exclude(depth__lte=2)
    by_relevance = titles(search("sante femmes", queryset, operator="or"))
    assert by_relevance[0] == "Santé des femmes" and set(by_relevance) == {"Santé des femmes", DRAFT}
    # The database's order (by title, descending) is not the engine's.
    refined = search("sante femmes", queryset.filter(draft_title__contains=" ").order_by("-draft_title"), operator="or")
    assert titles(refined) == by_relevance


def test_a_search_the_database_refines_keeps_the_visibility_filter(pages):
    queryset = Page.objects.exclude(depth__lte=2).filter(draft_title__contains=" ")
    assert titles(pages.search("sante", queryset, visibility=["public"])) == ["Santé des femmes"]


def test_the_database_refines_the_most_relevant_matches(pages, monkeypatch):
    from maillage_core.search.backends import refine

    monkeypatch.setattr(refine, "LIMIT", 1)
    queryset = Page.objects.exclude(depth__lte=2)
    # Of the two pages found, the engine gives the more relevant one only...
    assert titles(every_document(pages, "search")("sante femmes", queryset.filter(draft_title__contains=" "), operator="or")) == [
        "Santé des femmes"
    ]
    # ...among those passing the filters it can apply (live), so that the
    # bound is not spent on pages the database would leave out.
    narrowed = queryset.filter(live=False, draft_title__contains=" ")
    assert titles(every_document(pages, "search")("sante femmes", narrowed, operator="or")) == [DRAFT]
