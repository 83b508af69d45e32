"""Figures equal direct counts of what was stored, are frozen when the
results are published, and never show a count of fewer than 5 actors."""

import csv
import io
import json
from collections import Counter

import pytest
from django.test import Client
from openpyxl import load_workbook

from maillage_barometer import figures
from maillage_barometer.models import EditionPage, Response

pytestmark = pytest.mark.django_db

# Actors 0-7 answer; "En hausse" by 6 of them, "En baisse" by 2 (a small cell),
# "projets" by 8, "benevoles"-like totals are not asked here.
TRENDS = ["En hausse"] * 6 + ["En baisse"] * 2


@pytest.fixture
def answered(make_edition, actors, answer):
    edition = make_edition(2026)
    for n, trend in enumerate(TRENDS):
        assert answer(edition, f"test:{n}", {
            "projets": str(n + 1), "evolution": trend, "difficultes": ["Financement", "Visas"][: 1 + n % 2],
            "pays": ["SN", "ML"] if n < 5 else ["BF"], "odd": ["6"], "commentaire": f"Texte privé {n}",
        }).status_code == 302
    answer(edition, "test:9", {"projets": "100"}, action="save")  # a draft: not counted
    return edition


def publish(officer, edition):
    """Close the survey now, then publish its results, as the officer does before the closing date."""
    assert officer.post(f"/admin/barometre/{edition.pk}/clore/").status_code == 302
    assert officer.post(f"/admin/barometre/{edition.pk}/", {"action": "publish"}).status_code == 302
    return EditionPage.objects.get(pk=edition.pk)


def test_figures_equal_direct_counts_of_the_answers_and_the_directory(answered, actors):
    computed = figures.compute(answered)
    sent = [r.answers for r in Response.objects.submitted()]
    assert computed["respondents"] == len(sent) == 8
    assert (computed["actors"], computed["invited"]) == (12, 11)
    by_key = {q["key"]: q for q in computed["questions"]}
    assert by_key["projets"]["total"] == sum(a["projets"] for a in sent) == 36
    for key in ("evolution", "difficultes", "pays", "odd"):
        direct = Counter(v for a in sent for v in (a[key] if isinstance(a[key], list) else [a[key]]))
        assert {row["key"]: row["count"] for row in by_key[key]["rows"]} == direct, key
    assert "rows" not in by_key["commentaire"] and by_key["commentaire"]["answered"] == 8
    directory = computed["directory"]
    assert {r["label"]: r["count"] for r in directory["types"]} == dict(Counter(a.actor_type for a in actors))
    assert {r["key"]: r["count"] for r in directory["countries"]} == dict(Counter(c for a in actors for c in a.countries))
    assert {r["key"]: r["count"] for r in directory["sdgs"]} == dict(Counter(str(n) for a in actors for n in a.sdgs))


def test_figures_are_frozen_when_published_and_stay_so(officer, answered, answer):
    edition = publish(officer, answered)
    frozen = edition.figures
    assert frozen["respondents"] == 8 and edition.results_published_at
    # An answer after publication is refused (the survey closed), and the
    # officer republishing the page (a corrected introduction) keeps the figures.
    assert answer(edition, "test:10", {"projets": "1"}).status_code == 410
    revision = edition.save_revision()
    revision.publish()
    assert EditionPage.objects.get(pk=edition.pk).figures == frozen
    again = officer.post(f"/admin/barometre/{edition.pk}/", {"action": "publish"}, follow=True)
    assert "sont déjà publiés" in again.content.decode()
    assert EditionPage.objects.get(pk=edition.pk).figures == frozen


