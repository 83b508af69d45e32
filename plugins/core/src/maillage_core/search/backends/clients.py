"""Engine clients shared by every backend of one configuration.

A client keeps its connections open between requests, so one is made
per process for each set of arguments: the request client of a
configuration's backend (itself built once: ``shared``) and its variant
with a long timeout for commands (``BackendMixin.admin_es``).
"""

import threading

# Index management and bulk loads run from commands, not requests: they get
# a long timeout. Requests (searches, the writes of a save) keep the
# backend's short TIMEOUT, so a stalled engine never holds a page.
ADMIN_TIMEOUT = 120


class ClientPool:
    """Stands for a backend's ``client_class``: modelsearch calls it with
    the client's arguments, as it would call the class, and gets the client
    already made with those arguments, if any."""

    def __init__(self, client_class):
        self.client_class = client_class
        self._clients = {}  # arguments -> client
        self._arguments = {}  # id(client) -> its arguments
        self._lock = threading.Lock()

    def __call__(self, **arguments):
        key = repr(sorted(arguments.items(), key=lambda item: item[0]))
        with self._lock:
            if key not in self._clients:
                client = self.client_class(**arguments)
                self._clients[key] = client
                self._arguments[id(client)] = arguments
            return self._clients[key]

    def variant(self, client, **changes):
        """The shared client made like ``client`` but with ``changes``."""
        return self(**{**self._arguments[id(client)], **changes})
