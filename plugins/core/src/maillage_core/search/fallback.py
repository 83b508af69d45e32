"""A search during an engine outage: the database answers instead, more
simply, and the visitor is told so with one message, the same on every
page; never a server error."""

from django.utils.translation import gettext_lazy as _

from .errors import EngineUnavailable

OUTAGE_NOTICE = _(
    "The search engine is not answering: these results come from a simpler search and may be incomplete. "
    "Try again in a few minutes."
)


def engine_or_database(search, fallback):
    """``(answer, degraded)``: what ``search()`` answers, or during an engine
    outage what ``fallback()`` finds in the database, with ``degraded`` true.
    Both must evaluate their results: the engine is asked when a queryset
    is read, not when it is built."""
    try:
        return search(), False
    except EngineUnavailable:
        return fallback(), True
