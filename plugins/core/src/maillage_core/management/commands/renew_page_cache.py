"""Make every kept page stale: run it after a deploy.

Content changes renew the page cache by themselves; new templates, code or
settings do not, and a file or Redis cache outlives a restart. Pages kept
by the old release would otherwise be served until they expire.
"""

from django.core.management.base import BaseCommand

from maillage_core.page_cache import content_changed


class Command(BaseCommand):
    help = "Make every page kept in the page cache stale (after a deploy)."

    def handle(self, *args, **options):
        content_changed()
        self.stdout.write("Every kept page will be drawn afresh.")
