"""Elasticsearch 9: the same backend as 8 (see ``elasticsearch8``)."""

from .elasticsearch8 import SearchBackend  # noqa: F401
