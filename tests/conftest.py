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


@pytest.fixture
def debug_urls(settings, tmp_path):
    """The site's URLs as DEBUG builds them (media served by Django from tmp_path)."""
    import importlib

    from django.urls import clear_url_caches

    module = importlib.import_module(settings.ROOT_URLCONF)
    settings.DEBUG, settings.MEDIA_ROOT = True, tmp_path
    importlib.reload(module)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(module)
    clear_url_caches()
