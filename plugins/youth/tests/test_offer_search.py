"""Offer search against the real engine: French matching, and nothing
closed or unapproved ever found."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from maillage_core import hooks
from maillage_core.search import visible_search
from maillage_youth.models import Offer

pytestmark = pytest.mark.django_db


def board_titles(client, board, **params):
    html = client.get(board.url, params).content.decode()
    return sorted(part.split("</a>")[0].split(">")[-1] for part in html.split('<h3><a href="')[1:])


@pytest.fixture
def offers(board, make_offer, search_engine):
    make_offer("Deux stages en agroécologie", kind="internship", country="BF", sector="agriculture")
    make_offer("Chargée de projet eau potable", kind="job", country="BJ", city="Abomey")
    make_offer("Volontaire en santé communautaire", kind="volunteering", country="SN", organisation="Santé Sud")
    make_offer("Stage au Bénin, offre close", kind="internship", country="BJ", closing_in=-1)
    make_offer("Stage au Bénin, en attente de relecture", kind="internship", country="BJ", live=False)
    search_engine.refresh()
    return board


def test_stage_finds_stages(client, offers):
    assert board_titles(client, offers, q="stage") == ["Deux stages en agroécologie"]


def test_benin_finds_an_offer_in_benin(client, offers):
    assert board_titles(client, offers, q="benin") == ["Chargée de projet eau potable"]
    assert board_titles(client, offers, q="Bénin") == ["Chargée de projet eau potable"]


def test_accents_and_partial_words(client, offers):
    assert board_titles(client, offers, q="sante communautaire") == ["Volontaire en santé communautaire"]
    assert board_titles(client, offers, q="agroeco") == ["Deux stages en agroécologie"]


def test_search_combines_with_filters(client, offers):
    assert board_titles(client, offers, q="stage", pays="BJ") == []
    assert board_titles(client, offers, q="eau", type="job") == ["Chargée de projet eau potable"]


def test_closed_and_unapproved_offers_are_never_found(offers):
    everything = visible_search(Offer.objects.all(), "stage benin", operator="or")
    assert sorted(offer.title for offer in everything) == ["Chargée de projet eau potable", "Deux stages en agroécologie"]
    assert list(visible_search(Offer.objects.all(), "relecture")) == []
    assert list(visible_search(Offer.objects.all(), "close")) == []


def test_an_offer_past_its_date_leaves_search_even_before_the_daily_command(client, offers, search_engine):
    offer = Offer.objects.get(title="Deux stages en agroécologie")
    Offer.objects.filter(pk=offer.pk).update(closing_date=offer.closing_date.replace(year=2000))
    # The document still says "public": the closing date filter alone keeps it out.
    assert board_titles(client, offers, q="stage") == []


def test_site_search_includes_open_offers_only(offers):
    source = next(source for source in hooks.search_sources() if source.key == "offers")
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    results = source.search("stage", request=request)
    assert [hit.title for hit in results.hits] == ["Deux stages en agroécologie"]
    assert results.hits[0].url.startswith("/espace-jeunes/offres/deux-stages")
    assert source.search("benin", request=request).total == 1


def test_the_board_answers_during_an_outage_with_a_message(client, offers, settings):
    backend = dict(settings.WAGTAILSEARCH_BACKENDS["default"])
    backend["URLS"] = ["http://127.0.0.1:9"]
    settings.WAGTAILSEARCH_BACKENDS = {"default": backend}
    response = client.get(offers.url, {"q": "eau"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Le moteur de recherche ne répond pas : ces résultats viennent d’une recherche simplifiée" in html
    assert "Chargée de projet eau potable" in html and "Stage au Bénin" not in html
