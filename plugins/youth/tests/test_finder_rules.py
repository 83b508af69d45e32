"""The finder's rules against the real catalogue of the main schemes.

Each row of the table is a profile, the schemes that must fit, and the
rule the row is about. A second test breaks that rule (inverting its
verdict) and checks the row no longer holds: a row that would pass with
its rule broken tests nothing.
"""

import pytest

from maillage_youth import finder
from maillage_youth.demo.schemes import SCHEMES, facts
from maillage_youth.finder import Profile, SchemeFacts, assess, fitting
from maillage_youth.models import DiplomaLevel

CATALOGUE = [facts(entry) for entry in SCHEMES]
SC, VSI, CES = "service-civique-international", "volontariat-solidarite-internationale", "corps-europeen-de-solidarite"
JSI, VVVSI = "jeunesse-solidarite-internationale", "ville-vie-vacances-solidarite-internationale"
CAMPS, VIE = "chantiers-internationaux", "volontariat-international-vie-via"
EVERY = [SC, VSI, CES, JSI, VVVSI, CAMPS, VIE]

# (rule named, profile, schemes that fit, in catalogue order)
TABLE = [
    ("age", Profile(age=15), [JSI, VVVSI]),  # the youngest: only the group projects
    ("age", Profile(age=16), [SC, JSI, VVVSI]),  # civic service opens at 16
    ("age", Profile(age=17), [SC, JSI, VVVSI]),  # one year before most schemes
    ("age", Profile(age=18), EVERY),
    ("age", Profile(age=25), EVERY),  # last year of civic service and group projects
    ("age", Profile(age=26), [VSI, CES, CAMPS, VIE]),
    ("age", Profile(age=28), [VSI, CES, CAMPS, VIE]),  # last year of VIE / VIA
    ("age", Profile(age=29), [VSI, CES, CAMPS]),
    ("age", Profile(age=30), [VSI, CES, CAMPS]),  # last year of the European Solidarity Corps
    ("age", Profile(age=31), [VSI, CAMPS]),
    ("age", Profile(age=62), [VSI, CAMPS]),  # no upper limit
    ("diploma", Profile(diploma=DiplomaLevel.NONE), EVERY),  # none of them asks for a diploma
    ("diploma", Profile(age=20, diploma=DiplomaLevel.NONE), EVERY),
    ("budget", Profile(budget="0"), [SC, VSI, CES, VIE]),  # no money: only the paid schemes
    ("budget", Profile(budget="300"), EVERY),
    ("budget", Profile(age=17, budget="0"), [SC]),
    ("duration", Profile(duration="short"), [CES, JSI, VVVSI, CAMPS]),
    ("duration", Profile(duration="months"), [SC, CES, VIE]),  # six months is in "1 to 6 months"
    ("duration", Profile(age=22, duration="months"), [SC, CES, VIE]),
    ("duration", Profile(duration="year"), [SC, VSI, CES, VIE]),
    ("duration", Profile(duration="long"), [VSI, VIE]),
    ("region", Profile(regions=frozenset({"europe"})), [SC, CES, CAMPS, VIE]),
    ("region", Profile(regions=frozenset({"africa"})), [SC, VSI, JSI, VVVSI, CAMPS, VIE]),
    ("region", Profile(age=26, regions=frozenset({"europe"}), duration="short"), [CES, CAMPS]),
    ("sector", Profile(sectors=frozenset({"sante"})), [SC, VSI, CES, JSI, VIE]),
    ("sector", Profile(sectors=frozenset({"urbanisme"})), [CAMPS, VIE]),
]
IDS = [f"{rule}-{index}" for index, (rule, _profile, _expected) in enumerate(TABLE)]
RULES_BY_NAME = {
    "age": "check_age",
    "duration": "check_duration",
    "budget": "check_budget",
    "diploma": "check_diploma",
    "region": "check_region",
    "sector": "check_sector",
}


def test_the_table_is_long_enough_and_names_every_rule():
    assert len(TABLE) >= 10
    assert {rule for rule, _p, _e in TABLE} == set(RULES_BY_NAME)


