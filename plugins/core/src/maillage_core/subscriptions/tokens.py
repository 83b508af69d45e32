"""The signed links of subscriptions (``maillage_core.tokens``).

A confirmation link carries the subscriber's pending key: it works once
(confirming clears the key) and for ``CONFIRM_DAYS``. The preferences and
unsubscribe links carry the subscriber's link key: they keep working, as
the links in every email must, until a new key revokes them.
"""

from .. import tokens
from . import conf
from .models import Subscriber

CONFIRM = "subscription-confirm"
LINK = "subscription-link"


def confirm_token(subscriber):
    return tokens.make_token(CONFIRM, [subscriber.pk, subscriber.pending_key])


def link_token(subscriber):
    return tokens.make_token(LINK, [subscriber.pk, subscriber.link_key])


def read(purpose, token, key_field, max_age=None):
    """(subscriber, key still current) for a genuine token, else (None, False)."""
    value = tokens.read_token(purpose, token, max_age=max_age)
    if not (isinstance(value, list) and len(value) == 2 and isinstance(value[0], int)):
        return None, False
    subscriber = Subscriber.objects.filter(pk=value[0]).first()
    if subscriber is None:
        return None, False
    key = getattr(subscriber, key_field)
    return subscriber, bool(key) and key == value[1]


def read_confirm(token):
    return read(CONFIRM, token, "pending_key", max_age=conf.get("CONFIRM_DAYS") * 86400)


def read_link(token):
    subscriber, current = read(LINK, token, "link_key")
    return subscriber if current else None
