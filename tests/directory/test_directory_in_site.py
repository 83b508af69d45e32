"""The directory plugin inside the site: its page in the tree, actors in
site search, figures on the home page, and the demo loader."""

import pytest
from django.urls import reverse

from maillage_core.data.seed import ensure_vocabulary
from maillage_directory.models import DirectoryPage
from maillage_directory.testing import make_actor

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(home_page):
    ensure_vocabulary()
    page = home_page.add_child(instance=DirectoryPage(title="Annuaire des acteurs", slug="annuaire"))
    page.save_revision().publish()
    make_actor("Bioforce", acronym="BF", countries=["SN"], sectors=["sante"], department="69", city="Vénissieux")
    make_actor("Santé Sud", countries=["ML"], sectors=["sante"], department="38")
    make_actor("Brouillon caché", live=False, countries=["SN"])
    return page


def test_the_directory_page_lives_in_the_site_layout(client, directory, search_engine):
    search_engine.index_all()  # the filtered listing asks the engine, which must have seen the actors
    response = client.get("/annuaire/", {"pays": "SN"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="site-header' in html  # the site's own header around the plugin
    assert "Bioforce" in html and "Santé Sud" not in html and "Brouillon caché" not in html
    # Each card says what its lists are, in words a sighted visitor reads too.
    assert '<span class="card-label">Secteurs :</span> Santé' in html
    assert '<span class="card-label">Pays d’intervention :</span> Sénégal' in html


def test_the_actor_page_lives_in_the_site_layout(client, directory):
    html = client.get("/annuaire/bioforce/").content.decode()
    assert 'class="site-header' in html and "Vénissieux" in html


def test_site_search_includes_published_actors(client, directory, search_engine):
    search_engine.index_all()  # the engine fixture emptied the index after the actors were saved
    html = client.get(reverse("search"), {"q": "bioforc"}).content.decode()
    assert 'href="/annuaire/bioforce/"' in html
    html = client.get(reverse("search"), {"q": "brouillon", "type": "actors"}).content.decode()
    assert "Brouillon caché" not in html


def test_home_page_shows_the_directory_figures(client, directory):
    html = client.get("/").content.decode()
    assert "acteurs dans l’annuaire" in html and "<strong>2</strong>" in html




def breadcrumb(html):
    """(label, [(href or None, text)]) of the page's one breadcrumb."""
    import re

    [(label, items)] = re.findall(r'<nav class="breadcrumbs" aria-label="([^"]+)">(.*?)</nav>', html, re.S)
    steps = [(href or None, text) for href, text in
             re.findall(r'<li>(?:<a href="([^"]+)">|<span aria-current="page">)(.*?)</(?:a|span)></li>', items)]
    return label, steps


@pytest.mark.parametrize("path, steps", [
    ("/annuaire/", [("/", "Accueil"), (None, "Annuaire des acteurs")]),
    ("/annuaire/bioforce/", [("/", "Accueil"), ("/annuaire/", "Annuaire des acteurs"), (None, "Bioforce")]),
    ("/annuaire/proposer/", [("/", "Accueil"), ("/annuaire/", "Annuaire des acteurs"), (None, "Proposer une organisation")]),
])
def test_every_breadcrumb_starts_at_home_and_reads_alike(client, directory, path, steps):
    assert breadcrumb(client.get(path).content.decode()) == ("Fil d’Ariane", steps)


@pytest.mark.parametrize("language, map_name, lang_marks", [
    ("fr", "Carte des pays d’intervention", 0),  # the page is French: nothing to mark
    ("en", "Map of the countries of intervention", 1),  # only the actor's own description is French
])
def test_the_interface_speaks_the_pages_language_and_only_the_content_is_marked_french(
        client, directory, search_engine, language, map_name, lang_marks):
    from maillage_directory.models import Actor

    search_engine.index_all()
    Actor.objects.filter(slug="bioforce").update(description="<p>Formation aux métiers de l’humanitaire.</p>")
    client.cookies["django_language"] = language
    listing = client.get("/annuaire/").content.decode()
    assert f'<html lang="{language}">' in listing and '<main id="main" tabindex="-1">' in listing
    assert f'role="group" aria-label="{map_name}"' in listing
    actor = client.get("/annuaire/bioforce/").content.decode().split("<main", 1)[1].split("</main>")[0]
    assert actor.count(' lang="fr"') == lang_marks
    if lang_marks:
        assert '<div class="actor-description" lang="fr"><p>Formation aux métiers' in actor
