"""The plugin's settings, read lazily so a host site can change them in
tests with ``override_settings``. Every one has a default; ``checks.py``
reports values that cannot work."""

from django.conf import settings

from maillage_core.officer import officer_email as core_officer_email

DEFAULTS = {
    # Actors per page of the public directory.
    "PER_PAGE": 20,
    # Largest logo a visitor may upload with the public form, in bytes, and
    # its largest side in pixels (bigger images are refused, not resized).
    "LOGO_MAX_BYTES": 2 * 1024 * 1024,
    "LOGO_MAX_PIXELS": 4000,
    # Largest file the import accepts, in bytes.
    "IMPORT_MAX_BYTES": 20 * 1024 * 1024,
    # Days a signed update link sent to an actor stays valid.
    "UPDATE_LINK_DAYS": 30,
    # Who is told of new submissions; empty: MAILLAGE_OFFICER_EMAIL, then nobody.
    "OFFICER_EMAIL": "",
    # Seconds a rendered listing is kept for the next visitor asking the
    # same; any change to actors or vocabulary makes it stale at once. 0: off.
    "LISTING_CACHE_SECONDS": 600,
}


def get(name):
    return getattr(settings, f"MAILLAGE_DIRECTORY_{name}", DEFAULTS[name])


def officer_email():
    """This plugin's officer setting, else the site's (``maillage_core.officer``)."""
    return core_officer_email(get("OFFICER_EMAIL"))
