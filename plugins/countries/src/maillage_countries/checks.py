"""System checks: name any app the country pages need that a host lacks."""

from django.core.checks import register

from maillage_core.checks import missing_apps

# Profiles are snippets with a country field.
REQUIRED_APPS = ("maillage_core", "django_countries", "wagtail.snippets")


@register()
def check_required_apps(app_configs, **kwargs):
    return missing_apps("maillage_countries", REQUIRED_APPS, "maillage_countries.E001")
