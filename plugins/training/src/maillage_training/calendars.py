"""iCalendar documents of sessions, with the icalendar library.

Times are written in the programme's time zone with its VTIMEZONE, so a
calendar application shows 10:00 on both sides of a daylight-saving
change; UIDs depend only on the session and the site, so a subscription
updates its events instead of duplicating them, and SEQUENCE grows with
each change of the session.
"""

from datetime import UTC, timedelta

import icalendar
from django.utils import timezone
from django.utils.html import strip_tags

from . import conf

PRODID = "-//Maillage//maillage-training//FR"


def new_calendar(name):
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", conf.get("TIME_ZONE"))
    # Subscribed calendars refresh twice a day.
    calendar.add("refresh-interval", timedelta(hours=12), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", timedelta(hours=12))
    return calendar


def session_uid(session, domain):
    return f"maillage-training-session-{session.pk}@{domain}"


def session_event(session, training, *, url, domain):
    zone = conf.time_zone()
    event = icalendar.Event()
    event.add("uid", session_uid(session, domain))
    event.add("dtstamp", session.updated_at.astimezone(UTC))
    event.add("sequence", session.sequence)
    event.add("summary", training.title)
    event.add("dtstart", timezone.localtime(session.start, zone))
    event.add("dtend", timezone.localtime(session.end, zone))
    event.add("status", "CANCELLED" if session.is_cancelled else "CONFIRMED")
    event.add("url", url)
    description = [strip_tags(training.summary)]
    if session.schedule_note:
        description.append(session.schedule_note)
    description.append(url)
    event.add("description", "\n\n".join(part for part in description if part))
    location = ", ".join(
        part for part in (session.venue_name, session.street_address, session.postal_code, session.city) if part
    )
    if location:
        event.add("location", location)
    sectors = [sector.name for sector in training.sectors.all()]
    if sectors:
        event.add("categories", sectors)
    return event


def finish(calendar):
    calendar.add_missing_timezones()
    return calendar.to_ical()
