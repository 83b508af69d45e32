from django.db import migrations


def seed(apps, schema_editor):
    from maillage_core.data.seed import seed_vocabulary

    seed_vocabulary(
        apps.get_model("maillage_core", "Sector"),
        apps.get_model("maillage_core", "ActorType"),
        apps.get_model("maillage_core", "SustainableDevelopmentGoal"),
        apps.get_model("maillage_core", "Department"),
    )


class Migration(migrations.Migration):
    dependencies = [("maillage_core", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
