"""One engine backend per process for each configuration.

modelsearch's ``get_search_backend()`` builds a new backend at each call,
and every search of Wagtail, modelsearch and Maillage calls it (the funding
search page: three times per request). An engine backend's constructor
deep-copies its index settings (the analysis) and parses its URLs: 0.23 ms
of CPU a build, against 0.03 ms for the lookup here. What it builds never
changes afterwards (the settings, the index prefix, the shared client:
``clients``), so the backend class hands out the backend it already built
for the same arguments, and every caller, modelsearch's own included,
gets it without a build.

Keyed by the class and its arguments (the ``WAGTAILSEARCH_BACKENDS``
entry): a changed URL, timeout or prefix, or a test's override of the
setting, gets a backend of its own.
"""

import threading

_backends = {}  # (class, frozen arguments) -> backend
_lock = threading.Lock()


def frozen(value):
    """``value`` (a configuration: dicts, lists, scalars) as a hashable key."""
    if isinstance(value, dict):
        return tuple(sorted(((str(key), frozen(item)) for key, item in value.items()), key=lambda pair: pair[0]))
    if isinstance(value, (list, tuple)):
        return tuple(frozen(item) for item in value)
    try:
        hash(value)
    except TypeError:
        return repr(value)
    return value


class OnePerConfiguration(type):
    """Metaclass of the engine backends: ``Backend(params)`` builds a
    backend once per process for each ``params``, then returns that one
    (threads of one worker share it; the first build happens under a lock)."""

    def __call__(cls, params):
        key = (cls, frozen(params))
        backend = _backends.get(key)
        if backend is None:
            with _lock:
                backend = _backends.get(key)
                if backend is None:
                    backend = _backends[key] = super().__call__(params)
        return backend
