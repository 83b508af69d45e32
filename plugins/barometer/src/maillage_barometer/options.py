"""The options a choice question offers, as (value, label): the values are
what answers store and figures count, kept from year to year."""

from django_countries import countries

from maillage_core.models import Sector, SustainableDevelopmentGoal

from .questions import AMOUNT_BANDS


def options(kind, question):
    if kind == "amount_band":
        return [(value, str(label)) for value, label in AMOUNT_BANDS]
    if kind in ("single_choice", "multiple_choice"):
        return [(choice, choice) for choice in question.get("choices") or []]
    if kind == "countries":
        return [(code, str(name)) for code, name in countries]
    if kind == "sectors":
        return [(sector.slug, sector.label) for sector in Sector.objects.order_by("sort_order", "name")]
    if kind == "sdgs":
        return [(str(goal.number), str(goal)) for goal in SustainableDevelopmentGoal.objects.order_by("number")]
    return []
