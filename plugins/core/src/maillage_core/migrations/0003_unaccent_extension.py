"""PostgreSQL's ``unaccent``, which searches without the engine fold
accents with (``maillage_core.search.folding``). Other databases need
nothing: SQLite folds in Python."""

from django.db import migrations


def create_unaccent(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        # A trusted extension since PostgreSQL 13: the database's owner may
        # create it; with an older server, a superuser runs this once.
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")


class Migration(migrations.Migration):
    dependencies = [("maillage_core", "0002_seed_vocabulary")]

    operations = [migrations.RunPython(create_unaccent, migrations.RunPython.noop, elidable=False)]
