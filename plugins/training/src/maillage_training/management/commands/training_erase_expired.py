"""Erase the personal data of registrants of sessions that ended more than
MAILLAGE_TRAINING_RETENTION_DAYS ago. Run it daily (cron)."""

from django.core.management.base import BaseCommand

from maillage_training import conf, personal_data


class Command(BaseCommand):
    help = "Erase registrants' personal data once the retention period is over (counts are kept)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="only say how many would be erased")

    def handle(self, *args, dry_run=False, **options):
        due = personal_data.past_retention()
        days = conf.get("RETENTION_DAYS")
        if dry_run:
            self.stdout.write(f"{due.count()} registrations are past the {days}-day retention period.")
            return
        erased = personal_data.erase(due)
        self.stdout.write(self.style.SUCCESS(f"Personal data erased from {erased} registrations (retention: {days} days)."))
