"""Send, in this process, every issue whose sending has not finished: the
way to resume after a crash without the worker, or to send without one.
It waits MAILLAGE_SUBSCRIPTIONS_BATCH_INTERVAL seconds between batches, as
the worker does; copies already sent or claimed are never sent again.

    manage.py send_mailings
"""

from django.core.management.base import BaseCommand

from maillage_core.subscriptions import sending
from maillage_core.subscriptions.models import Mailing


class Command(BaseCommand):
    help = "Send the unfinished issues now, in this process, batch after batch."

    def handle(self, **options):
        for mailing in Mailing.objects.filter(status=Mailing.Status.SENDING).order_by("pk"):
            subject = mailing.subject
            sending.send_all(mailing.pk, report=lambda done, subject=subject: self.stdout.write(
                f"{subject}: {done.total - done.remaining}/{done.total}"))
