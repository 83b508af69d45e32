"""The plugin's settings, read lazily so a host site (or a test) can change
them at any time. Every one has a default; ``checks.py`` reports values
that cannot work."""

from django.conf import settings

DEFAULTS = {
    # Calls per page of the public search.
    "PER_PAGE": 20,
    # Most calls in the RSS, JSON Feed and iCal feeds.
    "FEED_LIMIT": 200,
    # Calls per page of the JSON API (a client may ask for fewer).
    "API_PAGE_SIZE": 50,
    # A call closing within this many days is "closing soon".
    "CLOSING_SOON_DAYS": 14,
    # Calls in the home page's "closing soon" section.
    "HOME_ITEMS": 4,
    # The TASKS alias the officer's "import now" is queued on.
    "TASK_BACKEND": "default",
}


def get(name):
    return getattr(settings, f"MAILLAGE_FUNDING_{name}", DEFAULTS[name])
