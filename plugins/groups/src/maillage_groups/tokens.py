"""Signed links the plugin sends by email (``maillage_core.tokens``, one
purpose each so a token made for one use never works for another).

- sign-up: the address and name typed on the form; nothing is stored
  before the person opens the link, and an address that already has an
  account cannot be taken over by signing up again;
- decision: one join request as it stood when the email went out (its
  request time) and the coordinator it was sent to, so the link stops
  working once the request is answered or asked again;
- unsubscribe: one membership, one kind of email, and the version of the
  member's email choices, so an old link cannot undo a later choice.
"""

from maillage_core.tokens import make_token, read_token

from . import conf

SIGNUP = "groups-signup"
DECISION = "groups-decision"
UNSUBSCRIBE = "groups-unsubscribe"
KINDS = ("meetings", "minutes")


def stamp(moment):
    return int(moment.timestamp() * 1_000_000)


def signup_token(email, name, next_url=""):
    return make_token(SIGNUP, {"email": email, "name": name, "next": next_url})


def read_signup(token):
    """(email, name, page to go back to), or None."""
    value = read_token(SIGNUP, token, max_age=conf.get("SIGNUP_LINK_DAYS") * 86400)
    if not isinstance(value, dict):
        return None
    email, name, next_url = value.get("email"), value.get("name"), value.get("next", "")
    if not all(isinstance(item, str) for item in (email, name, next_url)) or not email:
        return None
    return email, name, next_url


def decision_token(membership, coordinator):
    return make_token(
        DECISION,
        {"m": membership.pk, "v": stamp(membership.requested_at), "by": coordinator.pk if coordinator else None},
    )


def read_decision(token):
    """(membership id, request stamp, coordinator id or None), or None."""
    value = read_token(DECISION, token, max_age=conf.get("DECISION_LINK_DAYS") * 86400)
    if not isinstance(value, dict):
        return None
    membership, version, by = value.get("m"), value.get("v"), value.get("by")
    if not all(isinstance(item, int) and not isinstance(item, bool) for item in (membership, version)):
        return None
    if by is not None and (not isinstance(by, int) or isinstance(by, bool)):
        return None
    return membership, version, by


def unsubscribe_token(membership, kind):
    return make_token(UNSUBSCRIBE, {"m": membership.pk, "k": kind, "v": membership.notifications_version})


def read_unsubscribe(token):
    """(membership id, kind, version), or None. These links never expire."""
    value = read_token(UNSUBSCRIBE, token)
    if not isinstance(value, dict):
        return None
    membership, kind, version = value.get("m"), value.get("k"), value.get("v")
    if not isinstance(membership, int) or isinstance(membership, bool) or kind not in KINDS:
        return None
    if not isinstance(version, int) or isinstance(version, bool):
        return None
    return membership, kind, version
