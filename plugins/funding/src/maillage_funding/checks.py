"""System checks: tell a host site which MAILLAGE_FUNDING_* value cannot work."""

from django.core.checks import Error, register

from maillage_core.checks import missing_apps, unknown_task_backend

from . import conf

# setting: (check id, smallest, largest)
WHOLE_NUMBERS = {
    "PER_PAGE": ("maillage_funding.E001", 1, 100),
    "FEED_LIMIT": ("maillage_funding.E002", 1, 5000),
    "API_PAGE_SIZE": ("maillage_funding.E003", 1, 500),
    "CLOSING_SOON_DAYS": ("maillage_funding.E004", 1, 90),
    "HOME_ITEMS": ("maillage_funding.E005", 1, 20),
}


@register()
def check_settings(app_configs, **kwargs):
    errors = []
    for name, (error_id, minimum, maximum) in WHOLE_NUMBERS.items():
        value = conf.get(name)
        if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= maximum:
            errors.append(Error(
                f"MAILLAGE_FUNDING_{name} must be a whole number between {minimum} and {maximum}.",
                hint=f"Remove it to keep the default of {conf.DEFAULTS[name]}.",
                id=error_id,
            ))
    errors += unknown_task_backend("MAILLAGE_FUNDING_TASK_BACKEND", conf.get("TASK_BACKEND"), "maillage_funding.E006")
    return errors


# Apps the plugin's models, templates and admin need beside its own.
REQUIRED_APPS = (
    "maillage_core",
    "django_countries",
    "wagtail.snippets",
    "wagtail.documents",
)


@register()
def check_required_apps(app_configs, **kwargs):
    return missing_apps("maillage_funding", REQUIRED_APPS, "maillage_funding.E010")
