"""Load the demo portal: a development admin account, then core's
``maillage_demo``: the site's pages and every installed plugin's demo
content (through the ``maillage_demo_content`` hook), and a search index in
step with all of it.

Idempotent: a second run creates nothing and only sends pending index
updates, so ``make run`` stays fast.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

DEV_ADMIN = ("admin", "maillage")


class Command(BaseCommand):
    help = "Load demo content (idempotent) and bring the search index up to date."

    def add_arguments(self, parser):
        parser.add_argument("--actors", type=int, default=2000, help="demo actors to create (directory plugin)")
        parser.add_argument("--no-admin", action="store_true", help="do not create the development admin account")
        parser.add_argument("--reindex", action="store_true", help="rebuild the search index even if up to date")

    def handle(self, *args, **options):
        if not options["no_admin"]:
            self.ensure_admin()
        call_command(
            "maillage_demo", count=[f"actors={max(0, options['actors'])}"], reindex=options["reindex"], stdout=self.stdout
        )

    def ensure_admin(self):
        if not settings.DEBUG:
            raise CommandError("The development admin account is only created with DEBUG on; use --no-admin.")
        username, password = DEV_ADMIN
        User = get_user_model()
        if not User.objects.filter(username=username).exists():
            User.objects.create_superuser(username, "admin@maillage.localhost", password)
            self.stdout.write(f"  admin account created: {username} / {password}")
