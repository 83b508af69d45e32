"""Send each subscriber whose alerts are due (daily or weekly) the new items
of their topics; nothing to those with nothing new. Run it once a day:

    15 7 * * *  manage.py send_digests
"""

from django.core.management.base import BaseCommand

from maillage_core.subscriptions.digests import send_digests


class Command(BaseCommand):
    help = "Send the daily and weekly alerts of new items to subscribers."

    def handle(self, **options):
        report = send_digests()
        self.stdout.write(
            f"{report.subscribers} subscribers due, {report.digests} alerts sent, {report.items} items"
        )
