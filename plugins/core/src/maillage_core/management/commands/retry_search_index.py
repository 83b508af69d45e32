"""Send index updates kept during an engine outage.

Run it from cron (every few minutes) or after an outage; it is safe to run
at any time and stops early, leaving the rest pending, if the engine is still
down.
"""

from django.core.management.base import BaseCommand
from modelsearch.backends import get_search_backends_with_name

from maillage_core.search import circuit, outbox


class Command(BaseCommand):
    help = "Send the index updates that could not reach the search engine."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, batch_size, **options):
        circuit.reset()
        pending = outbox.pending_count()
        if not pending:
            self.stdout.write("No pending index updates.")
            return
        self.stdout.write(f"{pending} pending index update(s)...")
        for name, backend in get_search_backends_with_name(with_auto_update=True):
            if not hasattr(backend, "add_now"):
                continue
            total_done = 0
            while True:
                done, left = outbox.replay(backend, batch_size, progress=self.progress)
                total_done += done
                if not done or not left:
                    break
            self.stdout.write("")
            style = self.style.SUCCESS if not left else self.style.WARNING
            self.stdout.write(style(f"{name}: {total_done} sent, {left} still pending."))

    def progress(self, done, total):
        if done % 50 == 0 or done == total:
            self.stdout.write(f"\r  {done}/{total}", ending="")
            self.stdout.flush()
