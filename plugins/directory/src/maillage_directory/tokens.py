"""Signed update links: an actor updates its own record without an account.

The signed value holds the actor's id and its date, so a link stays valid
for ``MAILLAGE_DIRECTORY_UPDATE_LINK_DAYS`` days and only for the actor it
was sent to. Wagtail serves page paths made of letters, digits, ``_`` and
``-`` only, so the signed token (which contains ``:``) travels in
URL-safe base64.
"""

import base64
import binascii

from maillage_core.tokens import make_token, read_token

from . import conf

PURPOSE = "directory-update"


def make_update_token(actor):
    signed = make_token(PURPOSE, {"actor": actor.pk})
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def actor_id_from_token(token):
    if not token or len(token) > 2000:
        return None
    try:
        signed = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
    except (binascii.Error, ValueError):
        return None
    value = read_token(PURPOSE, signed, max_age=conf.get("UPDATE_LINK_DAYS") * 86400)
    if not isinstance(value, dict) or not isinstance(value.get("actor"), int):
        return None
    return value["actor"]
