"""Hostile values in every field of the alert form and every parameter of
the funding search, its archive, feeds and API: a message or a harmless
save, never a server error."""

import itertools

import pytest

from maillage_core.subscriptions.models import Subscriber, TopicSubscription
from maillage_core.testing import fuzz
from maillage_funding.views.alert import AlertForm

pytestmark = pytest.mark.django_db

numbers = itertools.count()


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    settings.MAILLAGE_FORM_RATE_LIMIT = 0


def stored():
    return Subscriber.objects.count(), TopicSubscription.objects.count()


def test_every_field_of_the_alert_form_survives_hostile_values(client, search_page):
    form = fuzz.PublicForm(
        "funding alert", search_page.url + "alerte/?pays=SN", AlertForm,
        answers=lambda: {"email": f"awa{next(numbers)}@example.org", "frequency": "daily", "pays": "SN"},
        stored=stored,
    )
    fuzz.run(client, form).assert_clean()


PAGE = {"page": fuzz.number_values(fuzz.forms.IntegerField())}


@pytest.mark.parametrize("where", ["", "archives/", "rss/", "json/", "ical/", "api/v1/appels/"])
def test_every_search_parameter_survives_hostile_values(client, search_page, make_call, where):
    make_call("Eau potable au Sahel", sectors=["eau-assainissement"], countries=["SN"])
    # The feeds and the API take the page's filters: read them from its form.
    form = fuzz.search_form(client, f"funding {where or 'search'}", search_page.url, stored=stored, extra=PAGE)
    form.url = search_page.url + where
    fuzz.run(client, form).assert_clean()
