"""``manage.py maillage_demo`` runs every installed plugin's demo loader,
which makes its index page under the default site's root page when the
site has none: the demo of a bare ``wagtail start`` site."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail import hooks
from wagtail.models import Page

from maillage_core import demo
from maillage_core.hooks import DEMO_CONTENT
from maillage_core.management.commands import maillage_demo as command_module

pytestmark = pytest.mark.django_db


@pytest.fixture
def loader_calls(root_page, mixin_page_model, monkeypatch):
    """A plugin's loader, as a plugin registers it: its index page, then
    ``count`` children of it (``--count articles=N``). Only this one runs:
    inside a site, the site's and every plugin's loaders are registered too."""
    calls = []

    def load(options, progress):
        calls.append(options)
        index, created = demo.ensure_index_page(mixin_page_model, slug="demo-index", title="Demo index")
        wanted = options.get("articles", 2)
        have = index.get_children().count()
        for number in range(have, wanted):
            index.add_child(instance=mixin_page_model(title=f"Article {number}", slug=f"article-{number}"))
        progress(f"articles: {max(0, wanted - have)} created")
        return int(created) + max(0, wanted - have)

    def make_loader():
        return load

    registered = command_module.demo_loaders
    monkeypatch.setattr(command_module, "demo_loaders", lambda: [m for m in registered() if m is make_loader])
    with hooks.register_temporarily(DEMO_CONTENT, make_loader):
        yield calls


def run(*args):
    out = io.StringIO()
    call_command("maillage_demo", *args, stdout=out)
    return out.getvalue()


def test_the_demo_makes_the_index_page_under_the_default_sites_root_once(loader_calls, root_page):
    first = run("--count", "articles=3")
    index = Page.objects.get(slug="demo-index")
    assert index.get_parent().pk == root_page.pk and index.live
    assert index.get_children().count() == 3 and "articles: 3 created" in first
    second = run("--count", "articles=3")
    assert "articles: 0 created" in second
    assert Page.objects.filter(slug="demo-index").count() == 1 and index.get_children().count() == 3
    assert loader_calls == [{"articles": 3}, {"articles": 3}]


@pytest.mark.parametrize("count", ["articles", "articles=", "articles=-1", "articles=deux", "=3", "2x=3"])
def test_a_malformed_count_is_refused_with_a_message_and_loads_nothing(loader_calls, count):
    with pytest.raises(CommandError, match="NAME=N"):
        run("--count", count)
    assert loader_calls == [] and not Page.objects.filter(slug="demo-index").exists()


def test_without_a_default_site_a_loader_makes_no_index_page(root_page, mixin_page_model):
    from wagtail.models import Site

    Site.objects.all().delete()
    assert demo.ensure_index_page(mixin_page_model, slug="demo-index", title="Demo index") == (None, False)
