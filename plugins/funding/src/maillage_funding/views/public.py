"""The funding search, its archive and each call's page (FundingSearchPage's routes)."""

import json

from django.http import Http404
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from .. import conf
from ..models.calls import FundingCall
from ..search import listing as call_listing
from ..search.facets import SORTS, CallQuery, Vocabulary

JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
#: Facets with many values, offered as a list box rather than checkboxes.
LIST_BOXES = {"country", "department"}


def search(request, page, *, archive=False):
    vocabulary = Vocabulary()
    query = CallQuery.from_request(request, vocabulary, archive=archive)
    listing = call_listing.run(FundingCall, query, vocabulary, conf.get("PER_PAGE"), as_cards=True)
    page_url = page.get_url(request=request)
    filters = query.filter_params()
    context = {
        "listing": listing,
        "query": query,
        "notices": query.notices,
        "sorts": SORTS.items(),
        "list_boxes": LIST_BOXES,
        "search_url": page_url,
        "archive": archive,
        "form_url": f"{page_url}archives/" if archive else page_url,
        "feed_query": query.url(page=1, tri=query.default_sort) if filters else "",
        "alert_url": f"{page_url}alerte/{query.url(page=1, tri=query.default_sort, q='')}",
    }
    return page.render(request, context_overrides=context)


def call_detail(request, page, slug):
    call = (FundingCall.objects.public().prefetch_related("funders", "actor_types", "departments", "sectors", "sdgs")
            .filter(slug=slug).first())
    if call is None:
        raise Http404
    context = {
        "call": call,
        "search_url": page.get_url(request=request),
        "structured_data": structured_data(call, request, page),
    }
    response = page.render(request, template="maillage_funding/call_detail.html", context_overrides=context)
    return response


def structured_data(call, request, page):
    """schema.org ``Grant`` with the public fields, as safe JSON-LD."""
    data = {
        "@context": "https://schema.org",
        "@type": "Grant",
        "name": call.title,
        "url": request.build_absolute_uri(call.url_on(page, request)),
        "description": Truncator(strip_tags(call.summary)).chars(500),
        "funder": [{"@type": "Organization", "name": funder.name} for funder in call.funders.all()],
    }
    if call.official_url:
        data["sameAs"] = call.official_url
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES))  # noqa: S308 (escaped above)
