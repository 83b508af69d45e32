"""Load the demo content of every installed Maillage plugin.

Each plugin registers its loader through the ``maillage_demo_content``
hook; each loader makes the plugin's index page under the default site's
root page when there is none, then what is missing of its content. A
second run creates nothing and only sends the index updates kept during
an engine outage.
"""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from modelsearch.backends import get_search_backend

from maillage_core.hooks import demo_loaders
from maillage_core.search.errors import engine_errors


def count_option(text):
    """``NAME=N``, e.g. ``actors=200``: how many of a kind a loader makes."""
    name, sep, value = text.partition("=")
    if not sep or not name.isidentifier() or not value.isdigit():
        raise CommandError(f"--count expects NAME=N with a whole number, e.g. actors=200, not {text!r}.")
    return name, int(value)


class Command(BaseCommand):
    help = "Load every installed plugin's demo content (idempotent) and bring the search index up to date."

    def add_arguments(self, parser):
        parser.add_argument(
            "--count", action="append", default=[], metavar="NAME=N",
            help="how many of a kind a loader makes, e.g. actors=200 (maillage-directory's demo actors)",
        )
        parser.add_argument("--reindex", action="store_true", help="rebuild the search index even if up to date")

    def handle(self, *args, **options):
        started = time.monotonic()
        counts = dict(count_option(text) for text in options["count"])
        created = 0
        for make_loader in demo_loaders():
            created += make_loader()(counts, self.progress) or 0
        self.sync_index(rebuild=options["reindex"] or created > 0)
        self.stdout.write(self.style.SUCCESS(f"Demo ready in {time.monotonic() - started:.1f} s."))

    def progress(self, message):
        self.stdout.write(f"  {message}")
        self.stdout.flush()

    def sync_index(self, rebuild):
        """Rows made in bulk skip the index's signals: build it when the demo
        made something (or the engine has no index yet), else send what an
        outage kept back."""
        from wagtail.models import Page

        backend = get_search_backend()
        engine = hasattr(backend, "has_index")  # core's engine backends; the database's tables always exist
        if engine and not rebuild:
            try:
                rebuild = not backend.has_index(Page)
            except engine_errors():
                self.progress("search: the engine does not answer; run retry_search_index once it is back")
                return
        if rebuild:
            self.progress("search: building the index...")
            call_command("rebuild_search_index", stdout=self.stdout)
        elif engine:
            call_command("retry_search_index", stdout=self.stdout)
