"""Answer a person's request about their data, across every plugin:

    manage.py personal_data export camille@example.org [--output FILE.zip]
    manage.py personal_data erase camille@example.org [--yes]

The export is a zip with a JSON and a CSV file per kind of record; erasing
asks for confirmation (unless ``--yes``) and reports what each kind erased.
"""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from maillage_core.personal_data import archive, kinds


class Command(BaseCommand):
    help = "Export (a zip of JSON and CSV) or erase everything every plugin holds about one email address."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "erase"])
        parser.add_argument("email")
        parser.add_argument("--output", help="where to write the export's zip (default: in the current folder)")
        parser.add_argument("--yes", action="store_true", help="erase without asking for confirmation")

    def handle(self, *args, action, email, output=None, yes=False, **options):
        email = kinds.normalise(email)
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"“{email}” is not an email address.") from error
        if action == "export":
            self.export(email, Path(output or archive.file_name()))
        else:
            self.erase(email, yes)

    def export(self, email, path):
        exported = kinds.export(email)
        path.write_bytes(archive.build_zip(email, exported, kinds.all_kinds()))
        for key, records in exported.items():
            self.stdout.write(f"{key}: {len(records)}")
        self.stdout.write(self.style.SUCCESS(f"Written to {path}."))

    def erase(self, email, yes):
        found = {key: len(records) for key, records in kinds.export(email).items() if records}
        if not found:
            self.stdout.write(f"Nothing is held about {email}.")
            return
        summary = ", ".join(f"{key}: {count}" for key, count in found.items())
        if not yes:
            answer = input(f"Erase what is held about {email} ({summary})? Type “yes” to confirm: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing erased.")
        for kind, erased in kinds.erase(email):
            if erased.total or erased.kept:
                self.stdout.write(f"{kind.key}: {erased.deleted} deleted, {erased.anonymised} anonymised")
            for sentence in erased.kept:
                self.stdout.write(f"  {sentence}")
        self.stdout.write(self.style.SUCCESS(f"Personal data of {email} erased."))
