"""Import actors from a CSV or XLSX file (see ``maillage_directory.importing``)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from ... import conf
from ...importing import import_file


class Command(BaseCommand):
    help = "Import actors from a CSV or XLSX file in the shared-thesaurus shape."

    def add_arguments(self, parser):
        parser.add_argument("path", help="CSV or XLSX file")
        parser.add_argument("--dry-run", action="store_true", help="check everything, write nothing")
        parser.add_argument("--encoding", help="encoding of a CSV file (detected when left out)")
        parser.add_argument("--delimiter", help="separator of a CSV file: , ; tab or | (detected when left out)")

    def handle(self, *args, **options):
        path = Path(options["path"])
        if not path.is_file():
            raise CommandError(_("No file at %(path)s.") % {"path": path})
        limit = conf.get("IMPORT_MAX_BYTES")
        if path.stat().st_size > limit:
            raise CommandError(
                _("The file weighs %(size)s MB; the limit is %(limit)s MB (MAILLAGE_DIRECTORY_IMPORT_MAX_BYTES). "
                  "Split it into several files.") % {"size": path.stat().st_size // 1_000_000, "limit": limit // 1_000_000}
            )
        delimiter = {"tab": "\t", "\\t": "\t"}.get(options["delimiter"], options["delimiter"])
        report = import_file(
            path.read_bytes(), path.name, encoding=options["encoding"], delimiter=delimiter,
            dry_run=options["dry_run"], progress=self.progress,
        )
        if report.refused:
            raise CommandError(_("The file was refused; nothing changed.") + "\n" + "\n".join(report.refused))
        for error in report.errors:
            self.stderr.write(
                _("row %(row)s, column %(column)s: %(reason)s")
                % {"row": error.row, "column": error.column or "-", "reason": error.reason}
            )
        summary = _(
            "%(rows)s rows read: %(created)s created, %(updated)s updated, %(unchanged)s unchanged, "
            "%(skipped)s skipped with errors."
        )
        if report.dry_run:
            summary = _(
                "Dry run, nothing written. %(rows)s rows read: %(created)s would be created, %(updated)s would be "
                "updated, %(unchanged)s unchanged, %(skipped)s skipped with errors."
            )
        self.stdout.write(self.style.SUCCESS(summary % {
            "rows": report.rows, "created": report.created, "updated": report.updated,
            "unchanged": report.unchanged, "skipped": report.skipped_rows,
        }))

    def progress(self, done, total, what):
        self.stdout.write(f"  {done}/{total} {what}")
        self.stdout.flush()
