"""Elasticsearch 8 and 9 through the ``elasticsearch`` client 8.

Client 8 sends ``compatible-with=8`` headers, which Elasticsearch 9 servers
accept, so one client serves both; client 9 would be refused by version 8.
"""

from modelsearch.backends import elasticsearch8

from .base import build_backend

SearchBackend = build_backend(elasticsearch8, "MaillageElasticsearch8")
