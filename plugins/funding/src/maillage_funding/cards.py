"""A call's card in lists (the search, the home's and a country's sections).

Cards are read with ``values()`` and one query for the funders' names, and
their texts (status, dates, summary) made here once: twenty calls loaded as
``ClusterableModel`` instances, then a card template included per call, took
two thirds of the search page's time. Their HTML is written here too
(``cards_html``, for ``call_cards.html``): a template loop over twenty cards
resolved some two hundred variables, a tenth of the search page's time.
"""

import html
from dataclasses import dataclass

from django.template.defaultfilters import truncatewords
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext

from .models.calls import FundingCall, dates_text, local_today, status_of

FIELDS = ("pk", "slug", "title", "summary", "permanent", "opens_on", "closes_on")
SUMMARY_WORDS = 40


@dataclass(frozen=True)
class CallCard:
    pk: int
    slug: str
    title: str
    summary: str  # its first words
    status: str
    status_label: str
    dates: str  # when it closes or opens, after the status
    funder_list: str


def funder_names(pks):
    """{call pk: its funders' names, by name}, in one query."""
    names = {}
    rows = (FundingCall.funders.through.objects.filter(fundingcall_id__in=pks)
            .order_by("funder__name", "funder_id").values_list("fundingcall_id", "funder__name"))
    for pk, name in rows:
        names.setdefault(pk, []).append(name)
    return {pk: ", ".join(found) for pk, found in names.items()}


def card_of(row, funders, today):
    status = status_of(row["permanent"], row["opens_on"], row["closes_on"], today)
    return CallCard(
        pk=row["pk"], slug=row["slug"], title=row["title"], summary=truncatewords(row["summary"], SUMMARY_WORDS),
        status=status.value, status_label=capfirst(status.label),
        dates=dates_text(row["permanent"], row["opens_on"], row["closes_on"], status), funder_list=funders.get(row["pk"], ""),
    )


def cards(calls):
    """The cards of a queryset of calls, in its order."""
    rows = list(calls.values(*FIELDS))
    funders = funder_names([row["pk"] for row in rows])
    today = local_today()
    return [card_of(row, funders, today) for row in rows]


def cards_in_order(calls, pks):
    """The cards of ``pks`` among ``calls``, in the order of ``pks`` (a search's
    page), in one query: each call's fields come joined with its funders'
    names, a row per funder (a call has one to three), where ``cards`` asks
    for the names in a second query (it takes a sliced queryset, which a
    join would cut short)."""
    rows, names = {}, {}
    joined = calls.filter(pk__in=pks).order_by("funders__name", "funders__id").values(*FIELDS, "funders__name")
    for row in joined:
        name = row.pop("funders__name")
        rows.setdefault(row["pk"], row)
        if name is not None:
            names.setdefault(row["pk"], []).append(name)
    funders = {pk: ", ".join(found) for pk, found in names.items()}
    today = local_today()
    return [card_of(rows[pk], funders, today) for pk in pks if pk in rows]


# One card, as the template wrote it (every value escaped as autoescape does).
CARD = """<li class="funding-card">
  <h3><a href="{search_url}{slug}/">{title}</a></h3>
  {funders}
  <p class="funding-dates"><span class="card-label">{dates_label}</span> <span class="funding-status funding-status--{status}">{status_label}</span>
{dates}
</p>
  <p>{summary}</p>
</li>
"""
FUNDERS = '<p class="funding-meta"><span class="card-label">{label}</span> {names}</p>'


def escape(value):
    return html.escape(str(value))


def cards_html(cards, search_url):
    """The list items of ``cards``, each linked under ``search_url``."""
    search_url, funders_label, dates_label = escape(search_url), escape(gettext("Funders:")), escape(gettext("Dates:"))
    return mark_safe("".join(
        CARD.format(
            search_url=search_url, slug=escape(card.slug), title=escape(card.title),
            funders=FUNDERS.format(label=funders_label, names=escape(card.funder_list)) if card.funder_list else "",
            dates_label=dates_label, status=escape(card.status), status_label=escape(card.status_label),
            dates=escape(card.dates), summary=escape(card.summary),
        )
        for card in cards
    ))
