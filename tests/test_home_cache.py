"""The home page's content is kept for anonymous visitors, never past a
publication, never for signed-in visitors or previews."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_index(home_page):
    from home.models import NewsIndexPage

    index = home_page.add_child(instance=NewsIndexPage(title="Actualités", slug="actualites"))
    index.save_revision().publish()
    return index


def publish_news(index, title):
    from home.models import NewsPage

    page = index.add_child(instance=NewsPage(title=title, intro="Résumé.", slug=title.lower().replace(" ", "-")))
    page.save_revision().publish()
    return page


def main_of(html):
    # The home content block, without the header and footer around it.
    return html[html.index("<main") : html.index("</main>")]


def view(client, page):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode(), len(captured)


def test_a_second_anonymous_view_is_served_from_the_cache(client, home_page, news_index, settings):
    publish_news(news_index, "Assemblée générale")
    settings.MAILLAGE_HOME_CACHE_SECONDS = 0
    view(client, home_page)  # the site's own caches (chrome, site) fill here
    settings.MAILLAGE_HOME_CACHE_SECONDS = 60
    first_html, first = view(client, home_page)
    second_html, second = view(client, home_page)
    assert "Assemblée générale" in second_html and main_of(second_html) == main_of(first_html)
    assert second < first


def test_published_news_shows_at_once(client, home_page, news_index, settings):
    settings.MAILLAGE_HOME_CACHE_SECONDS = 60
    publish_news(news_index, "Assemblée générale")
    view(client, home_page)
    publish_news(news_index, "Rencontre régionale")
    html, _queries = view(client, home_page)
    assert "Rencontre régionale" in html


def test_unpublished_news_leaves_at_once(client, home_page, news_index, settings):
    settings.MAILLAGE_HOME_CACHE_SECONDS = 60
    news = publish_news(news_index, "Assemblée générale")
    assert "Assemblée générale" in view(client, home_page)[0]
    news.unpublish()
    assert "Assemblée générale" not in view(client, home_page)[0]


def test_signed_in_visitors_always_get_it_fresh(client, home_page, news_index, settings, django_user_model):
    settings.MAILLAGE_HOME_CACHE_SECONDS = 60
    publish_news(news_index, "Assemblée générale")
    client.force_login(django_user_model.objects.create_user("membre", password="x"))
    view(client, home_page)
    _html, first = view(client, home_page)
    _html, second = view(client, home_page)
    assert second == first


def test_zero_seconds_turns_it_off(client, home_page, news_index, settings):
    settings.MAILLAGE_HOME_CACHE_SECONDS = 0
    view(client, home_page)
    _html, first = view(client, home_page)
    _html, second = view(client, home_page)
    assert second == first
