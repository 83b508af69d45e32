"""The daily import of calls from the sources the officer manages.

Each active source is read on its own: one that cannot be fetched or parsed
gets an error in its report and the others go on. Each row is checked and
saved in its own transaction; a row that cannot make a call is rejected
with the reason. A row is matched first by its key in the source, then by
funder, title and closing date, so a second run finds every call and
changes nothing. A field the officer changed since the last import keeps
the officer's value (``FundingCall.imported_values`` holds what the import
wrote). New calls land published or as drafts, as the source says.
"""

import csv
import io
import json
import re
import urllib.request
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from maillage_core.params import clean_text
from maillage_core.spreadsheets import WorkbookRefused, is_formula, workbook_rows

from .models import Funder, FundingCall, ImportSource, RunState, SourceFormat
from .models.sources import STALLED_AFTER

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 10_000
MAX_UNPACKED = 20 * MAX_BYTES  # a workbook unpacking to more is a zip bomb
TIMEOUT = 20
DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
FRENCH_DAY = re.compile(r"^(\d{2})/(\d{2})/(\d{4})$")
TRUE = {"1", "true", "oui", "yes", "vrai", "x"}
#: Fields compared with the officer's edits, in the order a report names them.
FIELDS = ("title", "summary", "closes_on", "opens_on", "permanent", "official_url", "cofunding_rate", "funders")


class SourceError(Exception):
    """The whole source cannot be read."""


class RowRejected(Exception):
    """One row cannot make a call."""


@dataclass
class Report:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list = field(default_factory=list)  # [row number, reason]
    error: str = ""

    @classmethod
    def from_dict(cls, saved):
        return cls(created=saved.get("created", 0), updated=saved.get("updated", 0),
                   unchanged=saved.get("unchanged", 0), rejected=list(saved.get("rejected", [])))

    def as_dict(self):
        return {"created": self.created, "updated": self.updated, "unchanged": self.unchanged,
                "rejected": self.rejected[:200], "error": self.error}


def run_all(progress=lambda message: None):
    """Import every active source; returns [(source, report)]."""
    done = []
    for source in ImportSource.objects.filter(active=True).select_related("default_funder").order_by("pk"):
        done.append((source, run(source, progress)))
    return done


def run(source, progress=lambda message: None):
    """Import one source. A run stopped midway (a worker killed, an error
    after some rows) left its position and counts on the source: this run
    resumes after the last row done, with those counts. Each row is saved
    with the position in one transaction, so no row is done twice; the
    matching by key, then by funder, title and closing date, would find it
    anyway."""
    if not claim(source):
        return Report(error=_("Another import of this source is under way; this one did nothing."))
    source.refresh_from_db(fields=["rows_done", "run_report"])
    report, skip = Report(), 0
    if source.rows_done:
        report, skip = Report.from_dict(source.run_report), source.rows_done
    try:
        rows = read_rows(source)
    except SourceError as error:
        report.error = str(error)
        rows = []
    try:
        return import_rows(source, rows, report, skip, progress)
    except BaseException:
        # This process stops the run (an error, a shutdown): the next run may
        # resume at once. A worker killed outright leaves no such mark, and its
        # run is taken over once it has stalled.
        ImportSource.objects.filter(pk=source.pk).update(run_updated_at=None)
        raise


def claim(source):
    """Take ``source`` for this run, in one UPDATE so that of two runs
    started together (the officer's "import now" and the daily import) only
    one goes on: the other would match the same rows and create each call
    twice. A run under way is one whose last row is recent."""
    now = timezone.now()
    free = (Q(run_state__in=[RunState.IDLE, RunState.QUEUED]) | Q(run_updated_at__isnull=True)
            | Q(run_updated_at__lt=now - STALLED_AFTER))
    return ImportSource.objects.filter(free, pk=source.pk).update(run_state=RunState.RUNNING, run_updated_at=now) == 1


def import_rows(source, rows, report, skip, progress):
    started = {"run_state": RunState.RUNNING, "rows_total": len(rows), "rows_done": min(skip, len(rows)),
               "run_report": report.as_dict(), "run_updated_at": timezone.now()}
    ImportSource.objects.filter(pk=source.pk).update(**started)
    funders = {funder.name.casefold(): funder for funder in Funder.objects.all()}
    for number, row in enumerate(rows, 1):
        if number <= skip:
            continue  # done by the run that stopped
        with transaction.atomic():
            try:
                with transaction.atomic():
                    outcome = import_row(source, row, funders)
            except RowRejected as reason:
                report.rejected.append([number, str(reason)])
            else:
                setattr(report, outcome, getattr(report, outcome) + 1)
            ImportSource.objects.filter(pk=source.pk).update(rows_done=number, run_report=report.as_dict(),
                                                             run_updated_at=timezone.now())
        if number % 100 == 0:
            progress(_("%(source)s: %(done)s of %(total)s rows") % {"source": source.name, "done": number,
                                                                      "total": len(rows)})
    source.last_run_at = timezone.now()
    source.last_report = report.as_dict()
    source.run_state, source.rows_done, source.rows_total, source.run_report = RunState.IDLE, 0, 0, {}
    source.save(update_fields=["last_run_at", "last_report", "run_state", "rows_done", "rows_total", "run_report"])
    return report


