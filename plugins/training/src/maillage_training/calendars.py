"""The sessions' iCalendar events, built with ``maillage_core.calendars``:
SEQUENCE grows with each change of a session, and a cancelled session
stays with the CANCELLED status so subscribed calendars mark it."""

from django.utils.html import strip_tags

from maillage_core import calendars

from . import conf


def new_calendar(name):
    return calendars.new_calendar(name, product="maillage-training", time_zone=conf.get("TIME_ZONE"))


def session_uid(session, domain):
    return f"maillage-training-session-{session.pk}@{domain}"


def session_event(session, training, *, url, domain):
    location = ", ".join(
        part for part in (session.venue_name, session.street_address, session.postal_code, session.city) if part
    )
    event = calendars.new_event(
        uid=session_uid(session, domain),
        stamp=session.updated_at,
        summary=training.title,
        start=session.start,
        end=session.end,
        zone=conf.time_zone(),
        url=url,
        description=[strip_tags(training.summary), session.schedule_note],
        location=location,
    )
    event.add("sequence", session.sequence)
    event.add("status", "CANCELLED" if session.is_cancelled else "CONFIRMED")
    sectors = [sector.name for sector in training.sectors.all()]
    if sectors:
        event.add("categories", sectors)
    return event
