"""The youth space inside the site: its pages in the site's layout, its
contributions to the home page and to site search through core's hooks,
trainings on its landing page through core's hook, its feeds, the closing
command and its demo content."""

import io
import json

import pytest
from django.core.management import call_command

from maillage_youth.models import Offer, SchemePage
from maillage_youth.models import Testimony as Story  # not a test class for pytest

pytestmark = pytest.mark.django_db


def test_youth_pages_render_in_the_site_layout(client, youth_space):
    offer = Offer.objects.get(title="Deux stages en agroécologie")
    story = Story.objects.get()
    for path in ("/espace-jeunes/", "/espace-jeunes/dispositifs/", "/espace-jeunes/dispositifs/?age=19&budget=0",
                 SchemePage.objects.get(slug="corps-europeen-de-solidarite").url, "/espace-jeunes/offres/",
                 f"/espace-jeunes/offres/{offer.slug}/", "/espace-jeunes/offres/deposer/",
                 "/espace-jeunes/temoignages/", f"/espace-jeunes/temoignages/{story.pk}/",
                 "/espace-jeunes/temoignages/temoigner/"):
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert 'class="skip-link"' in html and "site.css" in html, path  # the site's own base template
        assert "youth.css" in html, path


def test_the_espace_jeunes_is_in_the_site_menu(client, youth_space):
    youth_space.show_in_menus = True
    youth_space.save_revision().publish()
    html = client.get("/").content.decode()
    assert '<a href="/espace-jeunes/">Espace Jeunes</a>' in html


def test_home_page_shows_the_open_offers_figure_and_latest_offers(client, youth_space):
    html = client.get("/").content.decode()
    assert 'id="section-youth-offers"' in html and "Dernières offres pour les jeunes" in html
    assert "Deux stages en agroécologie" in html and "Chargée de projet eau potable" in html
    assert "Stage clos au Bénin" not in html and "Stage en relecture au Bénin" not in html
    assert "offres ouvertes aux jeunes" in html


def test_home_page_without_open_offers_leaves_the_section_out(client, youth_space):
    Offer.objects.update(live=False)
    response = client.get("/")
    assert response.status_code == 200
    assert 'id="section-youth-offers"' not in response.content.decode()


def test_the_landing_page_lists_upcoming_trainings_of_the_training_plugin(client, youth_space, training_session):
    html = client.get(youth_space.url).content.decode()
    assert "Prochaines formations" in html
    assert "Préparer son départ en volontariat" in html and "Lyon" in html


def test_the_landing_page_without_trainings_leaves_the_section_out(client, youth_space):
    html = client.get(youth_space.url).content.decode()
    assert "Corps européen de solidarité" in html and "Deux stages en agroécologie" in html
    assert "Prochaines formations" not in html


@pytest.mark.engine
def test_site_search_finds_open_offers_and_schemes_only(client, youth_space, search_engine):
    search_engine.index_all()
    html = client.get("/recherche/", {"q": "stage"}).content.decode()
    assert "Offres pour les jeunes" in html and "Deux stages en agroécologie" in html
    assert "Stage clos au Bénin" not in html and "Stage en relecture au Bénin" not in html
    html = client.get("/recherche/", {"q": "benin", "type": "offers"}).content.decode()
    assert "Deux stages en agroécologie" in html
    assert "Chargée de projet eau potable" not in html and "Stage clos" not in html
    html = client.get("/recherche/", {"q": "volontariat", "type": "schemes"}).content.decode()
    assert "Volontariat de solidarité internationale" in html


def test_the_json_feed_holds_open_offers_only(client, youth_space):
    response = client.get("/espace-jeunes/offres/json/")
    assert response.status_code == 200
    titles = {item["title"] for item in json.loads(response.content)["items"]}
    assert titles == {"Deux stages en agroécologie", "Chargée de projet eau potable"}


def test_the_closing_command_is_safe_to_run_twice(youth_space):
    out = io.StringIO()
    call_command("youth_close_offers", stdout=out)
    assert "1 offer(s) closed." in out.getvalue()
    closed = Offer.objects.get(title="Stage clos au Bénin")
    assert (closed.live, closed.expired) == (False, True)
    out = io.StringIO()
    call_command("youth_close_offers", stdout=out)
    assert "0 offer(s) closed." in out.getvalue()
    assert Offer.objects.filter(live=True).count() == 2


