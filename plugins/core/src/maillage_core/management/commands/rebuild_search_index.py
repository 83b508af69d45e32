"""Rebuild every search index, with each plugin's fast rebuild where it has one."""

from django.core.management.base import BaseCommand

from maillage_core.search.rebuild import rebuild_all


class Command(BaseCommand):
    help = "Rebuild the search indexes (like update_index, faster for plugins that offer their own rebuild)."

    def handle(self, *args, **options):
        rebuild_all(say=self.say)

    def say(self, message):
        self.stdout.write(message)
        self.stdout.flush()
