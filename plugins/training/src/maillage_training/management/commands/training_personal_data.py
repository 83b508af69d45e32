"""Answer a person's request about their data: export everything held
about one email address (JSON), or erase it."""

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from maillage_training import personal_data


class Command(BaseCommand):
    help = "Export (JSON on standard output) or erase everything held about one email address."

    def add_arguments(self, parser):
        parser.add_argument("email")
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--export", action="store_true", help="print the person's data as JSON")
        action.add_argument("--erase", action="store_true", help="cancel upcoming registrations and erase the data")

    def handle(self, *args, email, export=False, erase=False, **options):
        try:
            validate_email(email.strip())
        except ValidationError as error:
            raise CommandError(f"“{email}” is not an email address.") from error
        if export:
            self.stdout.write(json.dumps(personal_data.export_for(email), ensure_ascii=False, indent=2))
            return
        erased = personal_data.erase_for(email)
        self.stderr.write(self.style.SUCCESS(f"Personal data erased from {erased} registrations of {email}."))
