"""The calendar builder the plugins' .ics files and subscriptions share."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest

from maillage_core.calendars import calendar_response, new_calendar, new_event

PARIS = ZoneInfo("Europe/Paris")


def meeting(start, **fields):
    return new_event(
        uid=f"maillage-test-{start:%Y%m%d}@reseau.example",
        stamp=datetime(2031, 1, 5, 9, tzinfo=UTC),
        summary="Groupe pays Sénégal — réunion",
        start=start,
        end=start + timedelta(hours=2),
        zone=PARIS,
        url="https://reseau.example/groupes/senegal/reunion/",
        **fields,
    )


@pytest.mark.parametrize("attachment, disposition", [(True, "attachment"), (False, "inline")])
def test_a_calendar_is_served_as_a_file_or_a_subscription(attachment, disposition):
    calendar = new_calendar("Groupe pays Sénégal", product="maillage-groups", time_zone="Europe/Paris")
    response = calendar_response(calendar, "senegal", attachment=attachment)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'{disposition}; filename="senegal.ics"'
    parsed = icalendar.Calendar.from_ical(response.content)
    assert str(parsed["PRODID"]) == "-//Maillage//maillage-groups//FR"
    assert str(parsed["X-WR-CALNAME"]) == "Groupe pays Sénégal" and str(parsed["X-WR-TIMEZONE"]) == "Europe/Paris"
    assert parsed.walk("VTIMEZONE") == []  # no event, no zone to describe


def test_events_keep_local_time_across_daylight_saving_with_the_zone_shipped():
    calendar = new_calendar("Réunions", product="maillage-groups", time_zone="Europe/Paris")
    for day in (27, 29):  # 10:00 in Paris on each side of the change of 28 March 2032
        calendar.add_component(
            meeting(datetime(2032, 3, day, 10, tzinfo=PARIS).astimezone(UTC), description=["Ordre du jour", ""],
                    location="Lyon")
        )
    raw = calendar_response(calendar, "reunions", attachment=False).content
    parsed = icalendar.Calendar.from_ical(raw)
    [zone] = parsed.walk("VTIMEZONE")
    shipped = zone.to_tz()
    for event, utc_hour in zip(parsed.walk("VEVENT"), (9, 8), strict=True):
        start = event.decoded("DTSTART")
        assert event["DTSTART"].params["TZID"] == "Europe/Paris" and (start.hour, start.minute) == (10, 0)
        assert start.replace(tzinfo=shipped).astimezone(UTC).hour == utc_hour
        assert str(event["DESCRIPTION"]) == "Ordre du jour\n\nhttps://reseau.example/groupes/senegal/reunion/"
        assert str(event["LOCATION"]) == "Lyon"
    # Only the transitions around the events: not every year since 1970.
    assert b"DTSTART:1970" not in raw and len(zone.walk("DAYLIGHT")) <= 4