def test_no_count_under_5_is_public_on_the_page_or_in_the_open_data(officer, answered):
    edition = publish(officer, answered)
    visitor = Client()
    page = visitor.get(edition.url).content.decode()
    # "En baisse": 2 actors; "Visas": 4; Burkina Faso: 3 — each shown as "< 5".
    for label in ("En baisse", "Visas", "Burkina Faso"):
        assert f'<th scope="row">{label}</th><td>&lt; 5</td>' in page, label
    assert '<th scope="row">En hausse</th><td>6</td>' in page
    # Who answered, by type: 6 of 8 associations; 2 of 4 local authorities, hidden with its complement.
    assert ('<th scope="col">Type d’acteur</th><th scope="col">Ont répondu</th><th scope="col">N’ont pas répondu</th>'
            '<th scope="col">Acteurs</th>') in page
    assert '<th scope="row">Association</th><td>6</td><td>2</td><td>8</td>' in page
    assert '<th scope="row">Collectivité territoriale</th><td>&lt; 5</td><td>&lt; 5</td><td>4</td>' in page
    assert "Texte privé" not in page
    rows = list(csv.DictReader(io.StringIO(visitor.get(f"{edition.url}donnees/csv/").content.decode("utf-8-sig"))))
    document = json.loads(visitor.get(f"{edition.url}donnees/json/").content)
    sheet = load_workbook(io.BytesIO(visitor.get(f"{edition.url}donnees/xlsx/").content)).active
    table = [dict(zip(document["columns"], [c.value for c in row], strict=True)) for row in sheet.iter_rows(min_row=2)]
    for found in (rows, document["rows"], table):
        survey = {(r["question_key"], r["answer_key"]): str(r["value"]) for r in found if r["section"] == "survey"}
        assert survey[("evolution", "En baisse")] == survey[("difficultes", "Visas")] == survey[("pays", "BF")] == "< 5"
        assert survey[("evolution", "En hausse")] == "6" and survey[("projets", "total")] == "36"
        assert "Texte privé" not in str(found)
        by_type = {r["answer_key"]: str(r["value"]) for r in found if r["question_key"] == "respondents_by_type"}
        assert by_type == {"Association": "6", "Collectivité territoriale": "< 5"}


def test_open_data_is_not_found_before_the_results_nor_in_another_format(client, answered):
    for fmt in ("csv", "pdf", "xml"):
        assert client.get(f"{answered.url}donnees/{fmt}/").status_code == 404


def test_the_edition_and_survey_pages_cost_the_same_queries_with_more_answers(officer, make_edition, actors, answer):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from maillage_barometer.survey import make_link_token

    def cost(url):
        visitor = Client()
        visitor.get(url)  # every cache warm before counting
        with CaptureQueriesContext(connection) as queries:
            assert visitor.get(url).status_code == 200
        return len(queries)

    last_year, edition = make_edition(2025), make_edition(2026)
    survey = f"{edition.url}enquete/{make_link_token(edition, 'test:0')}/"
    counts = []
    for answered in (range(0, 3), range(3, 12)):
        for n in answered:
            answer(last_year, f"test:{n}", {"projets": str(n), "pays": ["SN", "BF"], "evolution": "Stable"})
        EditionPage.objects.filter(pk=last_year.pk).update(figures=figures.compute(last_year))
        counts.append((cost(last_year.url), cost(survey)))
    assert counts[0] == counts[1]


def test_a_countries_questions_answers_are_on_the_world_map_with_the_small_cell_rule(officer, answered):
    page = Client().get(publish(officer, answered).url).content.decode()
    question_map = page.split('aria-label="Carte : Pays d’intervention cette année"', 1)[1].split("</svg>", 1)[0]
    # Senegal and Mali: 5 actors each, a link to their row of the table; Burkina Faso: 3, not shaded.
    assert '<a href="#q-pays-SN" aria-label="Sénégal : 5 acteurs">' in question_map
    assert '<a href="#q-pays-ML" aria-label="Mali : 5 acteurs">' in question_map
    assert "q-pays-BF" not in question_map and 'id="q-pays-BF"' in page
    assert '<th scope="row">Burkina Faso</th><td>&lt; 5</td>' in page
    assert "Les pays cités par moins de 5 acteurs ne sont pas colorés" in page
    legend = page.split('aria-label="Carte : Pays d’intervention cette année"', 1)[1].split("</ul>", 1)[0]
    assert "5 acteurs</li>" in legend and "1 acteur" not in legend


def test_a_published_editions_charts_are_drawn_once_and_again_when_an_earlier_edition_changes(
    officer, make_edition, actors, answer, monkeypatch
):
    from maillage_barometer import presentation

    drawn = []
    monkeypatch.setattr(presentation, "edition_context",
                        lambda page, real=presentation.edition_context: drawn.append(page.year) or real(page))
    last_year, edition = make_edition(2025), make_edition(2026)
    for n in range(6):
        answer(edition, f"test:{n}", {"projets": "1", "evolution": "Stable"})
    edition = publish(officer, edition)
    visitor = Client()
    pages = [visitor.get(edition.url).content.decode() for _ in range(2)]
    edition.introduction = "<p>Une introduction corrigée.</p>"
    edition.save_revision().publish()  # the page changes, its figures do not
    assert "Une introduction corrigée" in visitor.get(edition.url).content.decode()
    assert drawn == [2026] and pages[0] == pages[1] and "en 2025" not in pages[0]
    # 2025's results published later: the 2026 page now compares with them.
    for n in range(6):
        answer(last_year, f"test:{n}", {"projets": "1", "evolution": "En hausse"})
    publish(officer, last_year)
    assert "en 2025" in visitor.get(edition.url).content.decode() and drawn == [2026, 2026]
