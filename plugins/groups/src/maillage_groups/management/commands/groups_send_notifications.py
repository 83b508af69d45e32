"""Send the members' emails about new meetings and minutes that a mail
server outage held back. Run it from cron, e.g. every quarter of an hour."""

from django.core.management.base import BaseCommand

from ...notifications import deliver_pending


class Command(BaseCommand):
    help = "Send the working groups' notification emails still waiting."

    def handle(self, *args, **options):
        def progress(done, total):
            if options["verbosity"] > 1:
                self.stdout.write(f"  {done}/{total}")

        tried, waiting = deliver_pending(progress)
        if options["verbosity"]:
            self.stdout.write(f"{tried - waiting} sent, {waiting} still waiting.")
