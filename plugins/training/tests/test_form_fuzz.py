"""Hostile values in every field of the training's public forms (the
registration, the cancellation) and in every parameter of the programme's
pages: a message or a harmless save, never a server error."""

import itertools

import pytest
from django import forms
from training_helpers import register_data

from maillage_core.testing import fuzz
from maillage_training import booking
from maillage_training.forms import RegistrationForm
from maillage_training.models import Registration
from maillage_training.tokens import cancel_token

pytestmark = pytest.mark.django_db

numbers = itertools.count()


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    settings.MAILLAGE_FORM_RATE_LIMIT = 0


def stored():
    return Registration.objects.count(), Registration.objects.filter(status=Registration.Status.CANCELLED).count()


def last_registration_text():
    registration = Registration.objects.order_by("-pk").values().first()
    return fuzz.joined_text(registration)


def test_every_field_of_the_registration_form_survives_hostile_values(client, make_training, make_session):
    session = make_session(make_training(), capacity=500)
    form = fuzz.PublicForm(
        "training registration", session.training.specific.url + f"sessions/{session.pk}/", RegistrationForm,
        # A new address each time: "already registered" would hide the rest.
        answers=lambda: register_data(email=f"personne{next(numbers)}@example.org"),
        stored=stored, saved_text=last_registration_text,
    )
    fuzz.run(client, form).assert_clean()


class CancellationForm(forms.Form):
    """The confirmation button of the cancel page posts the signed token it was opened with."""

    jeton = forms.CharField(max_length=500)


def test_the_cancellation_form_survives_hostile_values(client, make_training, make_session):
    session = make_session(make_training(), capacity=500)

    def new_registration_token():
        registration = booking.register(session.pk, name="Camille", email=f"camille{next(numbers)}@example.org")
        return {"jeton": cancel_token(registration)}

    form = fuzz.PublicForm(
        "training cancellation", session.training.specific.url + "annulation/", CancellationForm,
        answers=new_registration_token, stored=lambda: stored()[1],
    )
    fuzz.run(client, form).assert_clean()


FILTERS = {name: fuzz.text_values(forms.CharField()) for name in ("month", "semester", "format", "department")}
FILTERS["page"] = fuzz.number_values(forms.IntegerField())


@pytest.mark.parametrize("view", ["", "calendrier/", "liste/", "archives/", "ical/", "rss/"])
def test_every_parameter_of_the_programme_survives_hostile_values(client, programme, make_training, make_session,
                                                                  view):
    make_session(make_training(sectors=["education"]))
    # Every view (the feeds too) takes the programme's filters: read them from its form.
    form = fuzz.search_form(client, f"training programme {view or 'index'}", programme.url, stored=stored,
                            extra=FILTERS)
    form.url = programme.url + view
    fuzz.run(client, form).assert_clean()
