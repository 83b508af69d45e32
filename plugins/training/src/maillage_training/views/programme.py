"""The programme page's views: the semester by month, the month calendar,
the filtered list of upcoming sessions and the archive of past ones."""

import calendar
from datetime import timedelta
from itertools import groupby
from urllib.parse import urlencode

from django.utils import timezone
from django.utils.dates import MONTHS, WEEKDAYS, WEEKDAYS_ABBR
from django.utils.translation import gettext as _

from maillage_core.params import paginate

from .. import conf
from ..cards import session_cards
from ..filters import add_months, month_bounds, parse_month, parse_semester, read_filters, single
from .common import attach_trainings, filter_options, programme_sessions

PER_PAGE = 20


def current_moment():
    return timezone.now()


def today():
    return timezone.localtime(current_moment(), conf.time_zone()).date()


def local_date(moment):
    return timezone.localtime(moment, conf.time_zone()).date()


def by_month(sessions):
    """[(first day of the month, [sessions])], in the programme's time zone."""
    return [
        (month, list(items))
        for month, items in groupby(sessions, key=lambda s: local_date(s.start).replace(day=1))
    ]


def route_url(programme, name, params=None):
    url = programme.reverse_subpage(name)
    query = urlencode(params or {}, doseq=True)
    return programme.url + url + ("?" + query if query else "")


def semester(request, programme):
    notices = []
    raw = single(request, "semester", notices)
    first_day = parse_semester(raw)
    if raw and first_day is None:
        notices.append(_("“%(value)s” is not a semester (expected like 2026-1 or 2026-2); here is the current one.") % {"value": raw})
    if first_day is None:
        now = today()
        first_day = now.replace(month=1 if now.month <= 6 else 7, day=1)
    start, end = month_bounds(first_day, months=6)
    sessions = attach_trainings(programme_sessions(programme).filter(start__gte=start, start__lt=end), request)
    # Visitors come for what is next: the sessions still to come (or under
    # way) open the page, those already held this semester follow.
    moment = current_moment()
    upcoming = [session for session in sessions if session.end >= moment]
    held = [session for session in sessions if session.end < moment]
    previous, following = add_months(first_day, -6), add_months(first_day, 6)
    return programme.render(
        request,
        template="maillage_training/programme_page.html",
        context_overrides={
            "semester": {"number": 1 if first_day.month == 1 else 2, "year": first_day.year},
            "months": [(month, session_cards(items)) for month, items in by_month(upcoming)],
            "held_months": [(month, session_cards(items, past=True)) for month, items in by_month(held)],
            "notices": notices,
            "previous_url": route_url(programme, "semester_view", {"semester": semester_key(previous)}),
            "next_url": route_url(programme, "semester_view", {"semester": semester_key(following)}),
            "links": programme_links(programme),
        },
    )


def semester_key(first_day):
    return f"{first_day.year}-{1 if first_day.month == 1 else 2}"


def programme_links(programme):
    return {
        "semester": route_url(programme, "semester_view"),
        "calendar": route_url(programme, "calendar_view"),
        "list": route_url(programme, "list_view"),
        "archive": route_url(programme, "archive_view"),
        "ical": route_url(programme, "ical_feed"),
        "rss": route_url(programme, "rss_feed"),
    }


def month_calendar(request, programme):
    filters = read_filters(request, with_month=False)
    raw = single(request, "month", filters.notices)
    month = parse_month(raw)
    if raw and month is None:
        filters.notices.append(_("“%(value)s” is not a month (expected like 2026-09); here is the current month.") % {"value": raw})
    month = month or today().replace(day=1)
    start, end = month_bounds(month)
    sessions = programme_sessions(programme).filter(start__lt=end, end__gte=start)
    sessions = attach_trainings(filters.apply(sessions), request)
    days = {}
    for session in sessions:
        day, last = max(local_date(session.start), month), local_date(session.end)
        while day <= last and day.month == month.month:
            days.setdefault(day, []).append(session)
            day += timedelta(days=1)
    names = DayNames()
    weeks = [
        [calendar_day(day, month, days.get(day, []), names) for day in week]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
    ]
    params = filters.as_params()
    return programme.render(
        request,
        template="maillage_training/calendar_page.html",
        context_overrides={
            "month": month,
            "weeks": weeks,
            "weekdays": weeks[0],
            "session_count": len(sessions),
            "filters": filters,
            "notices": filters.notices,
            "options": filter_options(programme),
            "previous_url": route_url(programme, "calendar_view", {**params, "month": add_months(month, -1).strftime("%Y-%m")}),
            "next_url": route_url(programme, "calendar_view", {**params, "month": add_months(month, 1).strftime("%Y-%m")}),
            "links": programme_links(programme),
            "today": today(),
        },
    )


class DayNames:
    """The names of the days and months in the current language, translated
    once for the page rather than once a cell."""

    def __init__(self):
        self.weekdays = [str(name) for _, name in sorted(WEEKDAYS.items())]
        self.weekdays_short = [str(name) for _, name in sorted(WEEKDAYS_ABBR.items())]
        self.months = {number: str(name) for number, name in MONTHS.items()}


def calendar_day(day, month, sessions, names):
    """A cell of the month's table, with the labels the ``date`` filter would
    write ("j", "l j F", "l", "D"): 42 cells times four filters were most of
    the page's template time."""
    weekday = names.weekdays[day.weekday()]
    return {
        "date": day, "in_month": day.month == month.month, "sessions": sessions,
        "number": str(day.day), "long_name": f"{weekday} {day.day} {names.months[day.month]}",
        "weekday": weekday, "weekday_short": names.weekdays_short[day.weekday()],
    }


def session_list(request, programme):
    filters = read_filters(request)
    sessions = filters.apply(programme_sessions(programme).upcoming())
    page = paginate(request, sessions, PER_PAGE)
    notices = filters.notices + ([page.message] if page.message else [])
    sessions = attach_trainings(page.page.object_list, request)
    return programme.render(
        request,
        template="maillage_training/list_page.html",
        context_overrides={
            "sessions": sessions,
            "cards": session_cards(sessions, past=False),
            "page_obj": page.page,
            "filters": filters,
            "notices": notices,
            "options": filter_options(programme),
            "links": programme_links(programme),
            "ical_url": route_url(programme, "ical_feed", {k: v for k, v in filters.as_params().items() if k != "month"}),
        },
    )


def archive(request, programme):
    filters = read_filters(request)
    sessions = filters.apply(programme_sessions(programme).past()).order_by("-start", "-pk")
    page = paginate(request, sessions, PER_PAGE)
    notices = filters.notices + ([page.message] if page.message else [])
    sessions = attach_trainings(page.page.object_list, request)
    return programme.render(
        request,
        template="maillage_training/archive_page.html",
        context_overrides={
            "sessions": sessions,
            "cards": session_cards(sessions, past=True),
            "page_obj": page.page,
            "filters": filters,
            "notices": notices,
            "options": filter_options(programme),
            "links": programme_links(programme),
        },
    )
