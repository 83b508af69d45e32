"""The pages a worker answered last, kept in its own memory in front of the
shared cache: a hit then reads no file and decompresses nothing.

Only pages of the content version the worker trusts are answered from
here (the version it re-reads from the shared cache every
``MAILLAGE_PAGE_CACHE_VERSION_SECONDS``), so a change shows on every worker
exactly as soon as through the shared cache. The memory is bounded by
bytes (``MAILLAGE_PAGE_CACHE_MEMORY_BYTES``), the least recently asked page
leaving first.
"""

import threading
from collections import OrderedDict

#: A page bigger than this share of the bound is not held (it would push out many).
LARGEST_SHARE = 16


class Recent:
    def __init__(self):
        self.entries = OrderedDict()  # page key -> Entry, least recently asked first
        self.version = None
        self.size = 0
        self.lock = threading.Lock()  # a threaded worker's threads share it

    def get(self, parts, version, now):
        with self.lock:
            if version != self.version:
                self._clear(version)
                return None
            entry = self.entries.get(parts)
            if entry is None:
                return None
            if entry.expires <= now:
                self._drop(parts)
                return None
            self.entries.move_to_end(parts)
            return entry

    def put(self, parts, entry, version, limit):
        with self.lock:
            if version != self.version:
                self._clear(version)
            self._drop(parts)
            if entry.size * LARGEST_SHARE > limit:
                return
            self.entries[parts] = entry
            self.size += entry.size
            while self.size > limit:
                _parts, oldest = self.entries.popitem(last=False)
                self.size -= oldest.size

    def clear(self):
        with self.lock:
            self._clear(None)

    def _drop(self, parts):
        entry = self.entries.pop(parts, None)
        if entry is not None:
            self.size -= entry.size

    def _clear(self, version):
        self.entries.clear()
        self.size = 0
        self.version = version


#: This worker's.
RECENT = Recent()
