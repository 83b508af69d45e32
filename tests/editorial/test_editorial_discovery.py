"""Feeds, sitemap.xml and robots.txt: what machines read of the site."""

import feedparser
import pytest
from wagtail.models import PageViewRestriction

from home.models import ContentPage, NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_index(demo):
    return NewsIndexPage.objects.get()


@pytest.mark.parametrize("route, version", [("rss/", "rss20"), ("atom/", "atom10")])
def test_feeds_parse_and_list_only_published_public_news(client, news_index, route, version):
    newest = list(NewsPage.objects.live().order_by("-date", "-pk"))
    draft, private = newest[0], newest[1]
    draft.unpublish()
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret")
    response = client.get(news_index.url + route)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == version
    titles = [entry.title for entry in feed.entries]
    assert draft.title not in titles and private.title not in titles
    assert titles == [page.title for page in newest[2:]]
    first = feed.entries[0]
    assert first.link == newest[2].get_full_url()
    assert first.summary == newest[2].intro
    assert {tag.term for tag in first.tags} >= {c.name for c in newest[2].categories.all()}


def test_feed_of_a_private_news_index_is_not_served_to_visitors(client, news_index):
    PageViewRestriction.objects.create(page=news_index, restriction_type="login")
    response = client.get(news_index.url + "rss/")
    assert response.status_code == 302 and "login" in response["Location"]


def test_sitemap_lists_public_pages_but_not_hidden_or_private_ones(client, demo):
    hidden = ContentPage.objects.get(slug="mentions-legales")
    hidden.hide_from_sitemap = True
    hidden.save_revision().publish()
    private = ContentPage.objects.get(slug="equipe")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    draft = NewsPage.objects.live().first()
    draft.unpublish()
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://localhost/le-reseau/</loc>" in xml
    assert "<loc>http://localhost/actualites/</loc>" in xml
    for page in (hidden, private, draft):
        assert f"<loc>{page.get_full_url()}</loc>" not in xml
    page_html = client.get(hidden.url).content.decode()
    assert '<meta name="robots" content="noindex, follow">' in page_html


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client, home_page):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines and "Disallow: /recherche/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
