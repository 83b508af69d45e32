"""System checks: tell a host site which MAILLAGE_YOUTH_* value cannot work."""

from django.core.checks import Error, register

from maillage_core.checks import missing_apps

from . import conf

# setting: (check id, smallest, largest or None)
WHOLE_NUMBERS = {
    "OFFERS_PER_PAGE": ("maillage_youth.E001", 1, 100),
    "TESTIMONIES_PER_PAGE": ("maillage_youth.E002", 1, 100),
    "FEED_LIMIT": ("maillage_youth.E003", 1, 5000),
    "LANDING_ITEMS": ("maillage_youth.E004", 1, 20),
    "SCHEME_CHECK_DAYS": ("maillage_youth.E005", 1, None),
    "OFFER_MAX_OPEN_DAYS": ("maillage_youth.E006", 1, None),
    "PHOTO_MAX_BYTES": ("maillage_youth.E007", 1, None),
    "PHOTO_MAX_PIXELS": ("maillage_youth.E008", 1, None),
}


def is_whole_number(value, minimum, maximum):
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        return False
    return maximum is None or value <= maximum


@register()
def check_settings(app_configs, **kwargs):
    errors = []
    for name, (error_id, minimum, maximum) in WHOLE_NUMBERS.items():
        if not is_whole_number(conf.get(name), minimum, maximum):
            bounds = f"between {minimum} and {maximum}" if maximum else f"{minimum} or more"
            errors.append(
                Error(
                    f"MAILLAGE_YOUTH_{name} must be a whole number {bounds}.",
                    hint=f"Remove it to keep the default of {conf.DEFAULTS[name]}.",
                    id=error_id,
                )
            )
    if not isinstance(conf.get("OFFICER_EMAIL"), str):
        errors.append(
            Error(
                "MAILLAGE_YOUTH_OFFICER_EMAIL must be an email address (a string).",
                hint="Remove it to use MAILLAGE_OFFICER_EMAIL.",
                id="maillage_youth.E009",
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
    "wagtail.documents",
    "wagtail.embeds",
    "wagtail.contrib.typed_table_block",
)


@register()
def check_required_apps(app_configs, **kwargs):
    return missing_apps("maillage_youth", REQUIRED_APPS, "maillage_youth.E010")
