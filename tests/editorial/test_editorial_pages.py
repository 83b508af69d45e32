"""Every page type of the demo renders, with its breadcrumbs, footer and SEO."""

import json
import re

import pytest
from django.conf import settings

from home.models import (
    AccessibilityStatementPage,
    ContactPage,
    ContentPage,
    HomePage,
    NewsIndexPage,
    NewsletterIndexPage,
    NewsletterIssuePage,
    NewsPage,
    ResourceIndexPage,
    ResourcePage,
    SiteMapPage,
)

pytestmark = pytest.mark.django_db

PAGE_MODELS = [
    HomePage,
    ContentPage,
    NewsIndexPage,
    NewsPage,
    NewsletterIndexPage,
    NewsletterIssuePage,
    ResourceIndexPage,
    ResourcePage,
    ContactPage,
    AccessibilityStatementPage,
    SiteMapPage,
]


def json_ld(html):
    return [json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)]


@pytest.mark.parametrize("model", PAGE_MODELS, ids=lambda model: model.__name__)
def test_each_page_type_of_the_demo_renders(client, page_of, model):
    page = page_of(model)
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{page.title}</h1>" in html or f">{page.title}</h1>" in html
    assert f'<link rel="canonical" href="{settings.WAGTAILADMIN_BASE_URL}{page.url}' in html  # port included
    assert "Accessibilité : partiellement conforme" in html  # RGAA: status in every footer
    if model is not HomePage:
        assert 'aria-label="Fil d’Ariane"' in html and '<span aria-current="page">' in html


def test_home_page_shows_latest_news_latest_issue_and_organization_data(client, demo):
    html = client.get(demo.url).content.decode()
    latest = NewsPage.objects.live().order_by("-date").first()
    assert latest.title in html
    assert "La Lettre n° 48" in html
    organization = next(data for data in json_ld(html) if data["@type"] == "Organization")
    assert organization["name"].startswith("Maillage")
    assert organization["address"]["addressLocality"] == "Lyon"
    assert organization["logo"].startswith("http://testserver/")
    assert 'type="application/rss+xml"' in html


def test_news_page_has_news_article_data_and_open_graph_article(client, page_of):
    page = page_of(NewsPage)
    html = client.get(page.url).content.decode()
    article = next(data for data in json_ld(html) if data["@type"] == "NewsArticle")
    assert article["headline"] == page.title
    assert article["datePublished"].startswith(str(page.date))
    assert article["publisher"]["name"].startswith("Maillage")
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="article:published_time"' in html


def test_content_page_blocks_render_accessible_markup(client, demo):
    services = ContentPage.objects.get(slug="nos-services")
    html = client.get(services.url).content.decode()
    assert "<caption>Permanences d’accompagnement</caption>" in html
    assert '<th scope="col">Département</th>' in html
    assert '<details class="accordion__item">' in html and "<summary>Formations</summary>" in html
    team = ContentPage.objects.get(slug="equipe")
    assert "Chargée de communication" in client.get(team.url).content.decode()
    members = client.get(ContentPage.objects.get(slug="membres-fondateurs").url).content.decode()
    assert 'alt="Conseil régional"' in members


def test_documents_are_linked_with_their_format_and_size(client, page_of):
    issue = NewsletterIssuePage.objects.live().order_by("-number").first()
    html = client.get(issue.url).content.decode()
    assert re.search(
        r"Télécharger La Lettre n° 48 <span class=\"document-link__meta\">\(PDF, [\d,]+\s?Kio?\)</span>", html
    )


def test_site_map_lists_sections_but_not_each_news_item(client, page_of):
    html = client.get(page_of(SiteMapPage).url).content.decode()
    for title in ("Le réseau", "L’équipe", "Actualités", "La Lettre", "Ressources", "Mentions légales"):
        assert f">{title}</a>" in html
    assert NewsPage.objects.live().first().title not in html


def test_accessibility_statement_follows_the_rgaa_structure(client, page_of):
    html = client.get(page_of(AccessibilityStatementPage).url).content.decode()
    headings = re.findall(r"<h2>(.*?)</h2>", html)
    assert headings[:6] == [
        "État de conformité",
        "Résultats des tests",
        "Contenus non accessibles",
        "Établissement de cette déclaration d’accessibilité",
        "Retour d’information et contact",
        "Voies de recours",
    ]
    assert "<strong>partiellement conforme</strong>" in html
    assert "82,5 % des critères" in html or "82.5 % des critères" in html
    assert "Défenseur des droits" in html


def test_footer_links_only_published_legal_pages(client, demo):
    legal = ContentPage.objects.get(slug="mentions-legales")
    assert ">Mentions légales</a>" in client.get(demo.url).content.decode()
    legal.unpublish()
    assert ">Mentions légales</a>" not in client.get(demo.url).content.decode()


def test_english_interface_translates_the_footer_not_the_content(client, demo):
    client.cookies["django_language"] = "en"
    html = client.get(demo.url).content.decode()
    assert "Accessibility: partially compliant" in html
    assert "Réseau régional de coopération internationale" in html


def test_every_image_of_the_demo_pages_says_its_size(client, demo):
    # The browser reserves the room before the file arrives: no jump while reading.
    pages = [page for model in PAGE_MODELS for page in model.objects.live().order_by("path")[:3]]
    images = {page.url: re.findall(r"<img [^>]*>", client.get(page.url).content.decode()) for page in pages}
    assert sum(len(found) for found in images.values()) >= 5  # hero, news, cover, people, figures
    unsized = {url: tag for url, found in images.items() for tag in found
               if not re.search(r' width="\d+"', tag) or not re.search(r' height="\d+"', tag)}
    assert not unsized, unsized


def srcset_widths(tag):
    return sorted(int(width) for width in re.findall(r" (\d+)w", re.search(r'srcset="([^"]*)"', tag).group(1)))


def test_the_hero_offers_small_files_to_small_screens_and_loads_first(client, demo):
    html = client.get(demo.url).content.decode()
    hero = re.search(r'<picture>.*?<img [^>]*class="hero__image"[^>]*>', html, re.S).group(0)
    img = re.search(r"<img [^>]*>", hero).group(0)
    assert srcset_widths(img)[0] <= 800 and srcset_widths(img)[-1] >= 1200 and 'sizes="100vw"' in img
    assert 'type="image/webp"' in hero  # WebP first, the JPEG kept for the rest
    assert 'loading="lazy"' not in img  # above the fold
    cover = re.search(r'<img [^>]*card__image--natural[^>]*>', html).group(0)
    assert 'loading="lazy"' in cover and 'width="300"' in cover and srcset_widths(cover)[0] == 300


@pytest.mark.parametrize("language", ["fr", "en"])
def test_only_the_editors_french_words_are_marked_french_on_an_english_page(client, demo, language):
    page = ContentPage.objects.live().exclude(intro="").order_by("path").first()
    client.cookies["django_language"] = language
    html = client.get(page.url).content.decode()
    main = html.split("<main", 1)[1].split("</main>")[0]
    assert f'<html lang="{language}">' in html and main.startswith(' id="main" tabindex="-1">')
    marked = re.findall(r'<(\w+)[^>]* lang="fr"', main)
    assert marked == ([] if language == "fr" else ["h1", "p", "div"])  # title, introduction, body
    assert ('aria-label="Breadcrumb"' if language == "en" else 'aria-label="Fil d’Ariane"') in main
