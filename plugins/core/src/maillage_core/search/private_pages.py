"""Pages a plugin shows to some people only, for queries made with the ORM.

On an engine, site search filters on each document's visibility field
(``visibility``). The database backend, and the title-only search that
answers during an engine outage, query pages with the ORM instead, where
``PageQuerySet.public()`` knows only Wagtail's view restrictions. A plugin
whose pages are private by a field of its own (a group's members-only
minutes) says which pages a person may not see through the
``maillage_private_pages`` hook: ``fn(user) -> Q`` over pages, or ``None``
when it hides nothing from that person. Each plugin gives one condition
(typically ``Q(pk__in=<subquery>)``), never one per page, so the query
stays the same size however many private pages there are.
"""

from functools import reduce
from operator import or_

from wagtail import hooks

PRIVATE_PAGES_HOOK = "maillage_private_pages"


def hidden_pages(user=None):
    """A Q selecting the pages ``user`` may not see, or None when none are hidden."""
    conditions = [q for fn in hooks.get_hooks(PRIVATE_PAGES_HOOK) if (q := fn(user)) is not None]
    return reduce(or_, conditions) if conditions else None


def exclude_private_pages(queryset, user=None):
    """``queryset`` (of pages) without what the plugins keep from ``user``."""
    condition = hidden_pages(user)
    return queryset if condition is None else queryset.exclude(condition)
