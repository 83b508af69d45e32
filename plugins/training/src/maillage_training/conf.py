"""The plugin's settings, read lazily so tests and host sites can change
them at any time; ``checks.py`` validates them."""

from zoneinfo import ZoneInfo

from django.apps import apps
from django.conf import settings

DEFAULTS = {
    # Sessions are entered, shown and exported in this time zone.
    "TIME_ZONE": "Europe/Paris",
    # Days after a session ends before its registrants' personal data is erased.
    "RETENTION_DAYS": 730,
    # Days before a session when the reminder email goes out (0: no reminder).
    "REMINDER_DAYS": 3,
    # Days a cancel link stays valid.
    "CANCEL_LINK_MAX_AGE_DAYS": 365,
    # The concrete training page class (a subclass of TrainingPageMixin);
    # sites with their own base page model name theirs here.
    "PAGE_MODEL": "maillage_training.TrainingPage",
    # Most sessions a calendar feed or the RSS feed lists.
    "FEED_LIMIT": 500,
    # Organisations suggested by other plugins under the organisation field.
    "ORGANISATION_SUGGESTIONS": 200,
}


def get(name):
    return getattr(settings, f"MAILLAGE_TRAINING_{name}", DEFAULTS[name])


def time_zone() -> ZoneInfo:
    return ZoneInfo(get("TIME_ZONE"))


def training_page_model():
    return apps.get_model(get("PAGE_MODEL"))
