"""Site search: one query across every source the installed apps contribute.

One engine request per page (``maillage_core.search.site_search``): the
hits of every source blended by relevance, or of the one the visitor
picks (``?type=pages``), each kind's count for the tabs, marked excerpts
and a "did you mean" when little is found. Parameters are validated:
anything odd gives a message, never an error.
"""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from maillage_core.hooks import search_sources
from maillage_core.params import clean_text, integer, search_query
from maillage_core.search import site_search
from maillage_core.search.fallback import OUTAGE_NOTICE

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

    context = {"search_query": query, "sources": sources, "chosen": chosen_key, "notices": notices}
    if query:
        context.update(results_page(request, sources, query, chosen_key, notices))
        context["tabs"] = [(source, context["results"].counts.get(source.key)) for source in sources]
    if context.get("degraded"):
        notices.append(OUTAGE_NOTICE)
    return render(request, "search/search.html", context)


def results_page(request, sources, query, kind, notices):
    number, bad = integer(request, "page", minimum=1, default=1)
    if bad is not None:
        notices.append(_("“%(value)s” is not a valid page number; here is the first page.") % {"value": bad})
    # A far page is answered from the first one's total, then the last page.
    asked = number if number <= MAX_PAGE else 1
    results = fetch(request, sources, query, kind, asked)
    pages = min(MAX_PAGE, max(1, -(-results.total // PER_PAGE)))
    if number > pages or number != asked:
        notices.append(_("There is no page %(number)s; here is the last page.") % {"number": number})
        number = pages
        results = fetch(request, sources, query, kind, number)
    return {
        "results": results,
        "degraded": results.degraded,
        "page_number": number,
        "page_count": pages,
        "previous_page": number - 1 if number > 1 else None,
        "next_page": number + 1 if number < pages else None,
    }


def fetch(request, sources, query, kind, number):
    return site_search.search(
        sources, query, request=request, kind=kind or None, offset=(number - 1) * PER_PAGE, limit=PER_PAGE
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
