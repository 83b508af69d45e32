"""Sources the officer imports calls from every day (``import_funding_calls``).

A source is a JSON export shaped like Aides-territoires' (a list of aids, or
``{"results": [...]}``), a CSV file or an XLSX workbook with a header row,
or an RSS or Atom feed, fetched from its address or uploaded. ``mapping`` names, for each field of a call, the key
or column holding it; the format's defaults fill what it leaves out. Each
run keeps its report on the source.
"""

from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SourceFormat(models.TextChoices):
    JSON = "json", _("JSON (shaped like Aides-territoires' export)")
    CSV = "csv", _("CSV with a header row")
    XLSX = "xlsx", _("XLSX workbook with a header row (its first sheet)")
    FEED = "feed", _("RSS or Atom feed")


#: Fields of a call an import may fill: {field: default key in each format}.
DEFAULT_MAPPINGS = {
    SourceFormat.JSON: {
        "source_key": "id", "title": "name", "summary": "description", "closes_on": "submission_deadline",
        "opens_on": "start_date", "official_url": "origin_url", "funders": "financers",
        "cofunding_rate": "subvention_rate_upper_bound", "permanent": "is_permanent",
    },
    SourceFormat.CSV: {
        "source_key": "id", "title": "titre", "summary": "resume", "closes_on": "cloture", "opens_on": "ouverture",
        "official_url": "lien", "funders": "financeur", "cofunding_rate": "taux", "permanent": "permanent",
    },
    # A workbook's columns are named as a CSV file's.
    SourceFormat.XLSX: {
        "source_key": "id", "title": "titre", "summary": "resume", "closes_on": "cloture", "opens_on": "ouverture",
        "official_url": "lien", "funders": "financeur", "cofunding_rate": "taux", "permanent": "permanent",
    },
    # An item's child elements by their local name (namespaces dropped);
    # feeds seldom give a closing date: map the element that holds it.
    SourceFormat.FEED: {
        "source_key": "guid", "title": "title", "summary": "description", "closes_on": "closing_date",
        "opens_on": "opening_date", "official_url": "link", "funders": "funder", "cofunding_rate": "rate",
        "permanent": "permanent",
    },
}


class RunState(models.TextChoices):
    IDLE = "idle", _("idle")
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("running")


#: A run whose last row is older than this has stopped (a worker died): the next run resumes it.
STALLED_AFTER = timedelta(minutes=10)


class ImportSource(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    url = models.URLField(_("address"), max_length=500, blank=True, help_text=_("Fetched at each run; or upload a file."))
    upload = models.FileField(_("file"), upload_to="maillage_funding/sources/", blank=True)
    format = models.CharField(_("format"), max_length=10, choices=SourceFormat.choices, default=SourceFormat.JSON)
    mapping = models.JSONField(
        _("field mapping"), default=dict, blank=True,
        help_text=_("For each field of a call, the key or column holding it, e.g. {\"title\": \"name\"}; "
                    "the format's usual names fill the rest."),
    )
    default_funder = models.ForeignKey("maillage_funding.Funder", verbose_name=_("default funder"), null=True,
                                       blank=True, on_delete=models.SET_NULL, related_name="+")
    licence = models.CharField(_("licence"), max_length=200, blank=True)
    publish = models.BooleanField(_("publish imported calls"), default=False,
                                  help_text=_("Off: new calls arrive as drafts for the officer to check."))
    active = models.BooleanField(_("active"), default=True)
    last_run_at = models.DateTimeField(_("last run"), null=True, blank=True, editable=False)
    last_report = models.JSONField(_("last report"), default=dict, blank=True, editable=False)
    # The run under way, or stopped midway: the next run resumes after ``rows_done``.
    run_state = models.CharField(_("run"), max_length=10, choices=RunState.choices, default=RunState.IDLE,
                                 editable=False)
    rows_done = models.PositiveIntegerField(default=0, editable=False)
    rows_total = models.PositiveIntegerField(default=0, editable=False)
    run_report = models.JSONField(default=dict, blank=True, editable=False)
    run_updated_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("import source")
        verbose_name_plural = _("import sources")

    def __str__(self):
        return self.name

    def field_mapping(self):
        mapping = dict(DEFAULT_MAPPINGS[self.format])
        mapping.update({key: value for key, value in (self.mapping or {}).items() if key in mapping and value})
        return mapping

    def report_summary(self):
        report = self.last_report or {}
        if report.get("error"):
            return report["error"]
        return _("created: %(created)s, updated: %(updated)s, unchanged: %(unchanged)s, rejected: %(rejected)s") % {
            "created": report.get("created", 0), "updated": report.get("updated", 0),
            "unchanged": report.get("unchanged", 0), "rejected": len(report.get("rejected", [])),
        } if report else ""

    report_summary.short_description = _("last report")

    def run_progress(self):
        """The import under way, as the officer sees it in the list of sources."""
        if self.run_state == RunState.QUEUED:
            return _("waiting for the worker")
        if self.run_state != RunState.RUNNING:
            return ""
        counts = {"done": self.rows_done, "total": self.rows_total}
        if not self.run_updated_at or timezone.now() - self.run_updated_at > STALLED_AFTER:
            return _("stopped after %(done)s of %(total)s rows: the next run resumes there") % counts
        return _("%(done)s of %(total)s rows") % counts

    run_progress.short_description = _("import under way")
