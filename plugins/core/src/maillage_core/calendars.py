"""iCalendar documents, built with the icalendar library: a plugin's
calendar subscriptions and the .ics file of one event (a training session,
a group meeting).

Times are written in the plugin's time zone with its VTIMEZONE, so a
calendar application shows 10:00 on both sides of a daylight-saving change;
UIDs are made with the site's host name, so a subscription updates its
events instead of duplicating them.
"""

from datetime import UTC, date, timedelta

import icalendar
from django.http import HttpResponse
from django.utils import timezone

CONTENT_TYPE = "text/calendar; charset=utf-8"
#: How often subscribed calendars fetch the feed again.
REFRESH = timedelta(hours=12)


def site_domain(request):
    """The host name UIDs are made with."""
    from wagtail.models import Site

    site = Site.find_for_request(request)
    return site.hostname if site else "maillage"


def new_calendar(name, *, product, time_zone):
    """An empty calendar named ``name``; ``product`` names the plugin
    (``maillage-training``), ``time_zone`` is the zone's name."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//Maillage//{product}//FR")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", time_zone)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", REFRESH)
    return calendar


def new_event(*, uid, stamp, summary, start, end, zone, url, description=(), location=""):
    """An event from ``start`` to ``end`` in ``zone``; ``description`` is
    a list of paragraphs, followed by the event's address."""
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp.astimezone(UTC))
    event.add("summary", summary)
    event.add("dtstart", timezone.localtime(start, zone))
    event.add("dtend", timezone.localtime(end, zone))
    event.add("url", url)
    event.add("description", "\n\n".join(part for part in [*description, url] if part))
    if location:
        event.add("location", location)
    return event


def calendar_response(calendar, filename, *, attachment):
    """The calendar as a .ics response: a file to save (one event) or a
    subscription (shown inline)."""
    # The zone's transitions around the events only: icalendar's default
    # span (1970-2038) took longer to build than the rest of the response.
    years = [event.decoded("dtstart").year for event in calendar.walk("VEVENT")]
    if years:
        calendar.add_missing_timezones(first_date=date(min(years) - 1, 1, 1), last_date=date(max(years) + 2, 1, 1))
    response = HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}.ics"'
    return response
