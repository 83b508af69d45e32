"""The officer's screens: response rate, invitations and reminders (never
twice the same day), answers entered by hand, a questionnaire's keys."""

import pytest
from django.core.exceptions import ValidationError

from maillage_barometer.models import Invitation, Response
from maillage_barometer.questions import QuestionnaireBlock

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition(make_edition, actors):
    return make_edition(2026)


def test_the_response_rate_by_actor_type_and_department(officer, edition, answer):
    for n in (0, 1, 3, 4):  # four associations; actor 2, a local authority, keeps a draft
        answer(edition, f"test:{n}", {"projets": "1"})
    answer(edition, "test:2", {"projets": "1"}, action="save")
    rates = officer.get(f"/admin/barometre/{edition.pk}/").context["rates"]
    assert rates["tables"]["types"] == [
        # 12 actors: types cycle Association, Association, Collectivité (n % 3)
        {"label": "Association", "actors": 8, "drafts": 0, "submitted": 4, "rate": 50},
        {"label": "Collectivité territoriale", "actors": 4, "drafts": 1, "submitted": 0, "rate": 0},
    ]
    assert rates["tables"]["departments"] == [
        {"label": "Isère (38)", "actors": 6, "drafts": 0, "submitted": 2, "rate": 33},
        {"label": "Rhône (69)", "actors": 6, "drafts": 1, "submitted": 2, "rate": 33},
    ]


def test_nobody_is_emailed_twice_the_same_day(officer, edition, answer, mailoutbox, settings):
    settings.MAILLAGE_SUBSCRIPTIONS_BATCH_SIZE = 4  # in three batches
    report = f"/admin/barometre/{edition.pk}/"
    officer.post(report, {"action": "invitation"})
    assert sorted(m.to[0] for m in mailoutbox) == sorted(f"acteur{n}@example.org" for n in range(12) if n != 11)
    assert all(edition.url in m.body and "/enquete/" in m.body for m in mailoutbox)
    answer(edition, "test:0", {"projets": "1"})
    for action in ("invitation", "reminder", "reminder"):
        officer.post(report, {"action": action})
    assert len(mailoutbox) == 11  # everyone had an email today already
    # The next day, a reminder goes to those who have not sent their answers, once.
    Invitation.objects.update(sent_on="2000-01-01")
    officer.post(report, {"action": "reminder"})
    officer.post(report, {"action": "reminder"})
    reminders = mailoutbox[11:]
    assert len(reminders) == 10 and "acteur0@example.org" not in [m.to[0] for m in reminders]
    assert reminders[0].subject.startswith("Rappel")
    officer.post(report, {"action": "invitation"})  # a first invitation goes once
    assert len(mailoutbox) == 21


def test_the_officer_enters_an_actors_answers_by_hand(officer, edition):
    url = f"/admin/barometre/{edition.pk}/reponses/test:5/"
    assert officer.get(url).status_code == 200
    refused = officer.post(url, {"projets": "-3", "action": "submit"})
    assert refused.status_code == 200 and not Response.objects.exists()
    assert officer.post(url, {"projets": "7", "action": "submit"}).status_code == 302
    response = Response.objects.get()
    assert (response.actor_name, response.answers, response.submitted, response.entered_by.username) == (
        "Acteur 05", {"projets": 7}, True, "officer")
    assert officer.get(f"/admin/barometre/{edition.pk}/reponses/test:404/").status_code == 404


def test_only_officers_reach_the_screens(client, django_user_model, edition):
    editor = django_user_model.objects.create_user("editor", "e@example.org", "x", is_staff=True)
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    for url in ("/admin/barometre/", f"/admin/barometre/{edition.pk}/", f"/admin/barometre/{edition.pk}/reponses/test:1/"):
        assert client.get(url).status_code in (302, 403), url
    assert client.post(f"/admin/barometre/{edition.pk}/", {"action": "publish"}).status_code in (302, 403)
    edition.refresh_from_db()
    assert edition.figures is None


def test_an_unknown_action_does_nothing_and_says_so(officer, edition):
    answer = officer.post(f"/admin/barometre/{edition.pk}/", {"action": "everything"}, follow=True)
    assert "Action inconnue" in answer.content.decode()
    edition.refresh_from_db()
    assert edition.figures is None and not Invitation.objects.exists()


def test_two_questions_of_a_questionnaire_cannot_share_a_key():
    block = QuestionnaireBlock()
    value = block.to_python([
        {"type": "number", "value": {"key": "projets", "label": "Projets", "help_text": "", "required": False, "unit": ""}},
        {"type": "text", "value": {"key": "projets", "label": "Commentaire", "help_text": "", "required": False}},
    ])
    with pytest.raises(ValidationError) as refused:
        block.clean(value)
    assert "« projets »" in str(refused.value.non_block_errors.as_data()[0].message)


