"""The communication officer's address: who hears of what the public sends
(proposals, offers, testimonies, requests to join a group) and whom a
plugin's emails name to reply to.

A site names one person in ``MAILLAGE_OFFICER_EMAIL``; a plugin may let it
name another for that plugin's mail alone (``MAILLAGE_DIRECTORY_OFFICER_EMAIL``
and the like, validated by that plugin's checks).
"""

from django.conf import settings


def officer_email(plugin_address=""):
    """The plugin's own address when its setting gives one, else the site's
    officer, else "" (nobody is told)."""
    return plugin_address or getattr(settings, "MAILLAGE_OFFICER_EMAIL", "") or ""
