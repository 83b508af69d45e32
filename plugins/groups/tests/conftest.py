import pytest

pytest_plugins = ["maillage_core.testing.fixtures"]


@pytest.fixture
def groups_index(root_page, vocabulary):
    from maillage_groups.models import GroupIndexPage

    page = root_page.add_child(instance=GroupIndexPage(title="Groupes de travail", slug="groupes"))
    page.save_revision().publish()
    return page
