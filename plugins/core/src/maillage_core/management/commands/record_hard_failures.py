"""Record hard failures (the address does not exist) reported by the mail
server or its bounce reports: past MAILLAGE_SUBSCRIPTIONS_HARD_FAILURE_LIMIT
nothing more is sent to the address.

    manage.py record_hard_failures awa@example.org moussa@example.org
    manage.py record_hard_failures --file bounces.txt   (one address a line)
"""

from django.core.management.base import BaseCommand

from maillage_core.subscriptions.subscribing import record_hard_failure


class Command(BaseCommand):
    help = "Record hard failures of subscribers' addresses; suspend those that failed too often."

    def add_arguments(self, parser):
        parser.add_argument("addresses", nargs="*")
        parser.add_argument("--file", help="a file with one address a line")

    def handle(self, addresses, file=None, **options):
        if file:
            with open(file, encoding="utf-8") as lines:
                addresses = [*addresses, *(line.strip() for line in lines if line.strip())]
        for address in addresses:
            subscriber = record_hard_failure(address)
            if subscriber is None:
                self.stdout.write(f"{address}: not a subscriber")
            elif subscriber.suspended_at:
                self.stdout.write(f"{address}: {subscriber.hard_failures} failures, suspended")
            else:
                self.stdout.write(f"{address}: {subscriber.hard_failures} failures")
