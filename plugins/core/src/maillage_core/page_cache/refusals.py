"""Responses the page cache must not keep, said from deep inside a request.

A page drawn while the engine could not answer shows the database's
simpler results and the outage notice: right for that visitor, wrong for
every visitor after the engine is back. Nothing in the response says so,
so the search guard says it here (``refuse``) and the middleware keeps
nothing this request was refused for.

The reasons live in a context variable the middleware opens per request
(each request runs in its own context: a WSGI thread, or the context ASGI
copies for a sync view, which shares the same list).
"""

import contextvars

_reasons = contextvars.ContextVar("maillage_page_cache_refusals", default=None)


def watch():
    """Open this request's list of reasons; ``(reasons, token)`` for ``close``."""
    reasons = []
    return reasons, _reasons.set(reasons)


def close(token):
    _reasons.reset(token)


def refuse(reason):
    """The response being drawn must not be kept (nothing happens outside a watched request)."""
    reasons = _reasons.get()
    if reasons is not None:
        reasons.append(reason)
