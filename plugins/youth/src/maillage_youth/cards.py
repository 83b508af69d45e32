"""The cards of the offers (the board, the landing page, the home and
country sections) and of the schemes (the catalogue and its finder, the
landing page), written here with ``html.escape`` and format strings rather
than through a template: an offer's card resolved about thirty template
variables, two date filters and two block translations, most of an
uncached board; a scheme's card was an include per scheme.

The markup and the words are those ``includes/offer_cards.html`` and
``includes/scheme_card.html`` wrote, byte for byte: the labels translated
once for the list and not escaped, as ``{% translate %}`` leaves them; the
values escaped, as ``{{ }}`` does.
"""

from dataclasses import dataclass
from html import escape

from django.template.loader import render_to_string
from django.utils.formats import localize
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from .finder import SchemeFacts, age_range, weeks_span
from .models.offers import local_today
from .words import Words

OFFER_CARD = (
    '<li class="youth-card">\n'
    '  <h3><a href="{url}">{title}</a></h3>\n'
    '  <p class="youth-meta"><span class="youth-badge">{kind}</span> {organisation}</p>\n'
    '  <p class="youth-meta"><span class="card-label">{where_label}</span> {place}{sector}</p>\n'
    '  <p><span class="card-label">{dates_label}</span> {start}{duration} · <strong{soon}>{closing}</strong></p>\n'
    "</li>\n"
)
SOON_DAYS = 7


def offer_cards(offers):
    """The cards of ``offers`` (each with its ``board_url``) as one safe string."""
    words = Words()
    labels = {
        "where_label": gettext("Where:"),
        "dates_label": gettext("Dates:"),
        "sector_label": gettext("Sector:"),
        "asap": gettext("Starts as soon as possible"),
        "starts": gettext("Starts %(date)s"),
        "apply_by": gettext("apply by %(date)s"),
    }
    today = local_today()
    return mark_safe("".join(offer_card(offer, words, labels, today) for offer in offers))


def offer_card(offer, words, labels, today):
    sector = offer.sector
    start = offer.start_date
    soon = offer.live and 0 <= (offer.closing_date - today).days <= SOON_DAYS
    return OFFER_CARD.format(
        url=escape(offer.board_url),
        title=escape(offer.title),
        kind=escape(words.kind(offer)),
        organisation=escape(offer.organisation),
        where_label=labels["where_label"],
        place=(f"{escape(offer.city)}, " if offer.city else "") + escape(words.country(offer.country.code)),
        sector=f' · <span class="card-label">{labels["sector_label"]}</span> {escape(sector.label)}' if sector else "",
        dates_label=labels["dates_label"],
        start=labels["starts"] % {"date": escape(words.month_year(start))} if start else labels["asap"],
        duration=f" · {escape(offer.duration)}" if offer.duration else "",
        soon=' class="youth-soon"' if soon else "",
        closing=labels["apply_by"] % {"date": escape(words.full_date(offer.closing_date))},
    )


SCHEME_CARD = (
    '<li class="youth-card">\n'
    '  <h3><a href="{url}">{title}</a></h3>\n'
    "  <p>{pitch}</p>\n"
    '  <p class="youth-meta">{ages} · {span} · {cost}</p>\n'
    "  "
)
VERDICT = '<p class="youth-verdict{fits}">{line}</p>'


@dataclass(frozen=True)
class SchemeEntry:
    """A scheme of the catalogue as the finder reads it: its conditions, and
    its card up to the finder's verdict (the same for every visitor)."""

    facts: SchemeFacts
    card: str


def scheme_entries(schemes, request):
    """``schemes`` (pages, sectors prefetched) as ``SchemeEntry``s, in the language of the moment."""
    no_cost, from_cost = gettext("no cost"), gettext("from %(cost)s €")
    entries = []
    for scheme in schemes:
        facts = scheme.facts()
        entries.append(SchemeEntry(facts=facts, card=SCHEME_CARD.format(
            url=escape(scheme.get_url(request=request) or ""),
            title=escape(scheme.title),
            pitch=escape(scheme.pitch),
            ages=escape(age_range(facts)),
            span=escape(weeks_span(facts.weeks_min, facts.weeks_max)),
            cost=from_cost % {"cost": escape(localize(facts.cost_from))} if facts.cost_from else no_cost,
        )))
    return entries


def scheme_cards(assessed):
    """The cards of ``assessed`` (``SchemeEntry``, ``Verdict`` or None) as one safe string."""
    parts = []
    for entry, verdict in assessed:
        line = verdict.line if verdict else ""
        verdict_html = VERDICT.format(fits=" youth-verdict--fits" if verdict.fits else "", line=escape(line)) if line else ""
        parts.append(f"{entry.card}{verdict_html}\n</li>\n")
    return mark_safe("".join(parts))


GUIDE_CARD = '<li class="youth-card"><h3><a href="{url}">{title}</a></h3>{intro}</li>'


def guide_cards(guides, request):
    """The landing page's departure guides (pages) as one safe string."""
    return mark_safe("".join(
        GUIDE_CARD.format(url=escape(guide.get_url(request=request) or ""), title=escape(guide.title),
                          intro=f"<p>{escape(guide.intro)}</p>" if guide.intro else "")
        for guide in guides))


def testimony_cards(testimonies):
    """Testimonies' cards through their template (a photo's ``{% picture %}``),
    for a list drawn once and kept (the landing page's)."""
    return mark_safe("".join(
        render_to_string("maillage_youth/includes/testimony_card.html", {"testimony": testimony})
        for testimony in testimonies))
