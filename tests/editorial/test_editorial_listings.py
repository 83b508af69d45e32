"""The news, La Lettre and resource listings: validated filters, pagination,
constant queries."""

import datetime

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import (
    NewsCategory,
    NewsIndexPage,
    NewsletterIndexPage,
    NewsletterIssuePage,
    NewsPage,
    ResourceIndexPage,
)

pytestmark = pytest.mark.django_db

JUNK = [
    "",
    "abc",
    "<script>alert(1)</script>",
    "%00",
    "\x00\x01",
    "9" * 500,
    "-1",
    "0",
    "1e9",
    "2026-01",
    "😀",
    "ﬁnancements",
    "' OR 1=1 --",
    "../../etc/passwd",
]


@pytest.fixture
def news_index(demo):
    return NewsIndexPage.objects.get()


@pytest.mark.parametrize("name", ["category", "tag", "year", "page"])
@pytest.mark.parametrize("value", JUNK, ids=range(len(JUNK)))
def test_junk_filter_values_give_the_listing_never_an_error(client, news_index, name, value):
    response = client.get(news_index.url, {name: value})
    assert response.status_code == 200
    assert "<h1>Actualités</h1>" in response.content.decode()


@pytest.mark.parametrize("path", ["la-lettre", "ressources"])
@pytest.mark.parametrize("name", ["kind", "sector", "page"])
def test_junk_values_on_the_other_listings_give_a_page(client, demo, path, name):
    for value in JUNK:
        response = client.get(f"/{path}/", {name: value})
        assert response.status_code == 200, (name, value)


def test_repeated_and_combined_junk_parameters_give_a_page(client, news_index):
    response = client.get(news_index.url + "?category=a&category=b&year=2026&year=x&tag=&page=2&page=y&unknown=1")
    assert response.status_code == 200


def test_unknown_category_is_dropped_with_a_message(client, news_index):
    response = client.get(news_index.url, {"category": "n-existe-pas"})
    html = response.content.decode()
    assert "Aucune actualité dans la catégorie « n-existe-pas » ; voici toutes les catégories." in html
    assert "20 actualités" in html


def test_category_tag_and_year_filters_narrow_the_listing(client, news_index):
    funding = NewsCategory.objects.get(slug="financements")
    expected = NewsPage.objects.live().filter(categories=funding).count()
    html = client.get(news_index.url, {"category": "financements"}).content.decode()
    assert f"{expected} actualité" in html
    assert '<meta name="robots" content="noindex, follow">' in html
    senegal = NewsPage.objects.live().filter(tags__name="Sénégal")
    html = client.get(news_index.url, {"tag": senegal[0].tags.get(name="Sénégal").slug}).content.decode()
    assert all(page.title in html for page in senegal) and senegal.exists()
    year = NewsPage.objects.live().order_by("-date").first().date.year
    count = NewsPage.objects.live().filter(date__year=year).count()
    assert f"{count} actualité" in client.get(news_index.url, {"year": str(year)}).content.decode()


def test_listing_pages_through_news_newest_first(client, news_index):
    first = client.get(news_index.url).content.decode()
    second = client.get(news_index.url, {"page": "2"}).content.decode()
    newest = NewsPage.objects.live().order_by("-date")
    assert newest[0].title in first and newest[10].title not in first
    assert newest[10].title in second
    assert "Page 2 sur 2" in second
    assert f'<link rel="canonical" href="{settings.WAGTAILADMIN_BASE_URL}/actualites/?page=2">' in second
    far = client.get(news_index.url, {"page": "99"}).content.decode()
    assert "Il n’y a pas de page 99" in far


def test_drafts_and_private_news_stay_out_of_the_listing(client, news_index):
    from wagtail.models import PageViewRestriction

    draft, private = NewsPage.objects.live().order_by("-date")[:2]
    draft.unpublish()
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    html = client.get(news_index.url).content.decode()
    assert draft.title not in html and private.title not in html
    assert "18 actualités" in html


def add_news(index, count, start=0):
    from wagtail.images import get_image_model

    category = NewsCategory.objects.first()
    image = get_image_model().objects.first()  # every card with an image: the worst case
    for number in range(start, start + count):
        page = NewsPage(
            title=f"Actualité supplémentaire {number}", intro="Résumé.", slug=f"supp-{number}", listing_image=image
        )
        page.categories = [category]
        page.tags.add("supplément", f"mot-{number}")
        index.add_child(instance=page)
        page.save_revision().publish()


