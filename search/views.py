"""Site search: one query across every source the installed apps contribute.

With no source chosen the page shows the first results of each source with
its total; choosing one (``?type=pages``) pages through that source alone.
Parameters are validated: anything odd gives a message, never an error.
"""

from django.shortcuts import render
from django.utils.translation import gettext as _

from maillage_core.hooks import search_sources
from maillage_core.params import clean_text, integer, search_query
from maillage_core.search.fallback import OUTAGE_NOTICE

PER_PAGE = 10
PREVIEW = 5
MAX_PAGE = 1000


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
    if query and chosen_key:
        context.update(search_one(request, by_key[chosen_key], query, notices))
    elif query:
        context["sections"] = [(source, source.search(query, request=request, limit=PREVIEW)) for source in sources]
        context["degraded"] = any(results.degraded for _source, results in context["sections"])
    if context.get("degraded"):
        notices.append(OUTAGE_NOTICE)
    return render(request, "search/search.html", context)


def search_one(request, source, query, notices):
    number, bad = integer(request, "page", minimum=1, default=1)
    if bad is not None:
        notices.append(_("“%(value)s” is not a valid page number; here is the first page.") % {"value": bad})
    # Engines refuse offsets past their result window: a far page is
    # answered from the first one's total, then the last page.
    asked = number if number <= MAX_PAGE else 1
    results = source.search(query, request=request, offset=(asked - 1) * PER_PAGE, limit=PER_PAGE)
    pages = max(1, -(-results.total // PER_PAGE))
    if number > pages or number != asked:
        notices.append(_("There is no page %(number)s; here is the last page.") % {"number": number})
        number = pages
        results = source.search(query, request=request, offset=(number - 1) * PER_PAGE, limit=PER_PAGE)
    return {
        "results": results,
        "degraded": results.degraded,
        "page_number": number,
        "page_count": pages,
        "previous_page": number - 1 if number > 1 else None,
        "next_page": number + 1 if number < pages else None,
    }
