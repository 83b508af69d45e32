import pytest
from django.apps import apps

from maillage_core.models import MaillagePageMixin

pytest_plugins = ["maillage_core.testing.fixtures"]


@pytest.fixture(scope="module")
def mixin_page_model():
    """A page model using MaillagePageMixin: the test site's own, or one of
    the host site's when these tests run inside it."""
    for model in apps.get_models():
        if issubclass(model, MaillagePageMixin) and model.max_count is None:
            return model
    pytest.fail("no page model uses MaillagePageMixin")


@pytest.fixture
def make_page(root_page, mixin_page_model):
    def make(title, parent=None, publish=True, **fields):
        page = (parent or root_page).add_child(instance=mixin_page_model(title=title, **fields))
        if publish:
            page.save_revision().publish()
        else:
            page.live = False
            page.save()
        return page

    return make
