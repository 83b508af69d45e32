"""The directory's part of a person's data: proposals and corrections they
sent, and records naming them as contact, exported and erased by core's
command (``maillage_personal_data`` hook), their revisions included."""

import io
import json
import zipfile

import pytest
from django.core.management import call_command

from maillage_directory.models import Actor
from maillage_directory.models.submission import Submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(make_actor):
    actor = make_actor("Terres Solidaires", email="contact@terres.example", contact_name="Camille Martin",
                       contact_role="Trésorière", contact_email="Camille@example.org")
    actor.save_revision()  # a copy of the contact in a revision too
    Submission.objects.create(actor=actor, kind="update", submitter_name="Camille Martin",
                              submitter_email="camille@example.org", message="Notre nouvelle adresse.")
    Submission.objects.create(actor=actor, kind="update", submitter_name="Paul", submitter_email="paul@example.org")
    other = make_actor("Eau Vive", contact_name="Paul", contact_email="paul@example.org")
    other.contact_name, other.contact_email = "Camille Martin", "camille@example.org"
    other.save_revision()  # a proposal naming Camille, waiting for moderation: not on the record yet
    return actor


def test_export_lists_the_submissions_and_the_records_naming_the_person(records, tmp_path):
    target = tmp_path / "export.zip"
    call_command("personal_data", "export", "camille@example.org", "--output", str(target), stdout=io.StringIO())
    files = zipfile.ZipFile(target)
    [submission] = json.loads(files.read("directory-submissions.json"))
    assert (submission["submitter_name"], submission["message"]) == ("Camille Martin", "Notre nouvelle adresse.")
    [contact] = json.loads(files.read("directory-contacts.json"))
    assert (contact["actor"], contact["contact_role"]) == ("Terres Solidaires", "Trésorière")


def test_erasing_blanks_the_person_in_submissions_records_and_revisions(records):
    out = io.StringIO()
    call_command("personal_data", "erase", "camille@example.org", "--yes", stdout=out)

    assert "directory-submissions: 0 deleted, 1 anonymised" in out.getvalue()
    assert "directory-contacts: 0 deleted, 1 anonymised" in out.getvalue()
    actor = Actor.objects.get(name="Terres Solidaires")
    assert (actor.contact_name, actor.contact_role, actor.contact_email) == ("", "", "")
    assert actor.email == "contact@terres.example"  # the organisation's own address stays
    assert "camille" not in json.dumps([revision.content for revision in actor.revisions.all()]).lower()
    assert set(Submission.objects.values_list("submitter_email", flat=True)) == {"", "paul@example.org"}
    other = Actor.objects.get(name="Eau Vive")
    assert other.contact_email == "paul@example.org"  # the record itself named someone else
    assert "camille" not in json.dumps(other.get_latest_revision().content).lower()
