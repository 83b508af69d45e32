"""The groups' part of a person's data: memberships and answers to
meetings, found through their account, exported and erased by core's
command (``maillage_personal_data`` hook); core then closes the account."""

import io
import json
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from maillage_groups.models import AttendanceReply, Membership
from maillage_groups.testing import join, make_group, make_meeting, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(groups_index):
    group = make_group(groups_index, "Groupe Sénégal")
    meeting = make_meeting(group, "Réunion de rentrée")
    awa = make_person("awa@example.org", first_name="Awa")
    join(awa, group, coordinator=True)
    Membership.objects.filter(user=awa).update(message="Je travaille à Saint-Louis.")
    AttendanceReply.objects.create(meeting=meeting, user=awa, attending=True)
    join(make_person("paul@example.org"), group)
    return awa


def test_export_lists_memberships_and_answers(person, tmp_path):
    target = tmp_path / "export.zip"
    call_command("personal_data", "export", "AWA@example.org", "--output", str(target), stdout=io.StringIO())
    files = zipfile.ZipFile(target)
    [membership] = json.loads(files.read("groups-memberships.json"))
    assert (membership["group"], membership["coordinator"], membership["message"]) == (
        "Groupe Sénégal", True, "Je travaille à Saint-Louis.")
    assert json.loads(files.read("groups-attendance.json"))[0]["meeting"] == "Réunion de rentrée"


def test_erasing_removes_memberships_and_answers_then_closes_the_account(person):
    assert person.groups.exists()  # a coordinator: in the group's permission group
    out = io.StringIO()
    call_command("personal_data", "erase", "awa@example.org", "--yes", stdout=out)

    assert "groups-memberships: 1 deleted" in out.getvalue() and "groups-attendance: 1 deleted" in out.getvalue()
    assert not Membership.objects.filter(user=person).exists() and not AttendanceReply.objects.exists()
    account = get_user_model().objects.get(pk=person.pk)
    assert (account.email, account.is_active) == ("", False) and not account.groups.exists()
    assert Membership.objects.filter(user__email="paul@example.org").exists()
