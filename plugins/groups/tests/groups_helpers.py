"""Small helpers shared by the plugin's tests."""

from contextlib import contextmanager

from django.conf import settings
from django.utils import translation


@contextmanager
def english(client):
    """Read messages in English, standalone (no language middleware) and
    inside the site (whose middleware follows the language cookie)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    try:
        with translation.override("en"):
            yield
    finally:
        del client.cookies[settings.LANGUAGE_COOKIE_NAME]
