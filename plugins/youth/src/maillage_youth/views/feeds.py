"""The board's feeds of open offers: RSS 2.0 and JSON Feed 1.1, which
another network's site can read (the JSON answers any origin). Both take
the board's filters (``type``, ``pays``, ``secteur``, ``debut``); a value
that does not parse answers 400 with the reason rather than a feed that
silently shows everything. Only open offers are ever in a feed."""

import json
from html import unescape

from django.http import HttpResponse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from .. import conf
from ..models.offers import Offer
from ..offer_filters import read_filters

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
EXTENSION = "_maillage_offer"
FEED_NEWEST_FIRST = ("-first_published_at", "-pk")


def feed_offers(request):
    filters = read_filters(request)
    if filters.text:
        filters.notices.append(_("Feeds take no search text; use the filters."))
    offers = filters.apply(Offer.objects.open()).select_related("sector").order_by(*FEED_NEWEST_FIRST)
    return list(offers[: conf.get("FEED_LIMIT")]), filters.notices


def plain_text(html):
    """Rich text as the plain text JSON Feed's ``content_text`` promises (entities decoded)."""
    return unescape(" ".join(strip_tags(html.replace("</p>", "</p> ")).split()))


def bad_request(notices):
    return HttpResponse(" ".join(str(n) for n in notices), status=400, content_type="text/plain; charset=utf-8")


def offer_link(request, board_url, offer):
    return request.build_absolute_uri(f"{board_url}{offer.slug}/")


def rss(request, page):
    offers, notices = feed_offers(request)
    if notices:
        return bad_request(notices)
    board_url = page.get_url(request=request)
    feed = Rss201rev2Feed(
        title=page.title,
        link=request.build_absolute_uri(board_url),
        description=page.intro or _("Open offers"),
        language="fr",
        feed_url=request.build_absolute_uri(),
    )
    for offer in offers:
        feed.add_item(
            title=f"{offer.title} — {offer.organisation}",
            link=offer_link(request, board_url, offer),
            description=offer.description,
            unique_id=offer_link(request, board_url, offer),
            pubdate=offer.first_published_at,
            updateddate=offer.last_published_at,
            categories=[str(offer.get_kind_display())] + ([offer.sector.name] if offer.sector else []),
        )
    return HttpResponse(feed.writeString("utf-8"), content_type="application/rss+xml; charset=utf-8")


def json_item(request, board_url, offer):
    url = offer_link(request, board_url, offer)
    return {
        "id": url,
        "url": url,
        "title": offer.title,
        "content_html": offer.description,
        "content_text": plain_text(offer.description),
        "date_published": offer.first_published_at.isoformat() if offer.first_published_at else None,
        "date_modified": offer.last_published_at.isoformat() if offer.last_published_at else None,
        "tags": [offer.kind] + ([offer.sector.slug] if offer.sector else []),
        EXTENSION: {
            "kind": offer.kind,
            "organisation": offer.organisation,
            "organisation_url": offer.organisation_url or None,
            "country": offer.country.code,
            "country_name": str(offer.country.name),
            "city": offer.city or None,
            "sector": offer.sector.slug if offer.sector else None,
            "sector_name": offer.sector.name if offer.sector else None,
            "start_date": offer.start_date.isoformat() if offer.start_date else None,
            "end_date": offer.end_date.isoformat() if offer.end_date else None,
            "duration": offer.duration or None,
            "closing_date": offer.closing_date.isoformat(),
            "how_to_apply": offer.how_to_apply,
            "application_url": offer.application_url or None,
            "application_email": offer.application_email or None,
        },
    }


def json_feed(request, page):
    offers, notices = feed_offers(request)
    if notices:
        return bad_request(notices)
    board_url = page.get_url(request=request)
    document = {
        "version": JSON_FEED_VERSION,
        "title": page.title,
        "home_page_url": request.build_absolute_uri(board_url),
        "feed_url": request.build_absolute_uri(),
        "description": page.intro or str(_("Open offers")),
        "language": "fr",
        "items": [json_item(request, board_url, offer) for offer in offers],
    }
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=1), content_type="application/feed+json; charset=utf-8"
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response
