"""Menu, footer and site lookups come from the cache, and never outlive a change."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

pytestmark = pytest.mark.django_db


def menu_of(client, page):
    html = client.get(page.url).content.decode()
    return html[html.index('class="main-menu"') : html.index("</nav>", html.index('class="main-menu"'))]


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_second_view_asks_fewer_queries(client, home_page, make_page):
    page = make_page("Le réseau", show_in_menus=True)
    first, second = queries(client, page.url), queries(client, page.url)
    assert second < first


def test_the_chrome_built_by_the_very_first_view_is_kept(client, home_page, make_page):
    # The first view also creates the network settings row; that creation
    # must not throw away the chrome it was building.
    from home.models import NetworkSettings

    page = make_page("Le réseau", show_in_menus=True)
    NetworkSettings.objects.all().delete()
    queries(client, page.url)
    assert NetworkSettings.objects.count() == 1
    second, third = queries(client, page.url), queries(client, page.url)
    assert second == third


def test_a_published_page_joins_the_menu_at_once(client, home_page, make_page):
    about = make_page("Le réseau", show_in_menus=True)
    assert "Nos services" not in menu_of(client, about)
    make_page("Nos services", show_in_menus=True)
    assert "Nos services" in menu_of(client, about)


def test_an_unpublished_page_leaves_the_menu_at_once(client, home_page, make_page):
    about = make_page("Le réseau", show_in_menus=True)
    services = make_page("Nos services", show_in_menus=True)
    assert "Nos services" in menu_of(client, about)
    services.unpublish()
    assert "Nos services" not in menu_of(client, about)


def test_the_current_section_is_marked_whatever_the_cache(client, home_page, make_page):
    about = make_page("Le réseau", show_in_menus=True)
    child = make_page("Nos membres", parent=about)
    assert 'aria-current="page">Le réseau' in menu_of(client, about)
    assert 'aria-current="true">Le réseau' in menu_of(client, child)
    assert "aria-current" not in menu_of(client, home_page)


def test_saved_network_settings_show_in_the_footer_and_structured_data_at_once(client, home_page):
    from home.models import NetworkSettings

    site = Site.objects.get(is_default_site=True)
    client.get(home_page.url)
    settings = NetworkSettings.for_site(site)
    settings.name = "Réseau Soleil"
    settings.save()
    html = client.get(home_page.url).content.decode()
    assert "Réseau Soleil" in html[html.index("<footer") : html.index("</footer>")]
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert "Réseau Soleil" in [json.loads(script).get("name") for script in scripts]


def test_an_edited_site_is_found_again(client, home_page):
    client.get(home_page.url)
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Portail renommé"
    site.save()
    html = client.get(home_page.url).content.decode()
    assert "Portail renommé" in html[html.index("<header") : html.index("</header>")]


def test_the_kept_menu_is_not_marked_by_a_visitors_page(client, home_page, make_page):
    from home import chrome

    about = make_page("Le réseau", show_in_menus=True)
    assert 'aria-current="page">Le réseau' in menu_of(client, about)
    site = Site.objects.get(is_default_site=True)
    kept = chrome.cached("menu", site, lambda: pytest.fail("the menu was not kept"))
    assert [item["title"] for item in kept] == ["Le réseau"]
    assert all("current" not in item for item in kept)  # each request marks its own copies


def test_another_workers_change_shows_at_the_next_request(client, home_page, make_page, settings):
    from wagtail.models import Page

    from maillage_core.page_cache import CONTENT

    settings.MAILLAGE_PAGE_CACHE_VERSION_SECONDS = 0  # the version is read again on every request
    about = make_page("Le réseau", show_in_menus=True)
    assert "Le réseau" in menu_of(client, about)
    Page.objects.filter(pk=about.pk).update(title="Notre réseau")  # no signal in this process
    CONTENT.changed()  # what another worker's save writes in the shared cache
    assert "Notre réseau" in menu_of(client, about)


def test_a_new_logo_shows_in_the_structured_data_at_once(client, home_page):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    from maillage_core.models import IdentitySettings

    def logo_in_data():
        html = client.get(home_page.url).content.decode()
        scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        return [json.loads(script).get("logo") for script in scripts if '"Organization"' in script][0]

    assert logo_in_data() is None
    identity = IdentitySettings.for_site(Site.objects.get(is_default_site=True))
    identity.logo = Image.objects.create(title="Logo", file=get_test_image_file())
    identity.save()
    assert "/media/images/" in (logo_in_data() or "")


def test_a_host_not_allowed_is_refused_and_not_kept(client, home_page, settings):
    from maillage_core import content_memo

    settings.ALLOWED_HOSTS = ["testserver"]
    response = client.get(home_page.url, HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert not any("evil.example" in str(key) for key in content_memo.current_values())


def trail_of(client, page):
    html = client.get(page.url).content.decode()
    start = html.index('class="breadcrumbs"')
    return html[start : html.index("</nav>", start)]


def test_the_breadcrumbs_ancestors_are_not_asked_for_again(client, home_page, make_page):
    about = make_page("Le réseau")
    child = make_page("Nos membres", parent=about)
    client.get(child.url)
    with CaptureQueriesContext(connection) as captured:
        assert "Le réseau" in trail_of(client, child)
    assert not [query for query in captured.captured_queries if '"wagtailcore_page"."depth" > 1' in query["sql"]]


@pytest.mark.parametrize("change", ["retitle", "rename", "move"])
def test_the_breadcrumbs_follow_a_change_to_an_ancestor_at_once(client, home_page, make_page, change):
    about = make_page("Le réseau", slug="le-reseau")
    other = make_page("Ailleurs", slug="ailleurs")
    child = make_page("Nos membres", parent=about, slug="membres")
    assert '<a href="/le-reseau/">Le réseau</a>' in trail_of(client, child)
    if change == "retitle":
        about.title = "Notre réseau"
        about.save_revision().publish()
        expected = '<a href="/le-reseau/">Notre réseau</a>'
    elif change == "rename":
        about.title, about.slug = "Notre réseau", "notre-reseau"
        about.save_revision().publish()
        expected = '<a href="/notre-reseau/">Notre réseau</a>'
    else:
        child.move(other, pos="last-child")
        expected = '<a href="/ailleurs/">Ailleurs</a>'
    child.refresh_from_db()
    trail = trail_of(client, child)
    assert expected in trail, change
    assert '<a href="/le-reseau/">Le réseau</a>' not in trail
