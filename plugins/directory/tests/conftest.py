import pytest

pytest_plugins = ["maillage_core.testing.fixtures"]


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
