"""Calendar feeds (iCalendar) and the RSS feed of a programme, and the
.ics file of one session. Feeds hold only visible sessions (published,
public trainings) that have not ended; a cancelled one stays with the
CANCELLED status so subscribed calendars mark it."""

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from maillage_core.calendars import calendar_response, site_domain

from .. import calendars, conf
from ..filters import read_filters
from .common import attach_trainings, programme_sessions, session_url
from .training import training_sessions


def feed_sessions(request, programme):
    filters = read_filters(request, with_month=False)
    sessions = filters.apply(programme_sessions(programme).upcoming())[: conf.get("FEED_LIMIT")]
    return attach_trainings(sessions, request), filters


def programme_ical(request, programme):
    sessions, filters = feed_sessions(request, programme)
    if filters.notices:
        # A subscription with a bad parameter must not silently show everything.
        return HttpResponse(" ".join(filters.notices), status=400, content_type="text/plain; charset=utf-8")
    domain = site_domain(request)
    calendar = calendars.new_calendar(programme.title)
    for session in sessions:
        url = request.build_absolute_uri(session.url)
        calendar.add_component(calendars.session_event(session, session.training_page, url=url, domain=domain))
    return calendar_response(calendar, programme.slug, attachment=False)


def session_ical(request, training, session_id):
    session = training_sessions(training).filter(pk=session_id).first()
    if session is None:
        raise Http404
    url = request.build_absolute_uri(session_url(training, session, request))
    calendar = calendars.new_calendar(training.title)
    calendar.add_component(calendars.session_event(session, training, url=url, domain=site_domain(request)))
    day = timezone.localtime(session.start, conf.time_zone()).strftime("%Y-%m-%d")
    return calendar_response(calendar, f"{training.slug}-{day}", attachment=True)


def programme_rss(request, programme):
    sessions, filters = feed_sessions(request, programme)
    if filters.notices:
        return HttpResponse(" ".join(filters.notices), status=400, content_type="text/plain; charset=utf-8")
    feed = Rss201rev2Feed(
        title=programme.title,
        link=request.build_absolute_uri(programme.url),
        description=strip_tags(programme.intro) or _("Upcoming training sessions"),
        language="fr",
        feed_url=request.build_absolute_uri(),
    )
    domain = site_domain(request)
    zone = conf.time_zone()
    for session in sessions:
        start = timezone.localtime(session.start, zone)
        title = _("%(title)s — %(date)s") % {"title": session.training_page.title, "date": start.strftime("%d/%m/%Y %H:%M")}
        if session.is_cancelled:
            title = _("Cancelled: %(title)s") % {"title": title}
        feed.add_item(
            title=title,
            link=request.build_absolute_uri(session.url),
            description=strip_tags(session.training_page.summary),
            unique_id=calendars.session_uid(session, domain),
            unique_id_is_permalink=False,
            pubdate=session.created_at,
            updateddate=session.updated_at,
            categories=[sector.name for sector in session.training_page.listed_sectors],
        )
    return HttpResponse(feed.writeString("utf-8"), content_type="application/rss+xml; charset=utf-8")
