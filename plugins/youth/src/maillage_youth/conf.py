"""The plugin's settings, read lazily so a host site (or a test) can change
them at any time. Every one has a default; ``checks.py`` reports values
that cannot work."""

from django.conf import settings

from maillage_core.officer import officer_email as core_officer_email

DEFAULTS = {
    # Offers per page of the public board.
    "OFFERS_PER_PAGE": 20,
    # Testimonies per page of the public list.
    "TESTIMONIES_PER_PAGE": 12,
    # Most offers in the RSS and JSON feeds.
    "FEED_LIMIT": 200,
    # Offers, testimonies and schemes shown on the Espace Jeunes landing page.
    "LANDING_ITEMS": 4,
    # A scheme whose conditions were not checked for this many days is
    # flagged on its page.
    "SCHEME_CHECK_DAYS": 365,
    # Furthest closing date a public offer may carry, in days from today.
    "OFFER_MAX_OPEN_DAYS": 366,
    # Largest photo a visitor may send with a testimony, in bytes, and its
    # largest side in pixels (bigger photos are refused, not resized).
    "PHOTO_MAX_BYTES": 5 * 1024 * 1024,
    "PHOTO_MAX_PIXELS": 6000,
    # Who hears of new submissions; empty: MAILLAGE_OFFICER_EMAIL, then nobody.
    "OFFICER_EMAIL": "",
}


def get(name):
    return getattr(settings, f"MAILLAGE_YOUTH_{name}", DEFAULTS[name])


def officer_email():
    """This plugin's officer setting, else the site's (``maillage_core.officer``)."""
    return core_officer_email(get("OFFICER_EMAIL"))
