"""Purge what each plugin keeps past its retention time (contact messages,
addresses that never confirmed, past registrants…). Idempotent: run it
once a day from cron.

    30 3 * * *  manage.py purge_personal_data
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from maillage_core.personal_data import kinds


class Command(BaseCommand):
    help = "Purge the personal data each plugin keeps past its retention time."

    def handle(self, **options):
        for kind, count in kinds.purge(timezone.now()):
            self.stdout.write(f"{kind.key}: {count} purged ({kind.retention})")
