"""System checks: tell a host site what is misconfigured, with a hint."""

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from maillage_core.checks import missing_apps

from . import conf

WHOLE_NUMBERS = {
    # setting: (smallest value, meaning)
    "RETENTION_DAYS": (1, "a number of days after a session"),
    "REMINDER_DAYS": (0, "a number of days before a session (0 disables reminders)"),
    "CANCEL_LINK_MAX_AGE_DAYS": (1, "a number of days"),
    "FEED_LIMIT": (1, "a number of sessions"),
    "ORGANISATION_SUGGESTIONS": (0, "a number of organisations (0 disables suggestions)"),
}


@register()
def check_settings(app_configs, **kwargs):
    errors = []
    for number, (name, (minimum, meaning)) in enumerate(WHOLE_NUMBERS.items(), start=1):
        value = conf.get(name)
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            errors.append(
                Error(
                    f"MAILLAGE_TRAINING_{name} must be a whole number, {minimum} or more: {meaning}.",
                    hint=f"Remove it to keep the default of {conf.DEFAULTS[name]}.",
                    id=f"maillage_training.E00{number}",
                )
            )
    try:
        ZoneInfo(str(conf.get("TIME_ZONE")))
    except (ZoneInfoNotFoundError, ValueError):
        errors.append(
            Error(
                f"MAILLAGE_TRAINING_TIME_ZONE {conf.get('TIME_ZONE')!r} is not a known time zone.",
                hint="Use an IANA name such as 'Europe/Paris' (the default).",
                id="maillage_training.E010",
            )
        )
    errors.extend(check_page_model())
    return errors


def check_page_model():
    from django.apps import apps

    from .models import TrainingPageMixin

    name = conf.get("PAGE_MODEL")
    try:
        model = apps.get_model(name)
    except (LookupError, ValueError):
        model = None
    if model is None or not issubclass(model, TrainingPageMixin) or model._meta.abstract:
        return [
            Error(
                f"MAILLAGE_TRAINING_PAGE_MODEL {name!r} is not an installed page model using TrainingPageMixin.",
                hint="Keep the default 'maillage_training.TrainingPage', or name your own "
                "(TrainingPageMixin, YourBasePage) class as 'app_label.ModelName'.",
                id="maillage_training.E011",
            )
        ]
    return []


@register(Tags.compatibility)
def check_sqlite_transactions(app_configs, **kwargs):
    """Registrations count seats and insert in one transaction. SQLite's
    default deferred transactions let two of them read the same count and
    then fail on write; immediate ones queue writers instead."""
    return sqlite_warnings(settings.DATABASES)


def sqlite_warnings(databases):
    warnings = []
    for alias, database in databases.items():
        if database.get("ENGINE") != "django.db.backends.sqlite3":
            continue
        mode = str((database.get("OPTIONS") or {}).get("transaction_mode", "")).upper()
        if mode != "IMMEDIATE":
            warnings.append(
                Warning(
                    f"The SQLite database {alias!r} does not use immediate transactions: concurrent "
                    "registrations may fail with 'database is locked'.",
                    hint='Add "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20} to the database settings.',
                    id="maillage_training.W001",
                )
            )
    return warnings


# Apps the plugin's models, templates and admin need beside its own: without
# one, some pages answer 500 rather than the site refusing to start.
REQUIRED_APPS = (
    "maillage_core",
    "django.contrib.messages",
)


@register()
def check_required_apps(app_configs, **kwargs):
    return missing_apps("maillage_training", REQUIRED_APPS, "maillage_training.E012")
