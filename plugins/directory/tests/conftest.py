import pytest

from maillage_core.testing.tree import publish_child

pytest_plugins = ["maillage_core.testing.fixtures"]


@pytest.fixture
def directory_page(root_page, vocabulary):
    from maillage_directory.models import DirectoryPage

    return publish_child(root_page, DirectoryPage(title="Annuaire", slug="annuaire"))


@pytest.fixture
def make_actor(vocabulary):
    from maillage_directory.testing import make_actor

    return make_actor
