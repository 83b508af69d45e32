"""Engine calls behind the circuit breaker.

A read that cannot reach the engine raises ``EngineUnavailable`` at once
(the caller shows its degraded result); a write that cannot reach it is
kept in the outbox and never fails the save that made it.
"""

import logging

from ..page_cache import refusals
from . import circuit, outbox
from .errors import EngineUnavailable, engine_errors, is_outage

logger = logging.getLogger("maillage.search")


def guarded(call):
    """Run an engine read; turn any engine failure into EngineUnavailable."""
    if circuit.is_open():
        raise unavailable("the search engine is unavailable")
    try:
        return call()
    except engine_errors() as error:
        if is_outage(error):
            circuit.trip()
        logger.warning("search engine query failed: %s", error)
        raise unavailable(str(error)) from error


def unavailable(message):
    """The error a read that the engine could not answer raises. Whatever
    page shows the degraded answer instead is not kept by the page cache:
    the next visitor after the outage gets the engine's answer."""
    refusals.refuse("search engine unavailable")
    return EngineUnavailable(message)


def guarded_write(objects, action, write):
    """Run an engine write of ``objects``; if the engine cannot take it, keep
    one outbox row per object for ``retry_search_index``."""
    if circuit.is_open():
        for obj in objects:
            outbox.record(obj, action, "engine unavailable")
        return
    try:
        write()
    except engine_errors() as error:
        if is_outage(error):
            circuit.trip()
        logger.warning("index update of %s object(s) kept for retry: %s", len(objects), error)
        for obj in objects:
            outbox.record(obj, action, str(error))
