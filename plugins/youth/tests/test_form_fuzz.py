"""Hostile values in every field of the Espace Jeunes' public forms (an
offer, a testimony) and in every parameter of its searches (the offers
board, the finder, the testimonies): a message or a harmless save, never a
server error."""

import itertools

import pytest
from test_offer_submission import answers as offer_answers
from test_testimonies import answers as story_answers
from wagtail.images import get_image_model
from wagtail.models import Revision

from maillage_core.testing import fuzz
from maillage_youth import forms as youth_forms
from maillage_youth.models import Offer
from maillage_youth.models import Testimony as Story  # not "Test…": pytest would collect it

pytestmark = pytest.mark.django_db

numbers = itertools.count()


@pytest.fixture(autouse=True)
def _no_rate_limit(settings, workflow):
    settings.MAILLAGE_FORM_RATE_LIMIT = 0


def stored():
    return Offer.objects.count(), Story.objects.count(), Revision.objects.count(), get_image_model().objects.count()


def last_revision_text():
    return fuzz.joined_text(Revision.objects.order_by("-pk").first().content)


def test_every_field_of_the_offer_form_survives_hostile_values(client, board):
    form = fuzz.PublicForm(
        "youth offer", board.url + "deposer/", youth_forms.OfferForm,
        answers=lambda: offer_answers(title=f"Stage {next(numbers)}"), stored=stored, saved_text=last_revision_text,
    )
    fuzz.run(client, form).assert_clean()


def test_every_field_of_the_testimony_form_survives_hostile_values(client, testimony_index, catalogue):
    scheme = catalogue.get_children().live().first()
    form = fuzz.PublicForm(
        "youth testimony", testimony_index.url + "temoigner/", youth_forms.TestimonyForm,
        # With its description, a photo reaches the code that saves it.
        answers=lambda: story_answers(title=f"Récit {next(numbers)}", scheme=str(scheme.pk), photo_alt="Photo"),
        stored=stored, saved_text=last_revision_text,
    )
    fuzz.run(client, form).assert_clean()


PAGE = {"page": fuzz.number_values(fuzz.forms.IntegerField())}


@pytest.mark.parametrize("where", ["offers board", "offers RSS", "offers JSON", "finder", "testimonies"])
def test_every_search_parameter_survives_hostile_values(client, board, catalogue, testimony_index, make_offer,
                                                        make_testimony, where):
    make_offer("Stage en agroécologie", sector="agriculture")
    make_testimony()
    url = {"offers board": board.url, "offers RSS": board.url + "rss/", "offers JSON": board.url + "json/",
           "finder": catalogue.url, "testimonies": testimony_index.url}[where]
    # The feeds take the board's filters: read them from the board's form.
    form = fuzz.search_form(client, f"youth {where}", board.url if "offers" in where else url, stored=stored,
                            extra=PAGE)
    form.url = url
    fuzz.run(client, form).assert_clean()
