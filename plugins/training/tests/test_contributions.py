"""What the plugin gives the rest of a site through core's hooks, its
demo content and its system checks."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import RequestFactory, override_settings
from django.utils import timezone

from maillage_core import hooks as maillage_hooks
from maillage_training import checks
from maillage_training.models import Registration, TrainingPage, TrainingSession

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_(root_page):
    return RequestFactory().get("/", HTTP_HOST="localhost")


@pytest.fixture
def upcoming(make_training, make_session):
    training = make_training("Santé mondiale")
    now = timezone.now()
    return [
        make_session(training, start=now + timedelta(days=days), status=status)
        for days, status in ((9, "open"), (2, "open"), (5, "cancelled"), (-3, "open"))
    ] + [make_session(make_training("Brouillon", publish=False), start=now + timedelta(days=1))]


def test_upcoming_events_hook_lists_the_next_public_sessions_in_order(request_, upcoming):
    events = maillage_hooks.upcoming_events(request_, limit=5)
    assert [event.start for event in events] == [upcoming[1].start, upcoming[0].start]
    assert events[0].title == "Santé mondiale" and events[0].kind == "training"
    assert events[0].url.endswith(f"/sessions/{upcoming[1].pk}/")
    assert maillage_hooks.upcoming_events(request_, limit=1)[0].start == upcoming[1].start


def test_home_figures_and_sections(request_, upcoming):
    [figure] = [f for f in maillage_hooks.home_figures(request_) if "formation" in f.label]
    assert figure.value == 2  # open and upcoming: not the cancelled, past or draft ones
    assert figure.url == "/formations/"
    sections = [s for s in maillage_hooks.home_sections(request_) if s.key == "trainings"]
    assert len(sections) == 1
    from django.template.loader import render_to_string

    html = render_to_string(sections[0].template, {"section": sections[0]})
    assert html.count("session-card") == 2
    assert "Tout le programme de formation" in html


def test_no_home_section_without_upcoming_sessions(request_, programme):
    assert [s for s in maillage_hooks.home_sections(request_) if s.key == "trainings"] == []
    assert [f for f in maillage_hooks.home_figures(request_) if "formation" in f.label] == []


def test_search_source_is_registered():
    assert "trainings" in [source.key for source in maillage_hooks.search_sources()]


def test_demo_programme_loads_once_and_fast_the_second_time(root_page, vocabulary, django_assert_max_num_queries):
    from maillage_training import demo

    messages = []
    created = demo.load({}, messages.append)
    assert created == 15
    assert TrainingPage.objects.live().count() == 15
    sessions = TrainingSession.objects.all()
    assert sessions.count() == 30
    now = timezone.now()
    assert sessions.filter(end__lt=now).count() >= 5
    assert sessions.filter(status="cancelled").count() == 1
    counted = sessions.with_counts()
    assert any(s.confirmed_count == s.capacity and s.waitlist_count == 0 for s in counted)
    assert sum(1 for s in counted if s.waitlist_count) >= 3
    assert Registration.objects.filter(email__endswith="@example.org").count() == Registration.objects.count()

    with django_assert_max_num_queries(3):
        assert demo.load({}, messages.append) == 0
    assert TrainingSession.objects.count() == 30


def test_demo_loader_is_registered_with_core(root_page):
    from maillage_training import demo

    assert demo.load in [make() for make in maillage_hooks.demo_loaders()]


@pytest.mark.parametrize(
    "name, value",
    [
        ("MAILLAGE_TRAINING_RETENTION_DAYS", 0),
        ("MAILLAGE_TRAINING_REMINDER_DAYS", -1),
        ("MAILLAGE_TRAINING_CANCEL_LINK_MAX_AGE_DAYS", "30"),
        ("MAILLAGE_TRAINING_FEED_LIMIT", True),
        ("MAILLAGE_TRAINING_TIME_ZONE", "Mars/Olympus"),
        ("MAILLAGE_TRAINING_PAGE_MODEL", "maillage_core.Sector"),
        ("MAILLAGE_TRAINING_PAGE_MODEL", "nope"),
    ],
)
def test_system_checks_report_bad_settings_with_a_hint(name, value):
    with override_settings(**{name: value}):
        errors = checks.check_settings(None)
    assert len(errors) == 1 and name in errors[0].msg and errors[0].hint


def test_system_checks_pass_with_the_defaults():
    assert checks.check_settings(None) == []


def test_sqlite_without_immediate_transactions_is_warned_about():
    databases = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "x"}}
    [warning] = checks.sqlite_warnings(databases)
    assert warning.id == "maillage_training.W001" and "IMMEDIATE" in warning.hint
    immediate = {"default": {**databases["default"], "OPTIONS": {"transaction_mode": "IMMEDIATE"}}}
    assert checks.sqlite_warnings(immediate) == []
    assert checks.sqlite_warnings({"default": {"ENGINE": "django.db.backends.postgresql"}}) == []


def test_check_command_is_clean():
    call_command("check", stdout=io.StringIO())


def test_sessions_about_a_country_make_its_section_at_the_same_cost_for_one_or_many(request_, make_training,
                                                                                   make_session):
    from maillage_core.testing.sections import country_section_cost

    soon = timezone.now() + timedelta(days=4)
    make_session(make_training("Partir au Sénégal 0", countries=["SN"]), start=soon)
    make_session(make_training("Ailleurs"), start=soon)
    one, html = country_section_cost(request_, "SN", "trainings")
    for n in range(1, 4):
        training = make_training(f"Partir au Sénégal {n}", countries=["SN", "BJ"])
        make_session(training, start=soon)
        make_session(training, start=soon, status="cancelled")
    many, html = country_section_cost(request_, "SN", "trainings")
    assert many == one and html.count("Partir au Sénégal") == 4 and "Ailleurs" not in html
    [figures] = [f for f in maillage_hooks.country_figures(request_) if f.key == "trainings"]
    assert figures.counts == {"SN": 4, "BJ": 3}
    assert maillage_hooks.country_sections(request_, "ZZ") == [] and maillage_hooks.country_sections(request_, "<b>") == []
