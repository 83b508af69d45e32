"""Wagtail's database search, for sites with no engine, with the engine
backends' rule for searches that name no audience.

modelsearch's database backend is a class per database (PostgreSQL,
SQLite's full-text tables, MySQL, a plain fallback), which its
``SearchBackend`` picks. This backend wraps the one picked and does
everything through it, except that ``search()``, left without a
``visibility``, searches only what an anonymous visitor may find: a host's
``Page.objects.live().search(q)`` never lists a members-only page. The
database has no visibility field, so that is the ORM's rule (``fallback``):
published pages outside private sections and plugins' members-only pages.
Maillage's own searches restrict their querysets themselves and pass
``visibility=None`` (``visible_search``).
"""

from modelsearch.backends import database

from ..fallback import anonymous_part
from ..visibility import ANONYMOUS


class MaillageDatabaseSearchBackend:
    #: ``search()`` takes ``visibility`` and restricts to anonymous visitors without it.
    anonymous_by_default = True
    supports_visibility = False  # no visibility field in the database

    def __init__(self, params):
        self.backend = database.SearchBackend(params)

    def __getattr__(self, name):
        if name == "backend":  # not made yet: no recursion
            raise AttributeError(name)
        return getattr(self.backend, name)

    def search(
        self,
        query,
        model_or_queryset,
        fields=None,
        operator=None,
        order_by_relevance=True,
        visibility=ANONYMOUS,
        fallback=True,
    ):
        """The database backend's search; ``visibility`` left out, on what an
        anonymous visitor may find; ``None``, on the queryset as given.
        (``fallback`` is for the engine backends' outages: a database has
        none.)"""
        if visibility is not None:
            queryset = model_or_queryset
            if not hasattr(queryset, "model"):
                queryset = model_or_queryset._default_manager.all()
            model_or_queryset = anonymous_part(queryset)
        return self.backend.search(
            query, model_or_queryset, fields=fields, operator=operator, order_by_relevance=order_by_relevance
        )


SearchBackend = MaillageDatabaseSearchBackend
