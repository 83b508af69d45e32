import pytest
from django.urls import reverse

from home.models import ContentPage, HomePage

pytestmark = pytest.mark.django_db


def test_home_page_renders_title_and_skip_link(client, home_page):
    response = client.get(home_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{home_page.title}</h1>" in html
    assert 'href="#main"' in html and 'id="main"' in html
    assert '<html lang="fr">' in html


def test_content_page_renders_intro(client, make_page):
    page = make_page("Présentation du réseau", intro="Un réseau régional multi-acteurs.")
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Un réseau régional multi-acteurs." in response.content.decode()


def test_menu_lists_pages_shown_in_menus_only(client, home_page, make_page):
    make_page("Le réseau", show_in_menus=True)
    make_page("Page cachée", show_in_menus=False)
    html = client.get(home_page.url).content.decode()
    assert ">Le réseau</a>" in html
    assert "Page cachée" not in html


def test_unknown_path_gives_the_site_404_page(client, home_page):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_500_page_renders_without_any_context():
    from django.template import engines

    html = engines["django"].get_template("500.html").render({})
    assert "Une erreur est survenue" in html


def test_english_interface_is_a_choice_not_the_browser_default(client, home_page):
    french = client.get(home_page.url, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="fr">' in french.content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    english = client.get(home_page.url)
    html = english.content.decode()
    assert '<html lang="en">' in html
    assert '<main id="main" tabindex="-1">' in html  # the interface around the content is English
    assert '<h1 lang="fr">Accueil</h1>' in html  # the content stays French, and says so


def test_officer_creates_content_page_through_admin_form(admin_client, home_page):
    url = reverse("wagtailadmin_pages:add", args=("home", "contentpage", home_page.pk))
    form = admin_client.get(url)
    assert form.status_code == 200
    response = admin_client.post(
        url,
        {
            "title": "Nos services",
            "slug": "nos-services",
            "intro": "Accompagner les porteurs de projets.",
            "body-count": "0",
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = ContentPage.objects.get(slug="nos-services")
    assert page.live and page.get_parent().specific == home_page
    assert isinstance(home_page, HomePage)
