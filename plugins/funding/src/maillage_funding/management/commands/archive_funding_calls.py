from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from maillage_funding.archiving import archive_past_calls


class Command(BaseCommand):
    help = "Archive the funding calls past their closing date (daily; safe to run twice)."

    def handle(self, *args, **options):
        count = archive_past_calls()
        self.stdout.write(ngettext("%(count)s funding call archived.", "%(count)s funding calls archived.", count)
                          % {"count": count})
