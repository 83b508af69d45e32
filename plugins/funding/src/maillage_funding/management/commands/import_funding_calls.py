from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from maillage_funding.importing import run_all


class Command(BaseCommand):
    help = "Import funding calls from every active source (daily; a second run changes nothing)."

    def handle(self, *args, **options):
        for source, report in run_all(progress=self.stdout.write):
            if report.error:
                self.stdout.write(_("%(source)s: not imported: %(error)s") % {"source": source.name,
                                                                              "error": report.error})
                continue
            self.stdout.write(_("%(source)s: %(summary)s") % {"source": source.name, "summary": source.report_summary()})
            for number, reason in report.rejected[:20]:
                self.stdout.write(_("  row %(number)s rejected: %(reason)s") % {"number": number, "reason": reason})
