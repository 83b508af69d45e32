"""Search plumbing shared by every Maillage plugin.

- ``backends``: Wagtail/modelsearch engine backends with French analysis, a
  visibility field on every document, short timeouts, a circuit breaker and
  an outbox of index updates that failed during an outage.
- ``config.search_backends``: builds ``WAGTAILSEARCH_BACKENDS`` from one URL.
- ``visible_search``: a search restricted to what a visitor may see, by one
  filter on the visibility field (never one clause per private page).
"""

from .errors import EngineUnavailable, engine_errors
from .visibility import visibility_for_user, visible_search

__all__ = ["EngineUnavailable", "engine_errors", "visibility_for_user", "visible_search"]
