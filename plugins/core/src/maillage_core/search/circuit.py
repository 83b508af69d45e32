"""A per-process circuit breaker in front of the engine.

After one failure, calls skip the engine for a short while: saves go
straight to the outbox and searches degrade at once, instead of each waiting
for a timeout while the engine is down.
"""

import threading
import time

from django.conf import settings

_lock = threading.Lock()
_open_until = 0.0


def cooldown() -> float:
    return float(getattr(settings, "MAILLAGE_SEARCH_CIRCUIT_COOLDOWN", 30))


def is_open() -> bool:
    return time.monotonic() < _open_until


def trip() -> None:
    global _open_until
    with _lock:
        _open_until = time.monotonic() + cooldown()


def reset() -> None:
    global _open_until
    with _lock:
        _open_until = 0.0
