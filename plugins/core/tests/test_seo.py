"""Search-engine and sharing metadata that every Maillage page carries."""

import json
from io import BytesIO

import pytest
from django.core.cache import cache
from django.core.files.images import ImageFile
from django.template import Context, Template
from django.test import RequestFactory
from PIL import Image as PILImage
from wagtail.images import get_image_model

from maillage_core.seo import json_ld, page_meta

pytestmark = pytest.mark.django_db


def render_meta(page, request):
    return Template("{% load maillage_seo %}{% seo_meta %}").render(Context({"page": page, "request": request}))


@pytest.fixture
def request_():
    request = RequestFactory().get("/")
    request.LANGUAGE_CODE = "fr"
    return request


@pytest.fixture
def image():
    # Renditions are cached by image id, which the next test's database reuses.
    cache.clear()
    buffer = BytesIO()
    PILImage.new("RGB", (1600, 1000), (20, 80, 160)).save(buffer, "PNG")
    return get_image_model().objects.create(
        title="bandeau.png",
        description="Réunion du groupe pays Sénégal",
        file=ImageFile(buffer, name="bandeau.png"),
    )


def test_published_page_has_canonical_link_and_open_graph(make_page, request_):
    page = make_page("Nos missions", search_description="Ce que fait le réseau.")
    html = render_meta(page, request_)
    url = "http://testserver" + page.url  # WAGTAILADMIN_BASE_URL: the Site is Wagtail's placeholder
    assert f'<link rel="canonical" href="{url}">' in html
    assert '<meta property="og:title" content="Nos missions">' in html
    assert f'<meta property="og:url" content="{url}">' in html
    assert '<meta name="description" content="Ce que fait le réseau.">' in html
    assert '<meta property="og:locale" content="fr_FR">' in html
    assert '<meta name="robots" content="index, follow">' in html
    assert '<meta name="twitter:card" content="summary">' in html


@pytest.mark.parametrize("hostname, port, base, canonical", [
    ("localhost", 80, "http://127.0.0.1:8000", "http://127.0.0.1:8000/nos-missions/"),  # the placeholder Site
    ("localhost", 80, "http://127.0.0.1:8000/", "http://127.0.0.1:8000/nos-missions/"),
    ("reseau.example.org", 8080, "http://127.0.0.1:8000", "http://reseau.example.org:8080/nos-missions/"),
    ("reseau.example.org", 443, "http://admin.example.org", "https://reseau.example.org/nos-missions/"),
    ("localhost", 80, "http://example.com", "http://127.0.0.1/nos-missions/"),  # both `wagtail start`'s placeholders
])
def test_canonical_and_shared_address_take_the_configured_base_with_its_port(
        make_page, settings, hostname, port, base, canonical):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = hostname, port
    site.save()  # and Wagtail forgets the sites it had read
    settings.WAGTAILADMIN_BASE_URL = base
    page = make_page("Nos missions")
    request = RequestFactory().get(page.url, HTTP_HOST="127.0.0.1")  # a host without the port
    html = render_meta(page, request)
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert f'<meta property="og:url" content="{canonical}">' in html


def test_page_hidden_from_search_engines_says_noindex(make_page, request_):
    page = make_page("Page de test", hide_from_sitemap=True)
    assert '<meta name="robots" content="noindex, follow">' in render_meta(page, request_)


def test_social_image_is_an_absolute_1200_by_630_rendition_with_its_description(make_page, request_, image):
    page = make_page("Rencontre régionale", social_image=image)
    meta = page_meta(page, request_)
    assert meta.image_url.startswith("http://testserver/")
    assert (meta.image_width, meta.image_height) == (1200, 630)
    assert meta.image_alt == "Réunion du groupe pays Sénégal"
    html = render_meta(page, request_)
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert f'<meta property="og:image" content="{meta.image_url}">' in html


def test_missing_image_file_leaves_the_page_without_sharing_image(make_page, request_, image):
    page = make_page("Image perdue", social_image=image)
    image.file.storage.delete(image.file.name)
    page = type(page).objects.get(pk=page.pk)
    meta = page_meta(page, request_)
    assert not meta.image_url and meta.title == "Image perdue"


def test_unsaved_page_in_preview_has_no_canonical_and_no_error(mixin_page_model, request_):
    page = mixin_page_model(title="Brouillon jamais enregistré")
    meta = page_meta(page, request_)
    assert meta.canonical_url == "" and meta.title == "Brouillon jamais enregistré"


def test_plain_wagtail_page_gets_description_and_canonical(root_page, request_):
    from wagtail.models import Page

    page = root_page.add_child(instance=Page(title="Page simple", search_description="Une page sans mixin."))
    meta = page_meta(page, request_)
    assert meta.description == "Une page sans mixin."
    assert meta.canonical_url == "http://testserver" + page.url


def test_json_ld_cannot_close_its_script_element():
    data = {"@type": "Organization", "name": "</script><script>alert(1)</script> & co"}
    text = str(json_ld(data))
    assert "</script>" not in text and "<" not in text
    assert json.loads(text) == data


def test_structured_data_and_extra_open_graph_come_from_the_page(make_page, request_, monkeypatch):
    page = make_page("Article daté")
    monkeypatch.setattr(page, "get_structured_data", lambda request=None: [{"@type": "NewsArticle", "headline": "A"}])
    monkeypatch.setattr(page, "get_open_graph", lambda request=None: [("article:published_time", "2026-03-01")])
    html = render_meta(page, request_)
    assert '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "A"}</script>' in html
    assert '<meta property="article:published_time" content="2026-03-01">' in html


def test_no_page_in_context_renders_only_the_locale(request_):
    html = Template("{% load maillage_seo %}{% seo_meta %}").render(Context({"request": request_}))
    assert "canonical" not in html and "og:title" not in html


@pytest.mark.parametrize(
    "query, robots",
    [
        ("", "index, follow"),
        ("?secteur=eau", "noindex, follow"),
        ("?q=sante&page=2", "noindex, follow"),
        ("?page=2", "noindex, follow"),
        ("?page=1", "index, follow"),  # the plain listing's first page
        ("?secteur=&q=+", "index, follow"),  # empty filters: the plain listing
        ("?utm_source=lettre", "index, follow"),  # not one of the listing's parameters
    ],
)
def test_a_filtered_searched_or_further_page_of_a_listing_is_not_indexed(make_page, monkeypatch, query, robots):
    page = make_page("Annuaire des ressources")
    monkeypatch.setattr(type(page), "listing_parameters", ("q", "secteur", "page"), raising=False)
    request = RequestFactory().get("/" + query)
    request.LANGUAGE_CODE = "fr"
    assert f'<meta name="robots" content="{robots}">' in render_meta(page, request)


@pytest.mark.parametrize(
    "routes_are_pages, routed, canonical",
    [
        (True, True, "http://testserver/nos-missions/calendrier/"),  # a route is a page of its own
        (True, False, "the page's"),
        (False, True, "the page's"),  # the page's routes all say the page
    ],
)
def test_a_routable_pages_routes_may_each_be_canonical_at_their_path(
    make_page, monkeypatch, routes_are_pages, routed, canonical
):
    page = make_page("Nos missions", slug="nos-missions")
    monkeypatch.setattr(type(page), "routes_are_pages", routes_are_pages, raising=False)
    request = RequestFactory().get("/nos-missions/calendrier/?mois=2031-05")
    request.LANGUAGE_CODE = "fr"
    if routed:
        request.routable_resolver_match = object()
    if canonical == "the page's":
        canonical = "http://testserver" + page.url
    assert f'<link rel="canonical" href="{canonical}">' in render_meta(page, request)
