"""System checks: tell a host site which MAILLAGE_DIRECTORY_* value cannot work."""

from django.core.checks import Error, register

from maillage_core.checks import missing_apps

from . import conf

POSITIVE_INTEGERS = {
    "PER_PAGE": ("maillage_directory.E001", 1, 100),
    "LOGO_MAX_BYTES": ("maillage_directory.E002", 1, None),
    "LOGO_MAX_PIXELS": ("maillage_directory.E003", 1, None),
    "IMPORT_MAX_BYTES": ("maillage_directory.E004", 1, None),
    "UPDATE_LINK_DAYS": ("maillage_directory.E005", 1, None),
}


@register()
def check_settings(app_configs, **kwargs):
    errors = []
    for name, (error_id, minimum, maximum) in POSITIVE_INTEGERS.items():
        value = conf.get(name)
        valid = isinstance(value, int) and not isinstance(value, bool) and value >= minimum
        if valid and maximum is not None:
            valid = value <= maximum
        if not valid:
            bounds = f"between {minimum} and {maximum}" if maximum else f"{minimum} or more"
            errors.append(
                Error(
                    f"MAILLAGE_DIRECTORY_{name} must be a whole number {bounds}.",
                    hint=f"Remove it to keep the default of {conf.DEFAULTS[name]}.",
                    id=error_id,
                )
            )
    if not isinstance(conf.get("OFFICER_EMAIL"), str):
        errors.append(
            Error(
                "MAILLAGE_DIRECTORY_OFFICER_EMAIL must be an email address (a string).",
                hint="Remove it to use MAILLAGE_OFFICER_EMAIL.",
                id="maillage_directory.E006",
            )
        )
    return errors


# Apps the plugin's models, templates and admin need beside its own: without
# one, some pages answer 500 rather than the site refusing to start.
REQUIRED_APPS = (
    "maillage_core",
    "django_countries",
    "wagtail.images",
    "wagtail.snippets",
    "django.contrib.messages",
)


@register()
def check_required_apps(app_configs, **kwargs):
    return missing_apps("maillage_directory", REQUIRED_APPS, "maillage_directory.E007")
