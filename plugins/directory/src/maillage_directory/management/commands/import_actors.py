"""Import actors from a CSV or XLSX file (see ``maillage_directory.importing``)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

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
            raise CommandError(f"No file at {path}.")
        limit = conf.get("IMPORT_MAX_BYTES")
        if path.stat().st_size > limit:
            raise CommandError(
                f"The file weighs {path.stat().st_size // 1_000_000} MB; the limit is {limit // 1_000_000} MB "
                "(MAILLAGE_DIRECTORY_IMPORT_MAX_BYTES). Split it into several files."
            )
        delimiter = {"tab": "\t", "\\t": "\t"}.get(options["delimiter"], options["delimiter"])
        report = import_file(
            path.read_bytes(), path.name, encoding=options["encoding"], delimiter=delimiter,
            dry_run=options["dry_run"], progress=self.progress,
        )
        if report.refused:
            raise CommandError("The file was refused; nothing changed.\n" + "\n".join(report.refused))
        for error in report.errors:
            self.stderr.write(f"row {error.row}, column {error.column or '-'}: {error.reason}")
        verb = "would be" if report.dry_run else "were"
        self.stdout.write(self.style.SUCCESS(
            f"{report.rows} rows read ({report.encoding}{', ' + repr(report.delimiter) if report.delimiter else ''}): "
            f"{report.created} {verb} created, {report.updated} {verb} updated, {report.unchanged} unchanged, "
            f"{report.skipped_rows} skipped with errors."
        ))

    def progress(self, done, total, what):
        self.stdout.write(f"  {done}/{total} {what}")
        self.stdout.flush()
