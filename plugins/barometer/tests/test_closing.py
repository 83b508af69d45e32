"""The survey's closing: results are published only once it has closed
(the officer may close it early, after a confirmation), no answer is lost
on the way, and the directory is counted as it was at the closing date."""

import dataclasses
import datetime

import pytest
from django.utils import timezone

from maillage_barometer import closing
from maillage_barometer.models import EditionPage, Response
from maillage_core.hooks import Respondent

pytestmark = pytest.mark.django_db


def report(edition):
    return f"/admin/barometre/{edition.pk}/"


def test_results_are_published_only_once_the_survey_has_closed_and_no_answer_is_lost(
    officer, make_edition, actors, answer
):
    edition = make_edition(2026)
    for n in range(3):
        answer(edition, f"test:{n}", {"projets": "2"})
    answer(edition, "test:5", {"projets": "9"}, action="save")  # a draft

    refused = officer.post(report(edition), {"action": "publish"}, follow=True).content.decode()
    assert "les résultats pourront être publiés une fois l’enquête close" in refused
    edition.refresh_from_db()
    assert (edition.figures, edition.closed_at, edition.directory_at_closing) == (None, None, None)
    assert answer(edition, "test:3", {"projets": "1"}).status_code == 302  # still open

    # "Close the survey now" asks first, saying what becomes of the answers.
    screen = officer.get(report(edition)).content.decode()
    assert f'href="/admin/barometre/{edition.pk}/clore/"' in screen and 'value="publish"' not in screen
    confirm = officer.get(f"/admin/barometre/{edition.pk}/clore/").content.decode()
    assert "4 acteurs ont envoyé leurs réponses" in confirm and "1 brouillon non envoyé est conservé" in confirm
    assert EditionPage.objects.get(pk=edition.pk).closed_at is None  # looking closes nothing
    officer.post(f"/admin/barometre/{edition.pk}/clore/")
    assert answer(edition, "test:4", {"projets": "1"}).status_code == 410  # the links stop working

    officer.post(report(edition), {"action": "publish"})
    edition.refresh_from_db()
    assert edition.figures["respondents"] == 4
    assert Response.objects.filter(edition=edition).count() == 5  # the draft is kept, not counted
    assert Response.objects.get(actor_key="test:5").answers == {"projets": 9}


def closed_early(officer, edition):
    officer.post(f"/admin/barometre/{edition.pk}/clore/")


def closing_night_worker(officer, edition):
    # The page's publication queued the copy for midnight after the closing
    # date; the site's worker runs it then.
    from django_tasks_db.models import DBTaskResult

    edition.save_revision().publish()
    queued = DBTaskResult.objects.get(task_path="maillage_barometer.closing.freeze_at_closing")
    assert queued.run_after == closing.end_of_closing_day(edition) and queued.args_kwargs["args"] == [edition.pk]
    closing.freeze_at_closing.call(edition.pk)


def first_visit_after_closing(officer, edition):
    from django.test import Client

    assert Client().get(edition.url).status_code == 200


@pytest.mark.parametrize("frozen_by", [closed_early, closing_night_worker, first_visit_after_closing])
def test_an_actor_added_after_the_closing_date_is_not_counted(
    frozen_by, officer, make_edition, actors, answer, settings
):
    settings.TASKS = {**settings.TASKS, "mail": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    today = timezone.localdate()
    if frozen_by is closed_early:
        edition = make_edition(2026)
    else:  # its closing date passed yesterday
        edition = make_edition(2026, opens_on=today - datetime.timedelta(days=30),
                               closes_on=today - datetime.timedelta(days=1))
    Response.objects.create(edition=edition, actor_key="test:0", actor_name="Acteur 00", answers={"projets": 1},
                            submitted_at=timezone.now())
    frozen_by(officer, edition)
    # After closing and before the results: a new actor joins the directory, another changes type.
    actors.append(Respondent(key="test:new", name="Nouveau", email="n@example.org", actor_type="Fondation",
                             department="Ain (01)", countries=("HT",), sectors=(), sdgs=(13,)))
    actors[1] = dataclasses.replace(actors[1], actor_type="Fondation")
    officer.post(report(edition), {"action": "publish"})

    published = EditionPage.objects.get(pk=edition.pk).figures
    assert (published["actors"], published["invited"]) == (12, 11)
    assert {row["label"]: row["count"] for row in published["directory"]["types"]} == {
        "Association": 8, "Collectivité territoriale": 4}
    assert "HT" not in {row["key"] for row in published["directory"]["countries"]}


def test_before_the_closing_date_nothing_is_copied(make_edition, actors, settings):
    """The closing night's task, run early (the officer moved the date later), copies nothing."""
    settings.TASKS = {**settings.TASKS, "mail": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    edition = make_edition(2026)
    closing.freeze_at_closing.call(edition.pk)
    assert EditionPage.objects.get(pk=edition.pk).directory_at_closing is None


def test_a_kept_edition_page_shows_the_survey_closed_then_its_results(page_cache, officer, make_edition, actors, answer):
    if not page_cache:
        pytest.skip("the host site runs no page cache")
    from django.test import Client

    edition = make_edition(2026)
    for n in range(5):
        answer(edition, f"test:{n}", {"projets": "1"})
    visitor = Client()
    for _ in range(2):
        shown = visitor.get(edition.url)
    assert shown["X-Page-Cache"] == "hit" and "Chiffres clés" not in shown.content.decode()
    officer.post(f"/admin/barometre/{edition.pk}/clore/")
    assert "Les résultats de cette édition sont en préparation" in visitor.get(edition.url).content.decode()
    officer.post(report(edition), {"action": "publish"})
    assert "Chiffres clés" in visitor.get(edition.url).content.decode()
