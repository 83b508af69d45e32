"""Signed cancel links: a registrant cancels without an account."""

from maillage_core.tokens import make_token, read_token

from . import conf

PURPOSE = "training-cancel"


def cancel_token(registration):
    return make_token(PURPOSE, registration.pk)


def registration_id_from(token):
    """The registration the token was made for, or None when forged, altered or expired."""
    value = read_token(PURPOSE, token, max_age=conf.get("CANCEL_LINK_MAX_AGE_DAYS") * 86400)
    return value if isinstance(value, int) and not isinstance(value, bool) else None
