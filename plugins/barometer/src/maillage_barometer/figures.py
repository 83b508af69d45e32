"""The figures of an edition: computed from the submitted answers and from
the directory (through core's ``maillage_survey_respondents`` hook) when the
officer publishes the results, then frozen into the edition as JSON.

The frozen figures hold exact counts; what the public sees goes through
``public_value``: a count of answers from fewer than ``SMALL_CELL`` actors
is shown as "< 5", so that no actor's answer can be made out."""

from collections import Counter

from django.utils import timezone

from maillage_core import hooks

from .models.responses import Response
from .options import options
from .questions import CHOICE_KINDS, MULTIPLE_KINDS, questions_of

SMALL_CELL = 5
HIDDEN = "< 5"
VERSION = 1


def public_value(count):
    """What a page or a download shows of a count of respondents."""
    return HIDDEN if 0 < count < SMALL_CELL else count


def compute(edition, respondents=None):
    """The edition's figures, as JSON: the answers sent, and the directory
    as copied when the survey closed (closing.py), else as it is now (the
    directory's ``respondents`` when the caller already has them)."""
    directory = edition.directory_at_closing
    if directory is None:
        respondents = hooks.survey_respondents() if respondents is None else respondents
        directory = {"actors": len(respondents), "invited": sum(1 for r in respondents if r.email),
                     "directory": directory_figures(respondents)}
    responses = list(Response.objects.submitted().filter(edition=edition).only("actor_key", "actor_type", "department", "answers"))
    return {
        "version": VERSION,
        "year": edition.year,
        "computed_at": timezone.now().isoformat(),
        "actors": directory["actors"],
        "invited": directory["invited"],
        "respondents": len(responses),
        "respondents_by_type": counted(Counter(response.actor_type or "—" for response in responses)),
        "directory": directory["directory"],
        "questions": [question_figures(kind, question, responses) for kind, question in questions_of(edition.questions)],
    }


def counted(counter, labels=None):
    """[{key, label, count}] by count, most first, then by label."""
    labels = labels or {}
    rows = [{"key": str(key), "label": str(labels.get(key, key)), "count": n} for key, n in counter.items() if n]
    return sorted(rows, key=lambda row: (-row["count"], row["label"]))


def directory_figures(respondents):
    """Actors of the directory by type, department, country, sector and SDG."""
    by = {name: Counter() for name in ("types", "departments", "countries", "sectors", "sdgs")}
    for r in respondents:
        by["types"][r.actor_type or "—"] += 1
        by["departments"][r.department or "—"] += 1
        by["countries"].update(r.countries)
        by["sectors"].update(r.sectors)
        by["sdgs"].update(str(n) for n in r.sdgs)
    return {
        "types": counted(by["types"]),
        "departments": counted(by["departments"]),
        "countries": counted(by["countries"], dict(options("countries", {}))),
        "sectors": counted(by["sectors"], dict(options("sectors", {}))),
        "sdgs": counted(by["sdgs"], dict(options("sdgs", {}))),
    }


def question_figures(kind, question, responses):
    key = question["key"]
    given = [response.answers[key] for response in responses if response.answers.get(key) not in (None, "", [])]
    figure = {"key": key, "kind": kind, "label": question["label"], "answered": len(given)}
    if kind == "number":
        numbers = [value for value in given if isinstance(value, int)]
        figure.update(unit=question.get("unit") or "", total=sum(numbers))
    elif kind in CHOICE_KINDS:
        counter = Counter()
        for value in given:
            counter.update(value if kind in MULTIPLE_KINDS and isinstance(value, list) else [value])
        labels = dict(options(kind, question))
        rows = counted(counter, labels)
        if kind in ("amount_band", "single_choice"):
            # In the order of the options (bands from smallest to largest).
            order = {value: index for index, (value, _label) in enumerate(labels.items())}
            rows.sort(key=lambda row: order.get(row["key"], len(order)))
        figure["rows"] = rows
    # Free text: only how many answered; the texts themselves stay private.
    return figure


def response_rates(edition):
    """The officer's view: per actor type and per department, how many actors
    there are, how many started and how many submitted."""
    respondents = hooks.survey_respondents()
    states = dict(Response.objects.filter(edition=edition).values_list("actor_key", "submitted_at"))
    tables = {}
    for name, attribute in (("types", "actor_type"), ("departments", "department")):
        rows = {}
        for r in respondents:
            row = rows.setdefault(getattr(r, attribute) or "—", {"actors": 0, "drafts": 0, "submitted": 0})
            row["actors"] += 1
            if r.key in states:
                row["submitted" if states[r.key] else "drafts"] += 1
        tables[name] = [
            {"label": label, **row, "rate": round(100 * row["submitted"] / row["actors"]) if row["actors"] else 0}
            for label, row in sorted(rows.items())
        ]
    total = len(respondents)
    submitted = sum(1 for r in respondents if states.get(r.key))
    return {"actors": total, "submitted": submitted, "rate": round(100 * submitted / total) if total else 0,
            "tables": tables, "respondents": respondents, "states": states}