@pytest.mark.parametrize("rule, profile, expected", TABLE, ids=IDS)
def test_the_finder_returns_the_right_schemes(rule, profile, expected):
    assert fitting(profile, CATALOGUE) == expected


def inverted(check):
    def broken(profile, scheme):
        result = check(profile, scheme)
        return None if result is None else finder.Check(result.rule, not result.fits, result.message)

    return broken


@pytest.mark.parametrize("rule, profile, expected", TABLE, ids=IDS)
def test_each_row_fails_when_the_rule_it_names_breaks(rule, profile, expected):
    name = RULES_BY_NAME[rule]
    rules = tuple(inverted(check) if check.__name__ == name else check for check in finder.RULES)
    assert fitting(profile, CATALOGUE, rules) != expected


def test_an_unanswered_question_constrains_nothing():
    assert fitting(Profile(), CATALOGUE) == EVERY
    assert assess(Profile(), CATALOGUE[0]).line == ""


def test_a_diploma_requirement_is_checked_against_the_level_given():
    graduate_only = SchemeFacts(key="x", age_min=18, age_max=None, weeks_min=26, weeks_max=52,
                                diploma_min=DiplomaLevel.BAC_3)
    assert not assess(Profile(diploma=DiplomaLevel.NONE), graduate_only).fits
    assert not assess(Profile(diploma=DiplomaLevel.BAC_2), graduate_only).fits
    assert assess(Profile(diploma=DiplomaLevel.BAC_3), graduate_only).fits
    assert assess(Profile(diploma=DiplomaLevel.BAC_5), graduate_only).fits


def test_the_line_says_why_a_scheme_fits():
    civic = next(f for f in CATALOGUE if f.key == SC)
    line = assess(Profile(age=19, budget="0", duration="year", diploma=DiplomaLevel.NONE), civic).line
    assert line == ("Pourquoi il vous correspond : ouvert à 19 ans (de 16 à 25 ans) ; dure de 6 à 12 mois ; "
                    "ne vous coûte rien ; aucun diplôme demandé.")


def test_the_line_says_what_is_missing():
    camps = next(f for f in CATALOGUE if f.key == CAMPS)
    verdict = assess(Profile(age=16, budget="0", regions=frozenset({"europe"})), camps)
    assert not verdict.fits
    assert verdict.line == "Ce qui manque : accessible dès 18 ans ; coûte au moins 150 €, au-dessus de votre budget."


@pytest.mark.parametrize(
    "weeks, text",
    [((2, 4), "de 2 à 4 semaines"), ((26, 52), "de 6 à 12 mois"), ((2, 52), "de 2 semaines à 12 mois"),
     ((52, 104), "de 12 mois à 2 ans"), ((104, 104), "2 ans")],
)
def test_durations_read_naturally(weeks, text):
    assert finder.weeks_span(*weeks) == text


# (answer, scheme's shortest and longest stay in weeks, fits): durations are
# ranges and a shared bound counts for both (6 months = 26 weeks, a year = 52).
DURATION_BOUNDS = [
    ("short", (4, 8), True), ("short", (5, 8), False),
    ("months", (1, 4), False), ("months", (1, 5), True),
    ("months", (26, 52), True), ("months", (27, 52), False),
    ("year", (5, 25), False), ("year", (5, 26), True),
    ("year", (52, 104), True), ("year", (53, 104), False),
    ("long", (26, 52), False), ("long", (26, 53), True),
]


@pytest.mark.parametrize("answer, weeks, fits", DURATION_BOUNDS, ids=[f"{a}-{w[0]}-{w[1]}" for a, w, _f in DURATION_BOUNDS])
def test_duration_answers_overlap_scheme_durations_bounds_included(answer, weeks, fits):
    scheme = SchemeFacts(key="x", age_min=16, age_max=None, weeks_min=weeks[0], weeks_max=weeks[1])
    assert finder.check_duration(Profile(duration=answer), scheme).fits is fits
