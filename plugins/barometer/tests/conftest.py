import datetime

import pytest
from django.utils import timezone

pytest_plugins = ["maillage_core.testing.fixtures"]

QUESTIONS = [
    ("number", {"key": "projets", "label": "Nombre de projets à l’international", "help_text": "", "required": True,
                "unit": "projets"}),
    ("amount_band", {"key": "budget", "label": "Budget annuel de l’action internationale", "help_text": "",
                     "required": False}),
    ("single_choice", {"key": "evolution", "label": "Votre activité internationale cette année",
                       "help_text": "", "required": False, "choices": ["En hausse", "Stable", "En baisse"]}),
    ("multiple_choice", {"key": "difficultes", "label": "Difficultés rencontrées", "help_text": "",
                         "required": False, "choices": ["Financement", "Bénévoles", "Visas", "Sécurité"]}),
    ("countries", {"key": "pays", "label": "Pays d’intervention cette année", "help_text": "", "required": False}),
    ("sectors", {"key": "secteurs", "label": "Secteurs", "help_text": "", "required": False}),
    ("sdgs", {"key": "odd", "label": "ODD visés", "help_text": "", "required": False}),
    ("text", {"key": "commentaire", "label": "Un commentaire ?", "help_text": "", "required": False}),
]


@pytest.fixture
def questionnaire():
    """The questions of ``make_edition``, to change for a test."""
    return list(QUESTIONS)


@pytest.fixture
def barometer(root_page):
    from maillage_barometer.models import BarometerIndexPage

    return root_page.add_child(instance=BarometerIndexPage(title="Baromètre", slug="barometre"))


@pytest.fixture
def make_edition(barometer):
    from maillage_barometer.models import EditionPage

    def make(year, opens_on=None, closes_on=None, questions=QUESTIONS, **fields):
        today = timezone.localdate()  # the site's day, as the views count it
        edition = EditionPage(
            title=f"Baromètre {year}", slug=str(year), year=year,
            opens_on=opens_on or today - datetime.timedelta(days=10),
            closes_on=closes_on or today + datetime.timedelta(days=20),
            questions=[(kind, value) for kind, value in questions], **fields)
        return barometer.add_child(instance=edition)

    return make


@pytest.fixture
def actors(vocabulary):
    """Twelve actors as a directory gives them, through core's hook,
    registered for the test only: the barometer imports no directory."""
    from wagtail import hooks

    from maillage_core import hooks as maillage_hooks
    from maillage_core.hooks import Respondent

    types = ["Association", "Association", "Collectivité territoriale"]
    departments = ["Rhône (69)", "Isère (38)"]
    found = [
        Respondent(key=f"test:{n}", name=f"Acteur {n:02d}", email=f"acteur{n}@example.org" if n != 11 else "",
                   actor_type=types[n % 3], department=departments[n % 2],
                   countries=("SN", "BF") if n % 2 else ("SN",), sectors=("eau-assainissement",) if n < 6 else (),
                   sdgs=(6,) if n < 6 else (4, 5))
        for n in range(12)
    ]

    def respondents(keys):
        return [r for r in found if keys is None or r.key in keys]

    with hooks.register_temporarily(maillage_hooks.SURVEY_RESPONDENTS, respondents):
        yield found


@pytest.fixture
def officer(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("officer", "o@example.org", "x"))
    return client


@pytest.fixture(autouse=True)
def _sent_in_the_tests_thread(settings):
    """Invitations go out in the test's own thread whatever the host's
    set-up (a site following the README sends them through a worker)."""
    immediate = {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    settings.TASKS = {"default": immediate, "mail": immediate}
    settings.MAILLAGE_SUBSCRIPTIONS_TASK_BACKEND = "mail"
    settings.MAILLAGE_SUBSCRIPTIONS_BATCH_INTERVAL = 0


@pytest.fixture
def answer(client):
    """Post answers through an actor's signed link, as the actor does."""
    from maillage_barometer.invitations import survey_url

    def post(edition, key, answers, action="submit"):
        path = survey_url(edition, key).split("://", 1)[1].split("/", 1)[1]
        return client.post("/" + path, {**answers, "action": action})

    return post
