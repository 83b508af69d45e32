import pytest
from django.core.cache import cache
from django.db import transaction


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Rate-limit counters and rendition lookups live in the cache; ids are reused between tests.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def _demo_media(tmp_path_factory):
    return str(tmp_path_factory.mktemp("demo-media"))


@pytest.fixture(autouse=True)
def _media_root(settings, _demo_media):
    """One media folder for the whole run: the demo's files are made once per module."""
    settings.MEDIA_ROOT = _demo_media


@pytest.fixture(scope="module")
def _demo_tree(django_db_setup, django_db_blocker, _demo_media):
    """The demo portal, loaded once per module inside a transaction rolled back
    at its end; each test runs in a savepoint within it."""
    from django.test import override_settings

    from home import demo as demo_content

    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=_demo_media):
        with transaction.atomic():
            demo_content.load({}, lambda message: None)
            yield
            transaction.set_rollback(True)


@pytest.fixture
def demo(_demo_tree, db):
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def page_of(demo):
    """The first live page of a type in the demo."""

    def first(model):
        page = model.objects.live().order_by("path").first()
        assert page is not None, f"no {model.__name__} in the demo"
        return page

    return first
