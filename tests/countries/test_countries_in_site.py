"""Country pages inside the site, with every plugin installed: each plugin's
section (funding calls, and the site's news and resources) on /pays/senegal/ and its column in the index, at a cost that does
not grow with the data; and a site whose only contributing plugin is the
directory (the other plugins' hooks set aside)."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail import hooks

from maillage_core import hooks as maillage_hooks
from maillage_core.data.seed import ensure_vocabulary
from maillage_core.testing.tree import publish_child

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home_page):
    from home.models import NewsIndexPage, ResourceIndexPage
    from maillage_countries.models import CountryIndexPage
    from maillage_directory.models import DirectoryPage
    from maillage_funding.models import Funder, FundingSearchPage
    from maillage_groups.models import GroupIndexPage
    from maillage_training.models import TrainingIndexPage
    from maillage_youth.models import OfferBoardPage, YouthSpacePage

    ensure_vocabulary()
    space = publish_child(home_page, YouthSpacePage(title="Espace Jeunes", slug="espace-jeunes"))
    return {
        "countries": publish_child(home_page, CountryIndexPage(title="Zooms pays", slug="pays")),
        "directory": publish_child(home_page, DirectoryPage(title="Annuaire", slug="annuaire")),
        "groups": publish_child(home_page, GroupIndexPage(title="Groupes", slug="groupes")),
        "programme": publish_child(home_page, TrainingIndexPage(title="Formations", slug="formations",
                                                                data_policy="<p>Politique.</p>")),
        "board": publish_child(space, OfferBoardPage(title="Offres", slug="offres")),
        "news": publish_child(home_page, NewsIndexPage(title="Actualités", slug="actualites")),
        "resources": publish_child(home_page, ResourceIndexPage(title="Ressources", slug="ressources")),
        "funding": publish_child(home_page, FundingSearchPage(title="Financements", slug="financements")),
        "funder": Funder.objects.create(name="Agence française de développement", kind="agency"),
    }


def add_senegal_content(world, n):
    """One more of everything about Senegal, in each plugin."""
    from home.models import NewsPage, ResourcePage
    from maillage_directory.testing import make_actor
    from maillage_funding.models import FundingCall
    from maillage_groups.testing import make_group, make_meeting, make_minutes
    from maillage_training.models import TrainingPage, TrainingSession
    from maillage_youth.models import Offer

    make_actor(f"Acteur {n}", countries=["SN", "ML"], type="association")
    group = make_group(world["groups"], f"Groupe Sénégal {n}", countries=["SN"])
    make_minutes(make_meeting(group, f"Réunion {n}", days=-7))
    make_meeting(group, f"Prochaine {n}", days=7)
    training = publish_child(world["programme"], TrainingPage(title=f"Partir au Sénégal {n}", summary="Résumé.",
                                                              countries=["SN"]))
    start = timezone.now() + datetime.timedelta(days=20 + n)
    TrainingSession.objects.create(training=training, start=start, end=start + datetime.timedelta(hours=3),
                                   capacity=10, city="Lyon")
    published = timezone.now() - datetime.timedelta(days=1)
    Offer(title=f"Stage à Dakar {n}", kind="internship", country="SN", organisation="Les Amis de Dakar",
          description="<p>Une mission.</p>", how_to_apply="CV.", live=True, first_published_at=published,
          last_published_at=published, closing_date=timezone.localdate() + datetime.timedelta(days=30)).save()
    publish_child(world["news"], NewsPage(title=f"Nouvelles de Dakar {n}", intro="Résumé.", countries=["SN"]))
    publish_child(world["resources"], ResourcePage(title=f"Fiche Sénégal {n}", summary="Résumé.", countries=["SN"]))
    call = FundingCall(title=f"Eau potable à Thiès {n}", summary="Des forages.", countries=["SN"], live=True,
                       first_published_at=published, last_published_at=published,
                       closes_on=timezone.localdate() + datetime.timedelta(days=40 + n))
    call.funders = [world["funder"]]
    call.save()


def sections_of(html):
    return re.findall(r'class="country-section country-section--([-\w]+)"', html)


def headings_of(html):
    return re.findall(r'<th scope="col"[^>]*><a [^>]+>([^<]+?)\s*(?:<span|</a>)', html)


def queries_of(client, path):
    client.get(path)  # caches of the layout (menu, settings) warm
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_senegal_and_the_index_gather_every_plugin_at_a_cost_that_does_not_grow(client, world):
    add_senegal_content(world, 0)
    page_one, html = queries_of(client, "/pays/senegal/")
    assert sections_of(html) == ["directory", "groups", "funding", "trainings", "youth", "news"]
    index_one, html = queries_of(client, "/pays/")
    assert headings_of(html) == ["Pays", "Acteurs", "Groupes", "Sessions de formation", "Offres pour les jeunes"]
    for n in range(1, 4):
        add_senegal_content(world, n)
    page_many, html = queries_of(client, "/pays/senegal/")
    assert page_many == page_one
    for item in ("Acteur 3", "Groupe Sénégal 3", "Partir au Sénégal 3", "Stage à Dakar 3", "Nouvelles de Dakar 3",
                 "Fiche Sénégal 3", "Eau potable à Thiès 3"):
        assert item in html
    index_many, html = queries_of(client, "/pays/")
    assert index_many == index_one
    senegal = html[html.index('<a href="/pays/senegal/">Sénégal</a>'):].split("</tr>")[0]
    assert re.findall(r"<td>(\d+)</td>", senegal) == ["4", "4", "4", "4"]


def test_after_the_first_anonymous_visitor_the_sections_cost_no_query_until_a_change(client, world):
    from maillage_countries.profiles import CountryProfile

    CountryProfile.objects.create(country="BJ", capital="Porto-Novo")
    add_senegal_content(world, 0)
    without_sections, html = queries_of(client, "/pays/benin/")
    assert sections_of(html) == []
    with_sections, html = queries_of(client, "/pays/senegal/")
    assert len(sections_of(html)) == 6
    assert with_sections == without_sections
    add_senegal_content(world, 1)
    assert "Groupe Sénégal 1" in client.get("/pays/senegal/").content.decode()


@pytest.fixture
def directory_alone(monkeypatch):
    """Only the directory contributes to country pages, as in a site that
    installs it alone beside this plugin."""
    for name in (maillage_hooks.COUNTRY_SECTIONS, maillage_hooks.COUNTRY_FIGURES):
        kept = [entry for entry in hooks._hooks[name] if entry[0].__module__.startswith("maillage_directory")]
        monkeypatch.setitem(hooks._hooks, name, kept)


def test_with_the_directory_alone_pages_show_its_section_and_column_only(client, world, directory_alone):
    add_senegal_content(world, 0)
    assert sections_of(client.get("/pays/senegal/").content.decode()) == ["directory"]
    assert sections_of(client.get("/pays/mali/").content.decode()) == ["directory"]
    html = client.get("/pays/").content.decode()
    assert headings_of(html) == ["Pays", "Acteurs"]
    assert client.get("/pays/benin/").status_code == 404


def test_site_search_and_the_sitemap_include_country_pages(client, world, search_engine):
    from django.urls import reverse

    from maillage_countries.profiles import CountryProfile

    CountryProfile.objects.create(country="BJ", capital="Porto-Novo")
    add_senegal_content(world, 0)
    search_engine.index_all()
    html = client.get(reverse("search"), {"q": "porto-novo"}).content.decode()
    assert '<a href="/pays/benin/">Bénin</a>' in html
    assert '<a href="/pays/senegal/">Sénégal</a>' in client.get(reverse("search"), {"q": "Sénégal"}).content.decode()
    xml = client.get("/sitemap.xml").content.decode()
    for path in ("/pays/", "/pays/benin/", "/pays/senegal/", "/pays/mali/"):
        assert f"<loc>http://localhost{path}</loc>" in xml


def test_a_kept_country_page_shows_a_change_in_any_plugin_at_once(client, world, page_cache):
    from django.test import Client

    add_senegal_content(world, 0)
    for _ in range(2):
        kept = Client().get("/pays/senegal/")
    assert kept["X-Page-Cache"] == "hit"
    add_senegal_content(world, 1)
    html = Client().get("/pays/senegal/").content.decode()
    for item in ("Acteur 1", "Groupe Sénégal 1", "Partir au Sénégal 1", "Stage à Dakar 1", "Nouvelles de Dakar 1",
                 "Eau potable à Thiès 1"):
        assert item in html, item
