"""The Espace Jeunes' part of a person's data: offers they submitted and
testimonies they wrote, exported and erased by core's command
(``maillage_personal_data`` hook)."""

import io
import json
import zipfile

import pytest
from django.core.management import call_command

from maillage_youth.models import Offer
from maillage_youth.models import Testimony as Story

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(make_offer, make_testimony):
    offer = make_offer(submitter_name="Léa Martin", submitter_email="lea@example.org",
                       application_email="rh@koudougou.example")
    offer.save_revision()
    make_offer("Autre stage", submitter_name="Paul", submitter_email="paul@example.org")
    make_testimony(email="Lea@Example.org")
    make_testimony("Un an au Pérou", email="paul@example.org")
    return offer


def test_export_lists_the_offers_and_testimonies_of_the_person(records, tmp_path):
    target = tmp_path / "export.zip"
    call_command("personal_data", "export", "lea@example.org", "--output", str(target), stdout=io.StringIO())
    files = zipfile.ZipFile(target)
    [offer] = json.loads(files.read("youth-offers.json"))
    assert (offer["title"], offer["submitter_name"]) == ("Stage en agroécologie", "Léa Martin")
    [testimony] = json.loads(files.read("youth-testimonies.json"))
    assert testimony["title"] == "Six mois à Kpalimé" and "belle expérience" in testimony["text"]


def test_erasing_withdraws_testimonies_and_anonymises_offers(records):
    out = io.StringIO()
    call_command("personal_data", "erase", "lea@example.org", "--yes", stdout=out)

    assert "youth-testimonies: 1 deleted, 0 anonymised" in out.getvalue()
    assert "youth-offers: 0 deleted, 1 anonymised" in out.getvalue()
    assert list(Story.objects.values_list("title", flat=True)) == ["Un an au Pérou"]
    offer = Offer.objects.get(pk=records.pk)
    assert (offer.submitter_name, offer.submitter_email, offer.application_email) == ("", "", "rh@koudougou.example")
    assert offer.live  # the offer stays online as the organisation's
    assert "lea@" not in json.dumps([revision.content for revision in offer.revisions.all()]).lower()
    assert Offer.objects.get(title="Autre stage").submitter_email == "paul@example.org"
