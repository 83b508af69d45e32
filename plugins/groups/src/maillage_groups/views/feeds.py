"""A meeting's .ics, and each group's calendar and RSS subscriptions.

Subscriptions are fetched by calendar and feed readers without anyone's
session: they list the group's public meetings and minutes only, the same
for everyone. A members-only meeting's own .ics goes through the meeting's
page, so the membership check applies to it.
"""

from datetime import timedelta

from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from maillage_core import calendars

from .. import conf
from ..access import mark_personal

DEFAULT_LENGTH = timedelta(hours=2)


def new_calendar(name):
    return calendars.new_calendar(name, product="maillage-groups", time_zone=conf.get("TIME_ZONE"))


def meeting_uid(meeting, domain):
    return f"maillage-groups-meeting-{meeting.pk}@{domain}"


def meeting_event(meeting, group_title, *, url, domain):
    description = [strip_tags(meeting.agenda or "").strip()]
    if meeting.online_url:
        description.append(_("Online: %(link)s") % {"link": meeting.online_url})
    event = calendars.new_event(
        uid=meeting_uid(meeting, domain),
        stamp=meeting.last_published_at or meeting.first_published_at or timezone.now(),
        summary=f"{group_title} — {meeting.title}" if group_title else meeting.title,
        start=meeting.start,
        end=meeting.end or meeting.start + DEFAULT_LENGTH,
        zone=conf.time_zone(),
        url=url,
        description=description,
        location=meeting.location or meeting.online_url,
    )
    if meeting.members_only:
        event.add("class", "PRIVATE")
    return event


def meeting_ical(request, meeting):
    """Reached through ``MeetingPage.serve``: members only when the meeting is."""
    group = meeting.group
    url = request.build_absolute_uri(meeting.get_url(request=request) or "/")
    calendar = new_calendar(meeting.title)
    domain = calendars.site_domain(request)
    calendar.add_component(meeting_event(meeting, group.title if group else "", url=url, domain=domain))
    day = meeting.local_start.strftime("%Y-%m-%d")
    response = calendars.calendar_response(calendar, f"{meeting.slug}-{day}", attachment=True)
    return mark_personal(response, request, private=meeting.members_only)


def public_meetings(group):
    return group.meetings().filter(members_only=False)


def group_calendar(request, group):
    domain = calendars.site_domain(request)
    calendar = new_calendar(group.title)
    meetings = public_meetings(group).order_by("-start")[: conf.get("FEED_LIMIT")]
    for meeting in meetings:
        url = request.build_absolute_uri(meeting.get_url(request=request) or "/")
        calendar.add_component(meeting_event(meeting, group.title, url=url, domain=domain))
    return calendars.calendar_response(calendar, group.slug, attachment=False)


def group_rss(request, group):
    """New public meetings and minutes of the group, newest first."""
    limit = conf.get("FEED_LIMIT")
    meetings = list(public_meetings(group).order_by("-first_published_at")[:limit])
    minutes = list(
        group.archived_minutes()
        .filter(members_only=False, meeting_members_only=False)
        .order_by("-first_published_at")[:limit]
    )
    feed = Rss201rev2Feed(
        title=group.title,
        link=request.build_absolute_uri(group.get_url(request=request) or "/"),
        description=group.summary,
        language="fr",
        feed_url=request.build_absolute_uri(),
    )
    zone = conf.time_zone()
    entries = [(meeting, "meeting") for meeting in meetings] + [(item, "minutes") for item in minutes]
    entries.sort(key=lambda entry: entry[0].first_published_at or timezone.now(), reverse=True)
    for page, kind in entries[:limit]:
        if kind == "meeting":
            when = date_format(timezone.localtime(page.start, zone), "j F Y, H:i")
            title = _("Meeting on %(when)s: %(title)s") % {"when": when, "title": page.title}
            description = strip_tags(page.agenda or "")
        else:
            title = _("Minutes: %(title)s") % {"title": page.title}
            description = strip_tags(page.body or "")[:600]
        url = request.build_absolute_uri(page.get_url(request=request) or "/")
        feed.add_item(
            title=title,
            link=url,
            description=description,
            unique_id=url,
            pubdate=page.first_published_at,
            updateddate=page.last_published_at,
        )
    return HttpResponse(feed.writeString("utf-8"), content_type="application/rss+xml; charset=utf-8")
