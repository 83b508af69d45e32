"""Signed update links: an actor updates its own record without an account.

The signed value holds the actor's id and its date, so a link stays valid
for ``MAILLAGE_DIRECTORY_UPDATE_LINK_DAYS`` days and only for the actor it
was sent to. It travels in the page's path (``maillage_core.tokens``).
"""

from maillage_core.tokens import make_path_token, read_path_token

from . import conf

PURPOSE = "directory-update"


def make_update_token(actor):
    return make_path_token(PURPOSE, {"actor": actor.pk})


def actor_id_from_token(token):
    value = read_path_token(PURPOSE, token, max_age=conf.get("UPDATE_LINK_DAYS") * 86400)
    if not isinstance(value, dict) or not isinstance(value.get("actor"), int):
        return None
    return value["actor"]
