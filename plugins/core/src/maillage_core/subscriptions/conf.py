"""Settings of subscriptions, read lazily with their defaults
(``MAILLAGE_SUBSCRIPTIONS_<NAME>``); ``checks`` validates them."""

from email.headerregistry import Address
from email.utils import parseaddr

from django.conf import settings

DEFAULTS = {
    # Days a confirmation link works.
    "CONFIRM_DAYS": 7,
    # Messages sent per batch, and seconds between two batches: the rate limit.
    "BATCH_SIZE": 200,
    "BATCH_INTERVAL": 60,
    # The task backend (an alias of TASKS) that sends issues in the background.
    "TASK_BACKEND": "default",
    # Hard failures (the address does not exist) after which nothing more is sent.
    "HARD_FAILURE_LIMIT": 3,
    # Weekly digests go out when a week has passed since the last, less this
    # margin (hours), so that a daily command run a little early still sends them.
    "WEEKLY_MARGIN_HOURS": 6,
    # Days after which an address that never confirmed is forgotten (purge_personal_data).
    "UNCONFIRMED_DAYS": 30,
}


def get(name):
    return getattr(settings, f"MAILLAGE_SUBSCRIPTIONS_{name}", DEFAULTS[name])


def sender():
    """The From of every bulk email: ``MAILLAGE_SENDER_NAME`` and
    ``MAILLAGE_SENDER_EMAIL``, each site its own; by default the site's name
    and the address of ``DEFAULT_FROM_EMAIL``."""
    default_name, default_address = parseaddr(getattr(settings, "DEFAULT_FROM_EMAIL", ""))
    name = getattr(settings, "MAILLAGE_SENDER_NAME", "") or getattr(settings, "WAGTAIL_SITE_NAME", "") or default_name
    address = getattr(settings, "MAILLAGE_SENDER_EMAIL", "") or default_address
    # Quoted where the name needs it (a comma…), and kept in Unicode: Django encodes the header.
    return str(Address(display_name=name, addr_spec=address)) if name else address
