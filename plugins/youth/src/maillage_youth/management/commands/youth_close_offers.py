from django.core.management.base import BaseCommand

from maillage_youth.expiry import close_expired_offers


class Command(BaseCommand):
    help = "Unpublish the offers whose closing date has passed (safe to run again; run it daily from cron)."

    def handle(self, *args, **options):
        def progress(done, total):
            if options["verbosity"] > 1 or done == total:
                self.stdout.write(f"  {done}/{total}")

        closed = close_expired_offers(progress=progress)
        self.stdout.write(self.style.SUCCESS(f"{closed} offer(s) closed."))
