"""System checks: name any app the barometer needs that a host lacks."""

from django.core.checks import register

from maillage_core.checks import missing_apps

# Invitations are sent as background tasks.
REQUIRED_APPS = ("maillage_core", "django_countries", "django_tasks")


@register()
def check_required_apps(app_configs, **kwargs):
    return missing_apps("maillage_barometer", REQUIRED_APPS, "maillage_barometer.E001")
