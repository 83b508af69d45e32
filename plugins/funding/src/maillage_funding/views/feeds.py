"""Feeds of current calls with the search's filters: RSS 2.0, JSON Feed 1.1
(both answer any origin, so other networks' sites can read them) and an
iCalendar of closing dates. A value that does not parse answers 400 with
the reason, rather than a feed that silently shows everything."""

import datetime
import json

import icalendar
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

from maillage_core.calendars import calendar_response, new_calendar, site_domain

from .. import conf
from ..models.calls import FundingCall
from ..search import listing as call_listing
from ..search.facets import NEWEST, CallQuery, Vocabulary

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


def found_calls(request, *, limit, sort=NEWEST):
    """(listing, notices): the first ``limit`` calls of the request's search,
    sorted by ``sort`` unless the request names a sort."""
    vocabulary = Vocabulary()
    query = CallQuery.from_request(request, vocabulary)
    query.sort = query.sort if request.GET.get("tri") else sort
    query.page = 1
    notices = list(query.notices)
    listing = call_listing.run(FundingCall, query, vocabulary, limit)
    return listing, notices


def open_to_all(response):
    response["Access-Control-Allow-Origin"] = "*"
    return response


def bad_request(notices):
    return open_to_all(HttpResponse(" ".join(str(n) for n in notices), status=400,
                                    content_type="text/plain; charset=utf-8"))


def call_link(request, search_url, call):
    return request.build_absolute_uri(f"{search_url}{call.slug}/")


def rss(request, page):
    listing, notices = found_calls(request, limit=conf.get("FEED_LIMIT"))
    if notices:
        return bad_request(notices)
    search_url = page.get_url(request=request)
    feed = Rss201rev2Feed(title=page.title, link=request.build_absolute_uri(search_url),
                          description=page.intro or _("Open funding calls"), language="fr",
                          feed_url=request.build_absolute_uri())
    for call in listing.calls:
        feed.add_item(title=call.title, link=call_link(request, search_url, call), description=call.summary,
                      unique_id=call_link(request, search_url, call), pubdate=call.first_published_at,
                      categories=[funder.name for funder in call.funders.all()])
    return open_to_all(HttpResponse(feed.writeString("utf-8"), content_type="application/rss+xml; charset=utf-8"))


def json_feed(request, page):
    listing, notices = found_calls(request, limit=conf.get("FEED_LIMIT"))
    if notices:
        return open_to_all(JsonResponse({"error": " ".join(str(n) for n in notices)}, status=400,
                                        json_dumps_params={"ensure_ascii": False}))
    search_url = page.get_url(request=request)
    items = []
    for call in listing.calls:
        item = {
            "id": call_link(request, search_url, call),
            "url": call_link(request, search_url, call),
            "title": call.title,
            "content_text": call.summary,
            "tags": [funder.name for funder in call.funders.all()],
            "_maillage_funding": {"closes_on": call.closes_on.isoformat() if call.closes_on else None,
                                  "permanent": call.permanent, "official_url": call.official_url},
        }
        if call.first_published_at:
            item["date_published"] = call.first_published_at.isoformat()
        items.append(item)
    body = {"version": JSON_FEED_VERSION, "title": page.title, "language": "fr",
            "home_page_url": request.build_absolute_uri(search_url), "feed_url": request.build_absolute_uri(),
            "items": items}
    return open_to_all(HttpResponse(json.dumps(body, ensure_ascii=False),
                                    content_type="application/feed+json; charset=utf-8"))


def ical(request, page):
    """The closing dates of current calls as all-day events."""
    listing, notices = found_calls(request, limit=conf.get("FEED_LIMIT"), sort="cloture")
    if notices:
        return bad_request(notices)
    search_url = page.get_url(request=request)
    calendar = new_calendar(page.title, product="maillage-funding", time_zone=str(timezone.get_current_timezone()))
    domain = site_domain(request)
    for call in listing.calls:
        if not call.closes_on:
            continue  # a permanent call has no closing date
        event = icalendar.Event()
        event.add("uid", f"funding-call-{call.pk}@{domain}")
        event.add("dtstamp", call.updated_at)
        event.add("summary", _("Closing: %(title)s") % {"title": call.title})
        event.add("dtstart", call.closes_on)
        event.add("dtend", call.closes_on + datetime.timedelta(days=1))
        event.add("url", call_link(request, search_url, call))
        event.add("description", f"{call.summary}\n\n{call_link(request, search_url, call)}")
        calendar.add_component(event)
    return open_to_all(calendar_response(calendar, "appels-cloture", attachment=False))
