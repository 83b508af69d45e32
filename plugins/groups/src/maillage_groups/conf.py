"""The plugin's settings, read lazily so a host site (or a test) can change
them at any time. Every one has a default; ``checks.py`` reports values
that cannot work."""

from zoneinfo import ZoneInfo

from django.conf import settings

from maillage_core.officer import officer_email as core_officer_email

DEFAULTS = {
    # Meetings are entered, shown and exported in this time zone.
    "TIME_ZONE": "Europe/Paris",
    # Groups per page of the groups index, minutes per page of an archive.
    "PER_PAGE": 20,
    # Most meetings a calendar or RSS feed lists.
    "FEED_LIMIT": 200,
    # Days the sign-up link (email verification) stays valid.
    "SIGNUP_LINK_DAYS": 3,
    # Days a coordinator's approve/decline link stays valid.
    "DECISION_LINK_DAYS": 30,
    # Who hears of join requests to a group that has no coordinator yet;
    # empty: MAILLAGE_OFFICER_EMAIL.
    "OFFICER_EMAIL": "",
}


def get(name):
    return getattr(settings, f"MAILLAGE_GROUPS_{name}", DEFAULTS[name])


def time_zone() -> ZoneInfo:
    return ZoneInfo(get("TIME_ZONE"))


def officer_email():
    """This plugin's officer setting, else the site's (``maillage_core.officer``)."""
    return core_officer_email(get("OFFICER_EMAIL"))
