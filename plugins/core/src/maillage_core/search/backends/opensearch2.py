"""OpenSearch 2.x through opensearch-py 2 (the engine used in development and CI)."""

from modelsearch.backends import opensearch2

from .base import build_backend

SearchBackend = build_backend(opensearch2, "MaillageOpenSearch2")