# Reading a source

def read_bytes(source):
    try:
        if source.upload:
            with source.upload.open("rb") as upload:
                data = upload.read(MAX_BYTES + 1)
        elif source.url:
            if not source.url.startswith(("http://", "https://")):
                raise SourceError(_("The address must start with http:// or https://."))
            request = urllib.request.Request(source.url, headers={"User-Agent": "maillage-funding import"})
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310 (checked above)
                data = response.read(MAX_BYTES + 1)
        else:
            raise SourceError(_("The source has neither an address nor a file."))
    except SourceError:
        raise
    except Exception as error:  # network, HTTP status, missing file: the source is skipped this time
        raise SourceError(_("The source could not be read: %(error)s") % {"error": str(error)[:200]}) from error
    if len(data) > MAX_BYTES:
        raise SourceError(_("The source is larger than %(size)s MB.") % {"size": MAX_BYTES // (1024 * 1024)})
    return data


def read_rows(source):
    data = read_bytes(source)
    if source.format == SourceFormat.JSON:
        rows = read_json(data)
    elif source.format == SourceFormat.FEED:
        rows = read_feed(data)
    elif source.format == SourceFormat.XLSX:
        rows = read_xlsx(data, source.field_mapping())
    else:
        rows = read_csv(data, source.field_mapping())
    if len(rows) > MAX_ROWS:
        raise SourceError(_("The source has more than %(count)s rows.") % {"count": MAX_ROWS})
    return rows


def read_json(data):
    try:
        parsed = json.loads(data)
    except (ValueError, RecursionError) as error:
        raise SourceError(_("The source is not valid JSON.")) from error
    if isinstance(parsed, dict):
        parsed = parsed.get("results")
    if not isinstance(parsed, list):
        raise SourceError(_("The JSON holds no list of calls (a list, or “results”)."))
    return parsed


def read_csv(data, mapping):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SourceError(_("The CSV file is not in UTF-8.")) from error
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
        columns = reader.fieldnames or []
        if mapping["title"] not in columns:
            raise SourceError(_("The column “%(column)s” (the title, in the mapping) is missing.") % {
                "column": mapping["title"]})
        return [dict(row) for row in reader]
    except csv.Error as error:
        raise SourceError(_("The CSV file cannot be read: %(error)s") % {"error": str(error)[:200]}) from error


def read_xlsx(data, mapping):
    """The first sheet's rows as {column: cell}, the header naming the columns as a CSV file's."""
    try:
        lines = workbook_rows(data, max_unpacked=MAX_UNPACKED, max_rows=MAX_ROWS)
    except WorkbookRefused as error:
        raise SourceError(str(error)) from error
    if not lines or not any(value is not None for value in lines[0]):
        raise SourceError(_("The workbook's first sheet is empty."))
    columns = [text_of(value) for value in lines[0]]
    if mapping["title"] not in columns:
        raise SourceError(_("The column “%(column)s” (the title, in the mapping) is missing.") % {
            "column": mapping["title"]})
    rows = []
    for line in lines[1:]:
        if any(text_of(value) for value in line):
            rows.append({column: value for column, value in zip(columns, line, strict=False) if column})
    return rows


def local_name(tag):
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def read_feed(data):
    """RSS items or Atom entries as rows: {child's local name: its text};
    an Atom link gives its address, an Atom id is the key."""
    if b"<!DOCTYPE" in data[:2000].upper() or b"<!ENTITY" in data.upper():
        raise SourceError(_("The feed declares a document type or entities, which an import does not read."))
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise SourceError(_("The source is not a valid RSS or Atom feed.")) from error
    items = [element for element in root.iter() if local_name(element.tag) in ("item", "entry")]
    if local_name(root.tag) not in ("rss", "feed", "RDF"):
        raise SourceError(_("The source is not a valid RSS or Atom feed."))
    rows = []
    for item in items:
        row = {}
        for child in item:
            name = local_name(child.tag)
            if name == "link" and child.get("href"):
                row.setdefault("link", child.get("href"))
            elif name in ("summary", "content"):
                row.setdefault("description", "".join(child.itertext()).strip())
            elif name == "id":
                row.setdefault("guid", (child.text or "").strip())
            else:
                row.setdefault(name, "".join(child.itertext()).strip())
        row.setdefault("guid", row.get("link", ""))
        rows.append(row)
    return rows


# One row

def import_row(source, row, funders):
    values, names = row_values(source, row)
    call_funders = [funders[name.casefold()] for name in names if name.casefold() in funders]
    if not call_funders and source.default_funder:
        call_funders = [source.default_funder]
    call = find(source, values, call_funders)
    new = imported(values, call_funders)
    if call is None:
        return create(source, values, call_funders, new)
    changed = False
    for name in FIELDS:
        current = current_value(call, name)
        last = call.imported_values.get(name)
        if last is not None and current != last:
            continue  # the officer changed it: keep the officer's value
        if current != new[name]:
            changed = True
            if name == "funders":
                call.funders = call_funders
            else:
                setattr(call, name, values[name])
    if not changed:
        return "unchanged"
    call.imported_values = new
    call.save()
    return "updated"


def find(source, values, call_funders):
    if values["source_key"]:
        found = FundingCall.objects.filter(source=source, source_key=values["source_key"]).first()
        if found:
            return found
    same = FundingCall.objects.filter(title=values["title"], closes_on=values["closes_on"])
    same = same.filter(funders__in=call_funders) if call_funders else same.filter(source=source)
    return same.order_by("pk").first()


def create(source, values, call_funders, new):
    now = timezone.now()
    call = FundingCall(source=source, imported_values=new, live=source.publish,
                       has_unpublished_changes=not source.publish, first_published_at=now if source.publish else None,
                       last_published_at=now if source.publish else None, **values)
    call.funders = call_funders
    call.save()
    if not source.publish:
        call.save_revision()  # a draft the officer checks and publishes
    return "created"


def current_value(call, name):
    if name == "funders":
        return sorted(funder.pk for funder in call.funders.all())
    value = getattr(call, name)
    return value.isoformat() if isinstance(value, date) else value


def imported(values, call_funders):
    new = {name: (value.isoformat() if isinstance(value, date) else value)
           for name, value in values.items() if name in FIELDS}
    new["funders"] = sorted(funder.pk for funder in call_funders)
    return new


def row_values(source, row):
    """(values of a call, funder names) from one row, or RowRejected."""
    if not isinstance(row, dict):
        raise RowRejected(_("not a record"))
    mapping = source.field_mapping()

    def raw(name):
        value = row.get(mapping[name])
        if isinstance(value, str) and is_formula(value):
            raise RowRejected(_("the cell “%(column)s” holds a formula") % {"column": mapping[name]})
        return value

    title = clean_text(text_of(raw("title")), 255)
    if not title:
        raise RowRejected(_("no title (“%(column)s”)") % {"column": mapping["title"]})
    permanent = text_of(raw("permanent")).casefold() in TRUE or raw("permanent") is True
    closes_on = day_of(raw("closes_on"), mapping["closes_on"])
    if not closes_on and not permanent:
        raise RowRejected(_("no closing date (“%(column)s”) and not permanent") % {"column": mapping["closes_on"]})
    url = clean_text(text_of(raw("official_url")), 500)
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError as error:
            raise RowRejected(_("“%(value)s” is not a web address") % {"value": url[:80]}) from error
    rate = text_of(raw("cofunding_rate"))
    names = raw("funders")
    names = [text_of(name) for name in names] if isinstance(names, list) else text_of(names).split(";")
    summary = clean_text(strip_tags(text_of(raw("summary"))), 2000) or title
    values = {
        "source_key": clean_text(text_of(raw("source_key")), 200),
        "title": title, "summary": summary, "permanent": permanent,
        "closes_on": None if permanent else closes_on,
        "opens_on": day_of(raw("opens_on"), mapping["opens_on"], required=False),
        "official_url": url,
        "cofunding_rate": int(float(rate)) if re.fullmatch(r"\d{1,3}([.,]\d+)?", rate.replace(",", ".")) and
        float(rate.replace(",", ".")) <= 100 else None,
    }
    return values, [clean_text(name, 200) for name in names if clean_text(name, 200)]


def text_of(value):
    if value is None or isinstance(value, (dict, list)):
        return ""
    return str(value).strip()


def day_of(value, column, required=True):
    text = text_of(value)
    if not text:
        return None
    match = DAY.match(text) or FRENCH_DAY.match(text)
    try:
        if match and DAY.match(text):
            return date(int(match[1]), int(match[2]), int(match[3]))
        if match:
            return date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:
        pass
    raise RowRejected(_("“%(value)s” in “%(column)s” is not a date") % {"value": text[:40], "column": column})
