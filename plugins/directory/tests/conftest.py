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
def directory_page(root_page, vocabulary):
    from maillage_directory.models import DirectoryPage

    page = root_page.add_child(instance=DirectoryPage(title="Annuaire", slug="annuaire"))
    page.save_revision().publish()
    return page


@pytest.fixture
def make_actor(vocabulary):
    from maillage_directory.testing import make_actor

    return make_actor


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate limits and cached figures never leak from one test to the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
