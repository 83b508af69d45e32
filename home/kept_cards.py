"""A page of a listing's cards as every anonymous visitor sees it, kept in
the process under core's content version.

The number of items and each page's cards (their HTML, drawn once) are the
same for every visitor until the content changes; a news item, issue,
category, tag or image saved renews the content version, and these with it.
Cards are kept by site (their addresses) and language (their dates).
"""

from django.template.loader import render_to_string
from django.utils.translation import get_language
from wagtail.models import Site

from maillage_core.content_memo import remembered
from maillage_core.params import paginate


def page_of_cards(request, key, items, per_page, template):
    """(``params.Page``, the HTML of its cards: ``template`` drawn with
    ``items``, empty without any) of the listing ``items``, which ``key``
    names (its page and filters)."""
    count = remembered(("listing_count", *key), items.count)
    # Pages of numbers stand for the items: the page asked for is found (or
    # corrected) without reading them.
    page = paginate(request, range(count), per_page)
    numbers = page.page.object_list
    site = Site.find_for_request(request)
    cards = remembered(
        ("listing_cards", *key, getattr(site, "pk", None), get_language(), page.page.number),
        lambda: cards_html(request, items[numbers.start : numbers.stop], template),
    )
    return page, cards


def cards_html(request, items, template):
    items = list(items)
    return render_to_string(template, {"items": items}, request=request) if items else ""
