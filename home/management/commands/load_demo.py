"""Load the demo portal: the site's pages, every installed plugin's demo
content (through the ``maillage_demo_content`` hook), a development admin
account, and a search index in step with all of it.

Idempotent: a second run creates nothing and only sends pending index
updates, so ``make run`` stays fast.
"""

import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from modelsearch.backends import get_search_backend
from wagtail.models import Page

from maillage_core.hooks import demo_loaders

DEV_ADMIN = ("admin", "maillage")


class Command(BaseCommand):
    help = "Load demo content (idempotent) and bring the search index up to date."

    def add_arguments(self, parser):
        parser.add_argument("--actors", type=int, default=2000, help="demo actors to create (directory plugin)")
        parser.add_argument("--no-admin", action="store_true", help="do not create the development admin account")
        parser.add_argument("--reindex", action="store_true", help="rebuild the search index even if up to date")

    def handle(self, *args, **options):
        started = time.monotonic()
        if not options["no_admin"]:
            self.ensure_admin()
        created = 0
        for make_loader in demo_loaders():
            created += make_loader()(options, self.progress) or 0
        self.sync_index(rebuild=options["reindex"] or created > 0)
        self.stdout.write(self.style.SUCCESS(f"Demo ready in {time.monotonic() - started:.1f} s."))

    def progress(self, message):
        self.stdout.write(f"  {message}")
        self.stdout.flush()

    def ensure_admin(self):
        if not settings.DEBUG:
            raise CommandError("The development admin account is only created with DEBUG on; use --no-admin.")
        username, password = DEV_ADMIN
        User = get_user_model()
        if not User.objects.filter(username=username).exists():
            User.objects.create_superuser(username, "admin@maillage.localhost", password)
            self.progress(f"admin account created: {username} / {password}")

    def sync_index(self, rebuild):
        backend = get_search_backend()
        engine = hasattr(backend, "has_index")  # core's engine backend, not the database's
        if rebuild or (engine and not backend.has_index(Page)):
            self.progress("search: building the index...")
            call_command("rebuild_search_index", stdout=self.stdout)
        elif engine:
            call_command("retry_search_index", stdout=self.stdout)
