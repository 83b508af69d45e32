"""Send the reminder email MAILLAGE_TRAINING_REMINDER_DAYS days before each
session to the people holding a seat. Run it hourly (cron): each person
gets one reminder per session however often it runs, even two runs at once."""

from django.core.management.base import BaseCommand

from maillage_training import reminders


class Command(BaseCommand):
    help = "Email a reminder to confirmed registrants of sessions starting soon (never twice)."

    def handle(self, *args, **options):
        sent, due = reminders.send_due_reminders(progress=self.stdout.write)
        self.stdout.write(self.style.SUCCESS(f"{sent} reminders sent ({due} registrations due)."))
