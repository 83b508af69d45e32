"""Export published actors as CSV in the shared-thesaurus shape (public fields only)."""

import sys

from django.core.management.base import BaseCommand

from ...exporting import thesaurus_rows
from ...models import Actor


class Command(BaseCommand):
    help = "Export published actors as CSV in the shared-thesaurus shape (public fields only)."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="file to write (standard output when left out)")

    def handle(self, *args, **options):
        out = open(options["output"], "w", encoding="utf-8", newline="") if options["output"] else sys.stdout
        count = 0
        try:
            for line in thesaurus_rows(Actor.objects.live()):
                out.write(line)
                count += 1
        finally:
            if options["output"]:
                out.close()
        if options["output"]:
            self.stdout.write(self.style.SUCCESS(f"{count - 1} actors written to {options['output']}."))