def queries_for(client, url):
    client.get(url)  # warm caches (site root paths, renditions)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("query", ["", "?category=vie-du-reseau", "?tag=supplement&page=2"])
def test_news_index_queries_do_not_grow_with_the_news(client, news_index, query):
    add_news(news_index, 5)
    url = news_index.url + query
    few = queries_for(client, url)
    add_news(news_index, 30, start=5)
    many = queries_for(client, url)
    assert few == many, f"{few} queries with 25 news items, {many} with 55"
    assert many == 0  # the listing is kept under the content version


def test_newsletter_and_resource_listings_queries_are_pinned(client, demo):
    for model, pinned in ((NewsletterIndexPage, 0), (ResourceIndexPage, 30)):
        url = model.objects.get().url
        assert queries_for(client, url) <= pinned, model


def add_issues(index, count, start):
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    cover, pdf = get_image_model().objects.first(), get_document_model().objects.first()
    for number in range(start, start + count):  # every card with a cover and a PDF: the worst case
        issue = NewsletterIssuePage(title=f"La Lettre n° {number}", slug=f"lettre-{number}", number=number,
                                    issue_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=number),
                                    summary="Résumé.", cover_image=cover, pdf=pdf)
        index.add_child(instance=issue)
        issue.save_revision().publish()


def test_newsletter_index_queries_do_not_grow_with_the_issues(client, demo):
    index = NewsletterIndexPage.objects.get()
    add_issues(index, 2, start=100)
    few = queries_for(client, index.url)
    add_issues(index, 20, start=200)
    many = queries_for(client, index.url)
    assert few == many, f"{few} queries with 10 issues, {many} with 30"


def test_home_page_queries_do_not_grow_with_the_news(client, news_index):
    home = news_index.get_parent()
    few = queries_for(client, home.url)
    add_news(news_index, 30)
    assert queries_for(client, home.url) == few


@pytest.mark.parametrize("change", ["publish", "retitle", "unpublish", "category renamed"])
def test_the_kept_news_cards_follow_a_change_at_once(client, news_index, change):
    newest = NewsPage.objects.live().order_by("-date", "-pk").first()
    category = newest.categories.first()
    for _ in range(2):
        html = client.get(news_index.url).content.decode()
    assert newest.title in html and "20 actualités" in html
    if change == "publish":
        add_news(news_index, 1)
        expected, count = "Actualité supplémentaire 0", "21 actualités"
    elif change == "retitle":
        newest.title = "Un titre tout neuf"
        newest.save_revision().publish()
        expected, count = "Un titre tout neuf", "20 actualités"
    elif change == "unpublish":
        newest.unpublish()
        expected, count = None, "19 actualités"
    else:
        category.name = "Une rubrique renommée"
        category.save()
        expected, count = "· Une rubrique renommée</p>", "20 actualités"
    html = client.get(news_index.url).content.decode()
    assert count in html, change
    if expected:
        assert expected in html, change
    else:
        assert f">{newest.title}</a>" not in html


@pytest.mark.parametrize("change", ["retitle", "unpublish"])
def test_the_kept_issue_cards_follow_a_change_at_once(client, demo, change):
    index = NewsletterIndexPage.objects.get()
    first = NewsletterIssuePage.objects.listed_in(index).first()
    for _ in range(2):
        assert f">{first.title}</a>" in client.get(index.url).content.decode()
    if change == "retitle":
        first.title = "La Lettre renommée"
        first.save_revision().publish()
    else:
        first.unpublish()
    html = client.get(index.url).content.decode()
    assert f">{first.title}</a>" not in html or change == "retitle"
    assert ("La Lettre renommée" in html) == (change == "retitle")


@pytest.mark.parametrize("change", ["category renamed", "tag added"])
def test_a_news_items_kept_classification_follows_a_change_at_once(client, news_index, change):
    item = NewsPage.objects.live().filter(categories__isnull=False).order_by("pk").first()
    for _ in range(2):
        html = client.get(item.url).content.decode()
    assert "Une rubrique renommée" not in html and "mot-tout-neuf" not in html
    if change == "category renamed":
        category = item.categories.first()
        category.name = "Une rubrique renommée"
        category.save()
        expected = ['<meta property="article:section" content="Une rubrique renommée">', ">Une rubrique renommée</a>"]
    else:
        item = item.specific
        item.tags.add("mot-tout-neuf")
        item.save_revision().publish()
        expected = ['<meta property="article:tag" content="mot-tout-neuf">', ">mot-tout-neuf</a>"]
    html = client.get(item.url).content.decode()
    for text in expected:
        assert text in html, change
