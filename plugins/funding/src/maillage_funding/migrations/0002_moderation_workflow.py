from django.db import migrations


def create_workflow(apps, schema_editor):
    from maillage_funding.moderation import ensure_workflow

    ensure_workflow(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("maillage_funding", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_workflow, migrations.RunPython.noop)]
