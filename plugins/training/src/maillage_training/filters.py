"""The public filters of the programme (sector, month, format, department)
and of the subscription feeds, read through ``maillage_core.params``: a
value that does not parse is dropped with a message, never an error."""

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.utils.translation import gettext as _

from maillage_core.content_memo import remembered
from maillage_core.models import Department, Sector
from maillage_core.params import choices, clean_text

from . import conf
from .models.choices import TrainingFormat

MONTH = re.compile(r"^(\d{4})-(\d{2})$")
SEMESTER = re.compile(r"^(\d{4})-([12])$")
YEARS = range(2000, 2101)

# A training given both ways answers both "on site" and "online".
FORMATS_MATCHING = {
    TrainingFormat.ON_SITE: [TrainingFormat.ON_SITE, TrainingFormat.HYBRID],
    TrainingFormat.ONLINE: [TrainingFormat.ONLINE, TrainingFormat.HYBRID],
    TrainingFormat.HYBRID: [TrainingFormat.HYBRID],
}


def parameter_label(name):
    labels = {"month": _("month"), "format": _("format"), "department": _("department"), "semester": _("semester")}
    return labels.get(name, name)


def single(request, name, notices):
    """The one value of ``name``; a repeated parameter keeps its first value and says so."""
    values = request.GET.getlist(name)
    if len(values) > 1:
        notices.append(
            _("Only one %(name)s can be chosen at a time; the first one was kept.") % {"name": parameter_label(name)}
        )
    return clean_text(values[0], 40) if values else ""


def parse_month(raw):
    match = MONTH.match(raw or "")
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if year not in YEARS or not 1 <= month <= 12:
        return None
    return date(year, month, 1)


def parse_semester(raw):
    """'2026-1' (January to June) or '2026-2' (July to December) → its first day."""
    match = SEMESTER.match(raw or "")
    if not match or int(match[1]) not in YEARS:
        return None
    return date(int(match[1]), 1 if match[2] == "1" else 7, 1)


def add_months(first_day, months):
    index = first_day.year * 12 + first_day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def local_midnight(day):
    return datetime.combine(day, time.min, tzinfo=conf.time_zone())


def month_bounds(first_day, months=1):
    """Aware datetimes of the first instant of the month and of the one after ``months``."""
    return local_midnight(first_day), local_midnight(add_months(first_day, months))


@dataclass
class SessionFilters:
    sectors: list = field(default_factory=list)
    format: str = ""
    department: str = ""
    month: date | None = None
    notices: list = field(default_factory=list)

    @property
    def active(self):
        return bool(self.sectors or self.format or self.department or self.month)

    def apply(self, sessions):
        if self.sectors or self.format:
            trainings = conf.training_page_model().objects.all()
            if self.sectors:
                trainings = trainings.filter(sectors__slug__in=self.sectors)
            if self.format:
                trainings = trainings.filter(format__in=FORMATS_MATCHING[self.format])
            sessions = sessions.filter(training_id__in=trainings.values("pk"))
        if self.department:
            sessions = sessions.filter(department_id=self.department)
        if self.month:
            start, end = month_bounds(self.month)
            sessions = sessions.filter(start__lt=end, end__gte=start)
        return sessions

    def as_params(self):
        params = {"sector": self.sectors, "format": self.format, "department": self.department}
        if self.month:
            params["month"] = self.month.strftime("%Y-%m")
        return {name: value for name, value in params.items() if value}


def sector_slugs():
    """The sectors' slugs, kept in the process under the content version (asked by every listing)."""
    return remembered(("sector_slugs",), lambda: list(Sector.objects.values_list("slug", flat=True)))


def read_filters(request, *, with_month=True):
    """Filters from the query string, and a notice for each value set aside."""
    notices = []
    sectors, rejected = choices(request, "sector", sector_slugs(), max_values=5)
    if rejected:
        notices.append(_("Unknown sector ignored: %(values)s.") % {"values": ", ".join(v or "∅" for v in rejected)})
    raw_format = single(request, "format", notices)
    if raw_format and raw_format not in TrainingFormat.values:
        notices.append(_("“%(value)s” is not a training format; showing every format.") % {"value": raw_format})
        raw_format = ""
    department = single(request, "department", notices)
    if department and not Department.objects.filter(code=department).exists():
        notices.append(_("“%(value)s” is not a French department code; showing every department.") % {"value": department})
        department = ""
    month = None
    if with_month:
        raw_month = single(request, "month", notices)
        month = parse_month(raw_month)
        if raw_month and month is None:
            notices.append(_("“%(value)s” is not a month (expected like 2026-09); showing every month.") % {"value": raw_month})
    return SessionFilters(sectors=sectors, format=raw_format, department=department, month=month, notices=notices)
