"""Hostile values in every field of the directory's public forms (a
proposal, a correction, the update from a signed link): each gets a message
or is stored harmlessly, never a server error."""

import itertools

import pytest
from test_proposals import answers
from wagtail.images import get_image_model
from wagtail.models import Revision

from maillage_core.testing import fuzz
from maillage_directory.forms import ActorProposalForm
from maillage_directory.models import Actor, Submission
from maillage_directory.moderation import ensure_workflow
from maillage_directory.tokens import make_update_token

pytestmark = pytest.mark.django_db

names = itertools.count()


def fresh_answers():
    # With its text, a logo reaches the code that saves it.
    return answers(name=f"Acteur {next(names)}", logo_alt="Logo")


def stored():
    return Actor.objects.count(), Submission.objects.count(), Revision.objects.count(), get_image_model().objects.count()


def last_saved_text():
    submission = Submission.objects.order_by("-pk").values("submitter_name", "submitter_email", "message").first()
    return fuzz.joined_text([Revision.objects.order_by("-pk").first().content, submission])


@pytest.mark.parametrize("entry", ["proposal", "correction", "signed update"])
def test_every_field_of_the_directory_forms_survives_hostile_values(client, directory_page, make_actor, settings,
                                                                     entry):
    settings.MAILLAGE_FORM_RATE_LIMIT = 0
    ensure_workflow()
    actor = make_actor("Eau Vive", city="Die")
    url = {
        "proposal": f"{directory_page.url}proposer/",
        "correction": f"{directory_page.url}{actor.slug}/modifier/",
        "signed update": f"{directory_page.url}mise-a-jour/{make_update_token(actor)}/",
    }[entry]
    form = fuzz.PublicForm(
        f"directory {entry}", url, ActorProposalForm, answers=fresh_answers, stored=stored,
        saved_text=last_saved_text,
    )
    fuzz.run(client, form).assert_clean()


def test_every_parameter_of_the_directory_listing_survives_hostile_values(client, directory_page, make_actor):
    make_actor("Eau Vive", type="association", department="26", countries=["SN"], sectors=["agriculture"], sdgs=[2])
    form = fuzz.search_form(client, "directory listing", directory_page.url, stored=stored,
                            extra={"page": fuzz.number_values(fuzz.forms.IntegerField())})
    fuzz.run(client, form).assert_clean()
