"""One sign-in policy for every login form of a site: the administration's
and the members' (maillage_groups) alike.

django-axes counts failed sign-ins per client address *and* account name
(``AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"]]``) and, after
``AXES_FAILURE_LIMIT`` of them, refuses that pair for ``AXES_COOLOFF_TIME``:
a guesser is stopped, and the account's owner, from her own connection,
is not. The address is the one the form rate limits count by
(``AXES_CLIENT_IP_CALLABLE = "maillage_core.antispam.client_address"``),
so a site behind a proxy has one definition of "the visitor".

This module is what axes answers with instead of the login page
(``AXES_LOCKOUT_CALLABLE = "maillage_core.logins.locked_out"``); the
settings a host adds are listed in this plugin's README.
"""

import math

from django.shortcuts import render

LOCKED_OUT_STATUS = 429  # Too Many Requests: the client may try again later


def locked_out(request, original_response=None, credentials=None):
    """The page that says sign-in is paused, and for how long."""
    from axes.helpers import get_cool_off  # only axes calls this view

    cool_off = get_cool_off(request)
    seconds = int(cool_off.total_seconds()) if cool_off else None
    context = {"minutes": math.ceil(seconds / 60) if seconds else None, "login_url": request.path}
    response = render(request, "maillage_core/login_locked_out.html", context, status=LOCKED_OUT_STATUS)
    if seconds:
        response["Retry-After"] = str(seconds)
    return response
