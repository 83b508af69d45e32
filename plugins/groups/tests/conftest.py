import pytest

from maillage_core.testing.tree import ensure_site_tree

pytest_plugins = ["maillage_core.testing.fixtures"]


@pytest.fixture
def vocabulary(db):
    """The shared vocabulary, seeded again after a transactional test flushed it."""
    from maillage_core.data.seed import ensure_vocabulary

    ensure_vocabulary()


@pytest.fixture
def root_page(db):
    return ensure_site_tree()


@pytest.fixture
def groups_index(root_page, vocabulary):
    from maillage_groups.models import GroupIndexPage

    page = root_page.add_child(instance=GroupIndexPage(title="Groupes de travail", slug="groupes"))
    page.save_revision().publish()
    return page


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate limits never leak from one test to the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
