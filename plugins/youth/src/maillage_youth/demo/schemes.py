"""The main engagement schemes (``schemes.json``), as demo content and as
the finder's test catalogue.

Conditions are the public ones as known when this data was written
(``CHECKED``); they change (allowances every year, sometimes ages and
durations). Where a figure is uncertain the text says "à vérifier sur le
site officiel", and every scheme links to its official site. The pages
flag them once ``MAILLAGE_YOUTH_SCHEME_CHECK_DAYS`` have passed: the
officer must compare them with the official sites before relying on them.

``cost_from`` is the order of magnitude a participant spends at least
(travel included), used only by the finder's budget question.
"""

import datetime

from maillage_core.demo import read

_DATA = read(__package__, "schemes.json")
CHECKED = datetime.date.fromisoformat(_DATA["checked"])
SCHEMES = _DATA["schemes"]


def facts(entry):
    """The finder's view of one scheme of this list (no database needed)."""
    from ..finder import SchemeFacts

    return SchemeFacts(
        key=entry["slug"],
        age_min=entry["age_min"],
        age_max=entry["age_max"],
        weeks_min=entry["duration_min_weeks"],
        weeks_max=entry["duration_max_weeks"],
        cost_from=entry["cost_from"],
        diploma_min=entry.get("diploma_min", 0),
        regions=frozenset(entry["regions"]),
        sectors=frozenset(entry["sectors"]),
    )
