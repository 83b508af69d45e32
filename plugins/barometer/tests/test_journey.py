"""The issue's "done when", as the officer and an actor live it: the 2026
survey opens, an actor answers through its link over two sittings, the
officer publishes the results, and the page shows charts, tables, the
comparison with 2025 and the three downloads."""

import csv
import io
import json
import re

import pytest
from django.test import Client
from openpyxl import load_workbook

from maillage_barometer.invitations import survey_url
from maillage_barometer.models import EditionPage, Invitation, Response

pytestmark = pytest.mark.django_db

ANSWER = {"projets": "12", "budget": "10k-50k", "evolution": "Stable", "difficultes": ["Financement", "Visas"],
          "pays": ["SN", "ML"], "secteurs": ["eau-assainissement"], "odd": ["6"], "commentaire": "Très bonne année."}


def link_path(edition, key):
    return survey_url(edition, key).removeprefix("http://localhost")


def submit_for(client, edition, key, answers=ANSWER, action="submit"):
    return client.post(link_path(edition, key), {**answers, "action": action})


def test_the_officer_opens_the_survey_an_actor_answers_and_the_results_are_published(
    officer, actors, make_edition, mailoutbox
):
    client = Client()
    last_year = make_edition(2025)
    for actor in actors[:6]:
        assert submit_for(client, last_year, actor.key, {**ANSWER, "evolution": "En hausse"}).status_code == 302
    assert officer.post(f"/admin/barometre/{last_year.pk}/clore/").status_code == 302
    assert officer.post(f"/admin/barometre/{last_year.pk}/", {"action": "publish"}).status_code == 302

    edition = make_edition(2026)
    # The officer sends the invitations (in the background: the immediate backend here).
    officer.post(f"/admin/barometre/{edition.pk}/", {"action": "invitation"})
    assert len(mailoutbox) == 11  # every actor with an email
    link = re.search(r"http://\S+", mailoutbox[0].body).group(0)
    path = link.split("localhost", 1)[1]

    # An actor opens its link: last year's answers are filled in.
    anonymous = Client()
    first = anonymous.get(path)
    assert first.status_code == 200
    assert "Vos réponses de 2025" in first.content.decode()
    # A first sitting saves a draft, the second sends the answers.
    assert anonymous.post(path, {"projets": "3", "action": "save"}).status_code == 302
    assert Response.objects.get(edition=edition, actor_key=actors[0].key).submitted_at is None
    assert anonymous.get(path).context["form"].initial == {"projets": 3}
    assert anonymous.post(path, {**ANSWER, "action": "submit"}).status_code == 302
    for actor in actors[1:6]:
        submit_for(anonymous, edition, actor.key)

    # A reminder goes to those who have not answered, but not twice today.
    officer.post(f"/admin/barometre/{edition.pk}/", {"action": "reminder"})
    assert len(mailoutbox) == 11
    assert Invitation.objects.filter(edition=edition).count() == 11

    report = officer.get(f"/admin/barometre/{edition.pk}/").content.decode()
    assert "6 acteurs sur 12 ont envoyé leurs réponses (50 %)" in report

    assert officer.post(f"/admin/barometre/{edition.pk}/clore/").status_code == 302
    assert officer.post(f"/admin/barometre/{edition.pk}/", {"action": "publish"}).status_code == 302
    edition.refresh_from_db()
    page = anonymous.get(edition.url).content.decode()
    assert page.count('role="img"') >= 8
    assert "Stable" in page and "En hausse" in page  # this year's answer, and last year's in the comparison
    assert "en 2025" in page
    assert page.count("moins de cinq acteurs ont donné cette réponse") == 1  # each sentence once
    # The map of the directory's countries: each country a link to its row of the table.
    assert '<a href="#d-countries-SN" aria-label="Sénégal : 12 acteurs">' in page and 'id="d-countries-SN"' in page
    assert '<ul class="map-legend" aria-label="Légende">' in page and "12 acteurs</li>" in page
    for fmt in ("csv", "json", "xlsx"):
        assert f'href="{edition.url}donnees/{fmt}/"' in page

    rows = list(csv.DictReader(io.StringIO(anonymous.get(f"{edition.url}donnees/csv/").content.decode("utf-8-sig"))))
    assert {"section": "survey", "question_key": "evolution", "question": "Votre activité internationale cette année",
            "answer_key": "Stable", "answer": "Stable", "value": "6"} in rows
    document = json.loads(anonymous.get(f"{edition.url}donnees/json/").content)
    assert document["year"] == 2026 and document["rows"][2] == {
        "section": "edition", "question_key": "respondents", "question": "", "answer_key": "", "answer": "", "value": 6}
    sheet = load_workbook(io.BytesIO(anonymous.get(f"{edition.url}donnees/xlsx/").content)).active
    assert [cell.value for cell in next(sheet.iter_rows())] == ["section", "question_key", "question", "answer_key",
                                                                  "answer", "value"]
    # No answer is public, not even the free text.
    assert "Très bonne année" not in page + str(rows) + json.dumps(document)
    assert EditionPage.objects.get(pk=edition.pk).figures["respondents"] == 6
