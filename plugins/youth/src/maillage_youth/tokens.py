"""Signed withdrawal links: the author of a testimony withdraws it without
an account, at any time.

The signed value holds the testimony's id and the moment it was created,
so a link works for that one testimony only. Wagtail serves page paths
made of letters, digits, ``_`` and ``-`` only, so the signed token (which
contains ``:``) travels in URL-safe base64, as the directory's links do.
"""

import base64
import binascii

from maillage_core.tokens import make_token, read_token

from .models.testimonies import Testimony

PURPOSE = "youth-testimony-withdraw"


def stamp(testimony):
    return int(testimony.created_at.timestamp())


def make_withdraw_token(testimony):
    signed = make_token(PURPOSE, {"testimony": testimony.pk, "created": stamp(testimony)})
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def testimony_from_token(token):
    """The testimony the link was made for, or None when it is forged or gone."""
    if not token or len(token) > 2000:
        return None
    try:
        signed = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
    except (binascii.Error, ValueError):
        return None
    value = read_token(PURPOSE, signed)
    if not isinstance(value, dict) or not isinstance(value.get("testimony"), int):
        return None
    testimony = Testimony.objects.filter(pk=value["testimony"]).first()
    if testimony is None or stamp(testimony) != value.get("created"):
        return None
    return testimony
