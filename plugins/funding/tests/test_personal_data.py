"""Funding's part of a person's data: the calls they suggested, exported
and erased by core's command (``maillage_personal_data`` hook)."""

import io
import json
import zipfile

import pytest
from django.core.management import call_command

from maillage_funding import suggestions
from maillage_funding.models import FundingCall

pytestmark = pytest.mark.django_db


@pytest.fixture
def suggested(search_page, make_call):
    published = make_call("Eau potable au Sahel")
    answer = {"title": "Fonds eau", "funder": "Fondation", "official_url": "https://example.org/", "closes_on": None,
              "permanent": True, "summary": "Des forages.", "message": "Vu par Léa.", "email": "lea@example.org"}
    suggestions.suggest(answer)
    suggestions.suggest({**answer, "title": published.title, "email": "Lea@Example.org"}, published)
    suggestions.suggest({**answer, "title": "Autre", "email": "paul@example.org"})
    return published


def test_export_lists_the_calls_the_person_suggested(suggested, tmp_path):
    target = tmp_path / "export.zip"
    call_command("personal_data", "export", "lea@example.org", "--output", str(target), stdout=io.StringIO())
    rows = json.loads(zipfile.ZipFile(target).read("funding-suggestions.json"))
    assert sorted(row["title"] for row in rows) == ["Fonds eau"]  # the correction waits in a revision


def test_erasing_blanks_the_address_and_note_in_calls_and_revisions(suggested):
    out = io.StringIO()
    call_command("personal_data", "erase", "lea@example.org", "--yes", stdout=out)
    assert "funding-suggestions: 0 deleted, 1 anonymised" in out.getvalue()
    drafted = FundingCall.objects.get(title="Fonds eau")
    assert (drafted.submitter_email, drafted.suggestion) == ("", "")
    for call in (drafted, suggested):
        assert "lea@" not in json.dumps([revision.content for revision in call.revisions.all()]).lower()
    assert FundingCall.objects.get(title="Autre").submitter_email == "paul@example.org"