def edition_form(**questions):
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    return nested_form_data({
        "title": "Baromètre 2026", "slug": "2026", "year": "2026", "introduction": rich_text("<p>L’enquête.</p>"),
        "opens_on": "2026-03-01", "closes_on": "2026-05-31", "seo_title": "", "search_description": "",
        "questions": streamfield([
            ("number", {"key": questions.get("first", "projets"), "label": "Projets", "help_text": "",
                        "required": "on", "unit": "projets"}),
            ("multiple_choice", {"key": questions.get("second", "difficultes"), "label": "Difficultés", "help_text": "",
                                 "choices": streamfield([("item", "Financement"), ("item", "Visas")])}),
        ]),
        "action-publish": "publish",
    })


def test_the_officer_composes_and_publishes_an_edition_in_the_admin(officer, barometer):
    from maillage_barometer.models import EditionPage

    add = f"/admin/pages/add/maillage_barometer/editionpage/{barometer.pk}/"
    refused = officer.post(add, edition_form(second="projets"))
    errors = refused.context["form"].errors
    assert refused.status_code == 200 and list(errors) == ["questions"], errors
    assert "« projets »" in str(errors["questions"].as_data()[0].non_block_errors.as_data()[0].message)
    assert not EditionPage.objects.exists()
    assert officer.post(add, edition_form()).status_code == 302
    edition = EditionPage.objects.get()
    assert edition.live and [(q.block_type, q.value["key"]) for q in edition.questions] == [
        ("number", "projets"), ("multiple_choice", "difficultes")]
    assert list(edition.questions[1].value["choices"]) == ["Financement", "Visas"]
    # From the page's editor to its survey and results screen.
    assert f'href="/admin/barometre/{edition.pk}/"' in officer.get(f"/admin/pages/{edition.pk}/edit/").content.decode()


def test_next_years_edition_is_a_copy_of_this_years_without_its_figures(officer, make_edition, barometer):
    from maillage_barometer.models import EditionPage

    last_year = make_edition(2025)
    EditionPage.objects.filter(pk=last_year.pk).update(figures={"year": 2025})
    copied = officer.post(f"/admin/pages/{last_year.pk}/copy/", {
        "new_title": "Baromètre 2026", "new_slug": "2026", "new_parent_page": str(barometer.pk),
        "copy_subpages": "", "publish_copies": ""})
    assert copied.status_code == 302
    copy = EditionPage.objects.get(slug="2026")
    assert (copy.figures, copy.results_published_at, copy.live) == (None, None, False)
    assert [q.value["key"] for q in copy.questions] == [q.value["key"] for q in last_year.questions]
    # Its year is still 2025 until the officer changes it: two editions of a year are refused.
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    def form(year):
        return nested_form_data({
            "title": "Baromètre 2026", "slug": "2026", "year": year, "introduction": rich_text("<p>2026</p>"),
            "opens_on": "2026-03-01", "closes_on": "2026-05-31", "seo_title": "", "search_description": "",
            "questions": streamfield([(q.block_type, {**q.value, "required": ""}) for q in copy.questions
                                      if q.block_type in ("number", "text")]),
        })

    refused = officer.post(f"/admin/pages/{copy.pk}/edit/", form("2025"))
    assert refused.status_code == 200 and "Il existe déjà une édition 2025" in refused.content.decode()
    assert officer.post(f"/admin/pages/{copy.pk}/edit/", form("2026")).status_code == 302
    assert EditionPage.objects.get(pk=copy.pk).get_latest_revision_as_object().year == 2026


@pytest.mark.django_db(transaction=True)
def test_invitations_go_out_from_the_worker_one_batch_at_a_time(officer, edition, mailoutbox, settings):
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
                      "mail": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.MAILLAGE_SUBSCRIPTIONS_BATCH_SIZE, settings.MAILLAGE_SUBSCRIPTIONS_BATCH_INTERVAL = 4, 60
    officer.post(f"/admin/barometre/{edition.pk}/", {"action": "invitation"})
    assert mailoutbox == []  # queued for the worker, not sent in the officer's request
    call_command("db_worker", "--batch", "--backend", "mail", "--no-reload", "--no-startup-delay", "--interval", "0",
                 verbosity=0)
    assert len(mailoutbox) == 4  # the first batch; the next waits its turn
    waiting = DBTaskResult.objects.filter(status="READY").get()
    assert waiting.run_after is not None and waiting.args_kwargs["args"] == [edition.pk, "invitation"]


def test_an_email_that_fails_does_not_cost_the_actor_its_email_of_the_day(officer, edition, mailoutbox, monkeypatch):
    from django.core.mail.backends.locmem import EmailBackend

    sending = EmailBackend.send_messages
    failed = []

    def fails_once(backend, messages):
        if not failed:
            failed.append(messages[0].to[0])
            raise ConnectionError("the mail server went away")
        return sending(backend, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", fails_once)
    officer.post(f"/admin/barometre/{edition.pk}/", {"action": "invitation"})
    assert failed and not Invitation.objects.filter(email=failed[0]).exists()
    officer.post(f"/admin/barometre/{edition.pk}/", {"action": "invitation"})  # the officer sends again, the same day
    assert sorted(m.to[0] for m in mailoutbox) == sorted(f"acteur{n}@example.org" for n in range(12) if n != 11)
    assert Invitation.objects.filter(edition=edition, sent=True).count() == 11
