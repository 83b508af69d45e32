"""The finder on the scheme catalogue: answers read from the query string
(so a result can be shared), checked through ``maillage_core.params``,
and the catalogue's schemes sorted into those that fit and the others."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from maillage_core.content_memo import for_anonymous, remembered
from maillage_core.models import Sector
from maillage_core.params import choices, integer, one_of

from ..cards import scheme_cards, scheme_entries
from ..finder import AGES, BUDGETS, DURATIONS, Profile, assess
from ..models.choices import DiplomaLevel, WorldRegion
from ..options import options_html

DURATION_LABELS = {
    "short": gettext_lazy("Less than a month"),
    "months": gettext_lazy("One to six months"),
    "year": gettext_lazy("Six months to a year"),
    "long": gettext_lazy("More than a year"),
}
BUDGET_LABELS = {
    "0": gettext_lazy("Nothing: the costs must be covered"),
    "300": gettext_lazy("Up to 300 €"),
    "1000": gettext_lazy("Up to 1,000 €"),
    "plus": gettext_lazy("More than 1,000 €"),
}


def read_profile(request, sector_slugs):
    """The visitor's answers, and a notice for each one set aside."""
    notices = []
    age, bad_age = integer(request, "age", minimum=AGES[0], maximum=AGES[1])
    if bad_age is not None:
        notices.append(
            _("“%(value)s” is not an age the finder can use: give a whole number between %(min)s and %(max)s.")
            % {"value": bad_age, "min": AGES[0], "max": AGES[1]}
        )
    duration, bad = one_of(request, "duree", DURATIONS, None)
    if bad:
        notices.append(_("“%(value)s” is not one of the durations offered; every duration is shown.") % {"value": bad})
    budget, bad = one_of(request, "budget", BUDGETS, None)
    if bad:
        notices.append(_("“%(value)s” is not one of the budgets offered; every budget is shown.") % {"value": bad})
    diploma, bad = one_of(request, "diplome", [str(level) for level in DiplomaLevel.values], None)
    if bad:
        notices.append(_("“%(value)s” is not one of the diploma levels offered.") % {"value": bad})
    regions, rejected = choices(request, "region", WorldRegion.values, max_values=len(WorldRegion.values))
    if rejected:
        notices.append(_("Unknown region ignored: %(values)s.") % {"values": ", ".join(v or "∅" for v in rejected)})
    sectors, rejected = choices(request, "secteur", sector_slugs, max_values=5)
    if rejected:
        notices.append(_("Unknown field ignored: %(values)s.") % {"values": ", ".join(v or "∅" for v in rejected)})
    profile = Profile(
        age=age,
        duration=duration,
        budget=budget,
        diploma=int(diploma) if diploma is not None else None,
        regions=frozenset(regions),
        sectors=frozenset(sectors),
    )
    return profile, notices


def finder_context(request, catalogue):
    sectors = remembered(("youth_sectors",), lambda: list(Sector.objects.all()))
    profile, notices = read_profile(request, [sector.slug for sector in sectors])
    assessed = [(entry, assess(profile, entry.facts)) for entry in catalogue_entries(request, catalogue)]
    fitting = [(entry, verdict) for entry, verdict in assessed if verdict.fits]
    others = sorted(
        ((entry, verdict) for entry, verdict in assessed if not verdict.fits),
        key=lambda pair: len(pair[1].missing),
    )
    chosen_sector = next(iter(sorted(profile.sectors)), "")
    return {
        "profile": profile,
        "answered": not profile.is_empty,
        "notices": notices,
        "fitting": fitting,
        "others": others,
        "fitting_cards": scheme_cards(fitting),
        "other_cards": scheme_cards(others),
        "duration_options": options_html(DURATION_LABELS.items(), {profile.duration}),
        "budget_options": options_html(BUDGET_LABELS.items(), {profile.budget}),
        "diploma_options": options_html(((str(value), label) for value, label in DiplomaLevel.choices),
                                        {str(profile.diploma)}),
        "region_options": WorldRegion.choices,
        "sector_options": options_html(((sector.slug, sector.label) for sector in sectors), {chosen_sector}),
        "chosen_sector": chosen_sector,
    }


def catalogue_entries(request, catalogue):
    """The catalogue's schemes with their cards, the same for every
    anonymous visitor: kept under the content version."""
    return for_anonymous(request, ("youth_catalogue", catalogue.pk),
                         lambda: scheme_entries(catalogue.schemes(), request))
