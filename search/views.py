"""Site search: one query across every source the installed apps contribute.

One engine request per page (``maillage_core.search.site_search``): the
hits of every source blended by relevance, or of the one the visitor
picks (``?type=pages``), each kind's count for the tabs, the counts per
country and per sector as links that narrow the search (``refine``),
marked excerpts and a "did you mean" when little is found. Parameters are
validated: anything odd gives a message, never an error.
"""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from maillage_core.hooks import search_sources
from maillage_core.params import clean_text, integer, search_query
from maillage_core.search import site_search
from maillage_core.search.fallback import OUTAGE_NOTICE

from .refine import Choices, linker

PER_PAGE = 10
# Engines refuse offsets past their result window (10,000 hits).
MAX_PAGE = 1000
SUGGESTIONS = 8


def search(request):
    query, shortened = search_query(request)
    notices = [shortened] if shortened else []
    sources = search_sources()
    by_key = {source.key: source for source in sources}

    chosen_key = clean_text(request.GET.get("type", ""), 40)
    if chosen_key and chosen_key not in by_key:
        notices.append(_("There is no “%(type)s” section; showing every section.") % {"type": chosen_key})
        chosen_key = ""

    choices = Choices(request, notices) if query else None
    context = {"search_query": query, "sources": sources, "chosen": chosen_key, "notices": notices,
               "narrowed_by": choices.params if choices else {}}
    if query:
        link = linker({"q": query, "type": chosen_key, **choices.params})
        context.update(results_page(request, sources, query, chosen_key, notices, choices.indexed, link))
        results = context["results"]
        context["tabs"] = [(source, results.counts.get(source.key), link(type=source.key, page=None))
                           for source in sources]
        context["everything_url"] = link(type=None, page=None)
        context["refines"] = choices.refines(results.refines, lambda **change: link(page=None, **change))
        if results.suggestion:
            context["suggestion_url"] = link(q=results.suggestion, page=None)
        if results.unrefined:
            notices.append(_("Search by country or sector is unavailable for now: every result is shown."))
    if context.get("degraded"):
        notices.append(OUTAGE_NOTICE)
    return render(request, "search/search.html", context)


def results_page(request, sources, query, kind, notices, refine, link):
    number, bad = integer(request, "page", minimum=1, default=1)
    if bad is not None:
        notices.append(_("“%(value)s” is not a valid page number; here is the first page.") % {"value": bad})
    # A far page is answered from the first one's total, then the last page.
    asked = number if number <= MAX_PAGE else 1
    results = fetch(request, sources, query, kind, asked, refine)
    pages = min(MAX_PAGE, max(1, -(-results.total // PER_PAGE)))
    if number > pages or number != asked:
        notices.append(_("There is no page %(number)s; here is the last page.") % {"number": number})
        number = pages
        results = fetch(request, sources, query, kind, number, refine)
    return {
        "results": results,
        "degraded": results.degraded,
        "page_number": number,
        "page_count": pages,
        "previous_url": link(page=number - 1 if number > 2 else None) if number > 1 else None,
        "next_url": link(page=number + 1) if number < pages else None,
    }


def fetch(request, sources, query, kind, number, refine=None):
    return site_search.search(
        sources, query, request=request, kind=kind or None, offset=(number - 1) * PER_PAGE, limit=PER_PAGE,
        refine=refine,
    )


def suggestions(request):
    """What the header's search box offers while one types (JSON): at most
    ``SUGGESTIONS`` titles across every kind, each with its address and
    kind; an empty list when there is nothing to offer, the engine is down
    or the query is odd. The search form works without it."""
    query, _shortened = search_query(request)
    hits = site_search.suggest(search_sources(), query, request=request, limit=SUGGESTIONS) if query else []
    found = [{"title": hit.title, "url": hit.url, "kind": str(hit.kind.label)} for hit in hits if hit.url]
    response = JsonResponse({"suggestions": found})
    response["Cache-Control"] = "private, max-age=60"
    return response
