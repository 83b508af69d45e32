"""Which schemes fit a young person: small pure rules, one per question.

A ``Profile`` holds the answers (any may be missing), ``SchemeFacts`` the
conditions of one scheme. Each rule compares one answer with one
condition and returns a ``Check`` (fits or not, and a short phrase saying
why), or None when the question was not answered. ``assess`` runs every
rule; the finder page shows the fitting schemes with why they fit, then the
others with what is missing. Nothing here reads the database or the
request, so the rules are tested with a plain table of profiles.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from .models.choices import DiplomaLevel, WorldRegion

# What each duration answer means, in weeks (bounds included). The answers
# say "1 to 6 months" and "6 months to a year": six months (26 weeks) belongs
# to both, so a scheme of 6 to 12 months fits either.
DURATIONS = {
    "short": (1, 4),  # less than a month
    "months": (5, 26),  # one to six months
    "year": (26, 52),  # six months to a year
    "long": (53, None),  # more than a year
}
# The most a person can spend, in euros; None: no limit.
BUDGETS = {"0": 0, "300": 300, "1000": 1000, "plus": None}
AGES = (10, 99)


@dataclass(frozen=True)
class Profile:
    age: int | None = None
    duration: str | None = None
    budget: str | None = None
    diploma: int | None = None
    regions: frozenset = field(default_factory=frozenset)
    sectors: frozenset = field(default_factory=frozenset)

    @property
    def is_empty(self):
        return self == Profile()


@dataclass(frozen=True)
class SchemeFacts:
    key: str
    age_min: int
    age_max: int | None
    weeks_min: int
    weeks_max: int
    cost_from: int = 0
    diploma_min: int = DiplomaLevel.NONE
    regions: frozenset = field(default_factory=frozenset)
    #: Sector slugs; empty when the scheme covers every sector.
    sectors: frozenset = field(default_factory=frozenset)


@dataclass(frozen=True)
class Check:
    rule: str
    fits: bool
    message: str


def check_age(profile: Profile, facts: SchemeFacts) -> Check | None:
    if profile.age is None:
        return None
    if profile.age < facts.age_min:
        return Check("age", False, _("opens at %(age)s") % {"age": facts.age_min})
    if facts.age_max is not None and profile.age > facts.age_max:
        return Check("age", False, _("up to %(age)s years old") % {"age": facts.age_max})
    return Check("age", True, _("open at %(age)s (%(range)s)") % {"age": profile.age, "range": age_range(facts)})


def check_duration(profile: Profile, facts: SchemeFacts) -> Check | None:
    if profile.duration not in DURATIONS:
        return None
    wanted_min, wanted_max = DURATIONS[profile.duration]
    overlaps = facts.weeks_max >= wanted_min and (wanted_max is None or facts.weeks_min <= wanted_max)
    span = weeks_span(facts.weeks_min, facts.weeks_max)
    if overlaps:
        return Check("duration", True, _("lasts %(span)s") % {"span": span})
    return Check("duration", False, _("lasts %(span)s, not the length you want") % {"span": span})


def check_budget(profile: Profile, facts: SchemeFacts) -> Check | None:
    if profile.budget not in BUDGETS:
        return None
    limit = BUDGETS[profile.budget]
    if facts.cost_from == 0:
        return Check("budget", True, _("costs you nothing"))
    if limit is None or facts.cost_from <= limit:
        return Check("budget", True, _("from %(cost)s €, within your budget") % {"cost": facts.cost_from})
    return Check("budget", False, _("costs at least %(cost)s €, above your budget") % {"cost": facts.cost_from})


def check_diploma(profile: Profile, facts: SchemeFacts) -> Check | None:
    if profile.diploma is None:
        return None
    if facts.diploma_min <= DiplomaLevel.NONE:
        return Check("diploma", True, _("no diploma required"))
    level = DiplomaLevel(facts.diploma_min).label
    if profile.diploma >= facts.diploma_min:
        return Check("diploma", True, _("asks for %(level)s, which you have") % {"level": level})
    return Check("diploma", False, _("asks for %(level)s") % {"level": level})


def check_region(profile: Profile, facts: SchemeFacts) -> Check | None:
    if not profile.regions:
        return None
    shared = [region for region in WorldRegion if region.value in profile.regions and region.value in facts.regions]
    if shared:
        return Check("region", True, _("goes to %(regions)s") % {"regions": region_list(shared)})
    wanted = [region for region in WorldRegion if region.value in profile.regions]
    return Check("region", False, _("does not go to %(regions)s") % {"regions": region_list(wanted)})


def check_sector(profile: Profile, facts: SchemeFacts) -> Check | None:
    if not profile.sectors:
        return None
    if not facts.sectors:
        return Check("sector", True, _("open to every field"))
    if profile.sectors & facts.sectors:
        return Check("sector", True, _("covers the field you chose"))
    return Check("sector", False, _("does not cover the field you chose"))


RULES = (check_age, check_duration, check_budget, check_diploma, check_region, check_sector)


@dataclass(frozen=True)
class Verdict:
    facts: SchemeFacts
    checks: tuple

    @property
    def fits(self):
        return all(check.fits for check in self.checks)

    @property
    def reasons(self):
        return [check.message for check in self.checks if check.fits]

    @property
    def missing(self):
        return [check.message for check in self.checks if not check.fits]

    @property
    def line(self):
        """The one line shown under the scheme."""
        if not self.checks:
            return ""
        if self.fits:
            return _("Why it fits: %(reasons)s.") % {"reasons": separator().join(self.reasons)}
        return _("What is missing: %(missing)s.") % {"missing": separator().join(self.missing)}


def assess(profile: Profile, facts: SchemeFacts, rules=RULES) -> Verdict:
    checks = tuple(check for rule in rules if (check := rule(profile, facts)) is not None)
    return Verdict(facts, checks)


def fitting(profile: Profile, catalogue, rules=RULES) -> list[str]:
    """Keys of the schemes of ``catalogue`` (SchemeFacts) that fit, in order."""
    return [facts.key for facts in catalogue if assess(profile, facts, rules).fits]


# Phrases
def separator():
    return pgettext("between the reasons of the finder", "; ")


def age_range(facts: SchemeFacts) -> str:
    if facts.age_max is None:
        return _("%(age)s and over") % {"age": facts.age_min}
    return _("%(min)s to %(max)s years old") % {"min": facts.age_min, "max": facts.age_max}


def weeks_span(weeks_min: int, weeks_max: int) -> str:
    low, high = duration_parts(weeks_min), duration_parts(weeks_max)
    if low == high:
        return duration_text(*low)
    if low[1] == high[1]:
        return duration_range_text(low[0], high[0], high[1])
    return _("%(low)s to %(high)s") % {"low": duration_text(*low), "high": duration_text(*high)}


def duration_parts(weeks: int) -> tuple[int, str]:
    """(number, unit): whole years from two years, months from two months, else weeks."""
    if weeks >= 104 and weeks % 52 == 0:
        return weeks // 52, "years"
    if weeks >= 8:
        return round(weeks * 12 / 52), "months"
    return weeks, "weeks"


def duration_text(number: int, unit: str) -> str:
    if unit == "years":
        return ngettext("%(n)s year", "%(n)s years", number) % {"n": number}
    if unit == "months":
        return ngettext("%(n)s month", "%(n)s months", number) % {"n": number}
    return ngettext("%(n)s week", "%(n)s weeks", number) % {"n": number}


def duration_range_text(low: int, high: int, unit: str) -> str:
    if unit == "years":
        return _("%(low)s to %(high)s years") % {"low": low, "high": high}
    if unit == "months":
        return _("%(low)s to %(high)s months") % {"low": low, "high": high}
    return _("%(low)s to %(high)s weeks") % {"low": low, "high": high}


def region_list(regions) -> str:
    return ", ".join(str(region.label) for region in regions)
