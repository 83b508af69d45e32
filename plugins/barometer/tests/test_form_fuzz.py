"""Hostile values in every field of the survey, through an actor's signed
link: a message or a harmless draft, never a server error."""

import pytest

from maillage_barometer.models import Response
from maillage_barometer.survey import SurveyForm, make_link_token
from maillage_core.testing import fuzz

pytestmark = pytest.mark.django_db

VALID = {"projets": "4", "budget": "0-10k", "evolution": "Stable", "difficultes": ["Visas"], "pays": ["SN"],
         "secteurs": ["eau-assainissement"], "odd": ["6"], "commentaire": "RAS"}


@pytest.fixture
def edition(make_edition, actors):
    return make_edition(2026)


def path(edition, token):
    return f"{edition.url}enquete/{token}/"


def test_the_survey_form_takes_no_hostile_value(client, edition):
    keys = iter(range(10_000))
    form = fuzz.PublicForm(
        "barometer survey",
        # A fresh actor's link for each request: the draft of one never hides a refusal for another.
        url=lambda: path(edition, make_link_token(edition, f"test:{next(keys) % 11}")),
        form=SurveyForm(edition),
        answers={**VALID, "action": "save"},
        stored=lambda: sorted((r.actor_key, str(r.answers), r.updated_at.isoformat()) for r in Response.objects.all()),
        saved_text=lambda: " ".join(str(r.answers) for r in Response.objects.all()),
    )
    fuzz.run(client, form).assert_clean()
