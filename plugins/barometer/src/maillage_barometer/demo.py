"""Demo content: /barometre/ with three past editions (2023-2025) whose
results are published from plausible answers of the demo's actors (core's
``maillage_survey_respondents`` hook: none in a site without a directory),
and the 2026 survey open. Idempotent: editions are found by year; answers
are bulk-inserted, so the whole takes well under a second."""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from maillage_core import hooks
from maillage_core.demo import default_root, ensure_index_page, published

from . import figures
from .models import BarometerIndexPage, EditionPage, Response
from .questions import AMOUNT_BANDS

TREND = ["En hausse", "Stable", "En baisse"]
DIFFICULTIES = ["Financement", "Renouvellement des bénévoles", "Visas et mobilité",
                "Sécurité dans les pays d’intervention", "Relations avec les partenaires"]
QUESTIONS = [
    ("number", {"key": "projets", "label": "Nombre de projets menés à l’international cette année",
                "help_text": "", "required": True, "unit": "projets"}),
    ("number", {"key": "benevoles", "label": "Bénévoles engagés dans l’action internationale",
                "help_text": "Une estimation suffit.", "required": False, "unit": "bénévoles"}),
    ("amount_band", {"key": "budget", "label": "Budget annuel consacré à l’action internationale",
                     "help_text": "", "required": True}),
    ("single_choice", {"key": "evolution", "label": "Votre activité internationale par rapport à l’an dernier",
                       "help_text": "", "required": False, "choices": TREND}),
    ("multiple_choice", {"key": "difficultes", "label": "Principales difficultés rencontrées",
                         "help_text": "Plusieurs réponses possibles.", "required": False, "choices": DIFFICULTIES}),
    ("countries", {"key": "pays", "label": "Pays où vous avez agi cette année", "help_text": "", "required": False}),
    ("sectors", {"key": "secteurs", "label": "Secteurs de vos actions cette année", "help_text": "",
                 "required": False}),
    ("sdgs", {"key": "odd", "label": "ODD auxquels vos actions contribuent", "help_text": "", "required": False}),
    ("text", {"key": "commentaire", "label": "Un mot sur votre année ?", "help_text": "", "required": False}),
]
PAST = {2023: 0.38, 2024: 0.44, 2025: 0.5}  # share of actors who answered
OPEN_YEAR = 2026


def answers_of(respondent, rng):
    pick = lambda values, most: rng.sample(list(values), min(len(values), rng.randint(1, most)))  # noqa: E731
    answers = {
        "projets": rng.choice([1, 1, 2, 2, 3, 4, 6, 10]),
        "budget": rng.choices([band for band, _label in AMOUNT_BANDS], weights=[40, 30, 18, 9, 3])[0],
        "evolution": rng.choices(TREND, weights=[3, 5, 2])[0],
        "difficultes": pick(DIFFICULTIES, 2),
    }
    if rng.random() < 0.7:
        answers["benevoles"] = rng.randint(2, 60)
    for key, values in (("pays", respondent.countries), ("secteurs", respondent.sectors),
                        ("odd", [str(n) for n in respondent.sdgs])):
        if values:
            answers[key] = pick(values, 3)
    return answers


def responses(edition, respondents, share, rng, submitted_at):
    chosen = [r for r in respondents if rng.random() < share]
    return [
        Response(edition=edition, actor_key=r.key, actor_name=r.name[:255], actor_type=r.actor_type[:150],
                 department=r.department[:120], answers=answers_of(r, rng), submitted_at=submitted_at)
        for r in chosen
    ]


def edition_page(index, year, opens_on, closes_on):
    introduction = (f"<p>Le baromètre {year} de la coopération et de la solidarité internationale en région : "
                    "les chiffres clés des acteurs, leurs pays et secteurs d’intervention, leurs moyens et leurs "
                    "difficultés, à partir de l’enquête annuelle du réseau.</p>")
    return index.add_child(instance=published(EditionPage(
        title=f"Baromètre {year}", slug=str(year), year=year, introduction=introduction,
        opens_on=opens_on, closes_on=closes_on, questions=QUESTIONS)))


def load(options, progress):
    if default_root() is None:
        progress("barometer: no default site, nothing loaded")
        return 0
    created = 0
    with transaction.atomic():
        index, made = ensure_index_page(
            BarometerIndexPage, slug="barometre", title="Baromètre", with_revision=False,
            intro="<p>Chaque année, le réseau publie le baromètre de la coopération et de la solidarité "
                  "internationale de la région, à partir de l’enquête menée auprès des acteurs.</p>",
        )
        created += int(made)
        known = set(EditionPage.objects.values_list("year", flat=True))
        respondents = hooks.survey_respondents()
        for year, share in PAST.items():
            if year in known:
                continue
            edition = edition_page(index, year, datetime.date(year, 3, 1), datetime.date(year, 5, 31))
            rng = random.Random(year)
            closing = timezone.make_aware(datetime.datetime(year, 5, 20, 12))
            Response.objects.bulk_create(responses(edition, respondents, share, rng, closing))
            EditionPage.objects.filter(pk=edition.pk).update(
                figures=figures.compute(edition, respondents), results_published_at=closing)
            created += 1
        if OPEN_YEAR not in known:
            today = timezone.localdate()
            edition = edition_page(index, OPEN_YEAR, today - datetime.timedelta(days=14),
                                   today + datetime.timedelta(days=45))
            rng = random.Random(OPEN_YEAR)
            started = responses(edition, respondents, 0.25, rng, None)
            for response in started[::2]:
                response.submitted_at = timezone.now()
            Response.objects.bulk_create(started)
            created += 1
    progress(f"barometer: {created} items created")
    return created
