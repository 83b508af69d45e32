"""The working groups plugin inside the site: its pages in the site's
layout, its account URLs, site search on the engine, in the database and
during an outage, the sitemaps, documents, and the demo loader."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from maillage_core.data.seed import ensure_vocabulary
from maillage_core.search import circuit
from maillage_groups.models import GroupIndexPage
from maillage_groups.testing import attach, join, make_document, make_group, make_meeting, make_minutes, make_person

pytestmark = pytest.mark.django_db
DATABASE_SEARCH = {"default": {"BACKEND": "wagtail.search.backends.database"}}


@pytest.fixture
def space(home_page):
    ensure_vocabulary()
    index = home_page.add_child(instance=GroupIndexPage(title="Groupes de travail", slug="groupes-de-travail"))
    index.save_revision().publish()
    group = make_group(index, "Groupe pays Burkina Faso", countries=["BF"])
    public = make_meeting(group, "Réunion ouverte Ouagadougou", days=-20)
    public_minutes = make_minutes(public, "Compte rendu public Banfora")
    private = make_meeting(group, "Réunion réservée Kaya", days=-10, members_only=True)
    private_minutes = make_minutes(private, "Compte rendu réservé Koudougou", members_only=True)
    member = make_person("awa@exemple.org")
    join(member, group)
    return {"index": index, "group": group, "public": public, "public_minutes": public_minutes,
            "private": private, "private_minutes": private_minutes, "member": member}


def search_page(client, query):
    response = client.get(reverse("search"), {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_group_pages_and_account_pages_live_in_the_site_layout(client, space):
    for url in (space["index"].url, space["group"].url, space["public"].url, space["public_minutes"].url,
                reverse("maillage_groups:login"), reverse("maillage_groups:signup")):
        response = client.get(url)
        assert response.status_code == 200 and 'class="site-header' in response.content.decode(), url


def test_members_only_pages_send_anonymous_visitors_to_the_groups_sign_in(client, space):
    response = client.get(space["private"].url)
    assert response.status_code == 302 and response["Location"].startswith("/compte/connexion/?next=")


@pytest.mark.engine
def test_site_search_finds_members_only_minutes_for_members_only(client, space, search_engine):
    search_engine.index_all()
    assert "Compte rendu public Banfora" in search_page(client, "Banfora")
    assert "Compte rendu réservé Koudougou" not in search_page(client, "Koudougou")
    assert "Réunion réservée Kaya" not in search_page(client, "Kaya")
    client.force_login(space["member"])
    html = search_page(client, "Koudougou")
    # Once, as a working group's page: the pages' kind leaves out what another kind finds.
    assert html.count("Compte rendu réservé Koudougou") == 1
    assert 'Groupes de travail <span class="result-meta">(1)</span>' in html


def test_during_an_outage_site_search_keeps_them_private(client, space):
    circuit.trip()
    assert "Compte rendu public Banfora" in search_page(client, "Banfora")
    assert "Compte rendu réservé Koudougou" not in search_page(client, "Koudougou")
    assert "Réunion réservée Kaya" not in search_page(client, "Kaya")


def test_without_an_engine_site_search_keeps_them_private(client, settings, home_page):
    settings.WAGTAILSEARCH_BACKENDS = DATABASE_SEARCH
    index = home_page.add_child(instance=GroupIndexPage(title="Groupes", slug="groupes"))
    group = make_group(index, "Groupe pays Mali")
    make_minutes(make_meeting(group, "Réunion ouverte Kayes", days=-9), "Compte rendu public Kayes")
    make_minutes(make_meeting(group, "Réunion Sikasso", days=-5), "Compte rendu réservé Sikasso", members_only=True)
    assert "Compte rendu public Kayes" in search_page(client, "Kayes")
    assert "Compte rendu réservé Sikasso" not in search_page(client, "Sikasso")


def test_sitemaps_leave_members_only_pages_out(client, space):
    xml = client.get("/sitemap.xml").content.decode()
    assert space["public"].full_url in xml and space["public_minutes"].full_url in xml
    assert space["private"].url not in xml and space["private_minutes"].url not in xml
    from home.site_map import page_tree

    request = RequestFactory().get("/")
    tree = page_tree(request)
    titles = {node.title for node in tree.children for node in [node, *node.children]}
    assert "Groupe pays Burkina Faso" in titles and "Réunion ouverte Ouagadougou" not in titles


def test_members_only_documents_are_served_to_members_only_and_never_as_media(client, space, settings):
    document = make_document(space["group"], "Contacts réservés", members_only=True)
    attach(space["private"], document)
    assert client.get(document.url).status_code == 302
    assert client.get(settings.MEDIA_URL + document.file.name).status_code == 404
    client.force_login(space["member"])
    assert client.get(document.url).status_code == 200


def test_in_development_media_are_served_but_documents_only_through_their_checked_view(
    client, space, settings, tmp_path, debug_urls
):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "logo.txt").write_text("logo")
    assert client.get(settings.MEDIA_URL + "images/logo.txt").status_code == 200
    document = make_document(space["group"], "Contacts réservés", members_only=True)
    assert (tmp_path / document.file.name).exists()
    assert client.get(settings.MEDIA_URL + document.file.name).status_code == 404
    assert client.get(document.url).status_code == 302  # to the members' sign-in


def test_the_home_page_lists_the_next_meetings_each_visitor_may_see(client, space):
    make_meeting(space["group"], "Réunion ouverte de Bobo-Dioulasso", days=6)
    make_meeting(space["group"], "Réunion réservée de Dori", days=5, members_only=True)
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200 and 'class="home-section home-section--groups"' in html
    assert "Réunion ouverte de Bobo-Dioulasso" in html and "Réunion réservée de Dori" not in html
    client.force_login(space["member"])
    html = client.get("/").content.decode()
    assert "Réunion ouverte de Bobo-Dioulasso" in html and "Réunion réservée de Dori" in html
