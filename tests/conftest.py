import pytest

from maillage_core.testing.tree import ensure_site_tree

pytest_plugins = ["maillage_core.testing.fixtures"]


@pytest.fixture
def home_page(db):
    from home.models import HomePage

    return ensure_site_tree(lambda: HomePage(title="Accueil", slug="home"))


@pytest.fixture
def make_page(home_page):
    """Create and publish a content page under the home page."""
    from home.models import ContentPage

    def make(title, parent=None, publish=True, **fields):
        page = (parent or home_page).add_child(instance=ContentPage(title=title, **fields))
        if publish:
            page.save_revision().publish()
        else:
            page.live = False
            page.save_revision()
            page.save()
        return page

    return make
