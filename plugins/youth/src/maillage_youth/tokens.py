"""Signed withdrawal links: the author of a testimony withdraws it without
an account, at any time.

The signed value holds the testimony's id and the moment it was created,
so a link works for that one testimony only. It travels in the page's
path (``maillage_core.tokens``).
"""

from maillage_core.tokens import make_path_token, read_path_token

from .models.testimonies import Testimony

PURPOSE = "youth-testimony-withdraw"


def stamp(testimony):
    return int(testimony.created_at.timestamp())


def make_withdraw_token(testimony):
    return make_path_token(PURPOSE, {"testimony": testimony.pk, "created": stamp(testimony)})


def testimony_from_token(token):
    """The testimony the link was made for, or None when it is forged or gone."""
    value = read_path_token(PURPOSE, token)
    if not isinstance(value, dict) or not isinstance(value.get("testimony"), int):
        return None
    testimony = Testimony.objects.filter(pk=value["testimony"]).first()
    if testimony is None or stamp(testimony) != value.get("created"):
        return None
    return testimony
