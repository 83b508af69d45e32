import pytest

from maillage_core.testing.tree import publish_child

pytest_plugins = ["maillage_core.testing.fixtures"]


@pytest.fixture
def groups_index(root_page, vocabulary):
    from maillage_groups.models import GroupIndexPage

    return publish_child(root_page, GroupIndexPage(title="Groupes de travail", slug="groupes"))
