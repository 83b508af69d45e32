"""One logo: the network settings' logo (search engines' only) moves to the
identity settings (header, icons, search engines) where a site has none."""

from django.db import migrations


def move_logo(apps, schema_editor):
    NetworkSettings = apps.get_model("home", "NetworkSettings")
    IdentitySettings = apps.get_model("maillage_core", "IdentitySettings")
    for network in NetworkSettings.objects.exclude(logo=None):
        identity, _created = IdentitySettings.objects.get_or_create(site_id=network.site_id)
        if identity.logo_id is None:
            identity.logo_id = network.logo_id
            identity.save(update_fields=["logo"])


class Migration(migrations.Migration):

    dependencies = [
        ("home", "0005_news_and_resources_countries"),
        ("maillage_core", "0006_identity"),
    ]

    operations = [
        migrations.RunPython(move_logo, migrations.RunPython.noop),
        migrations.RemoveField(model_name="networksettings", name="logo"),
    ]
