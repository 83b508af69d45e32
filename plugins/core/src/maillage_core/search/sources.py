"""Site search is made of sources, one per kind of content, each
contributed by the app that owns that content (``maillage_search_sources``).
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.html import strip_tags
from django.utils.text import Truncator

from .fallback import engine_or_database
from .visibility import visible_search


@dataclass
class SearchHit:
    title: str
    url: str
    summary: str = ""
    meta: str = ""
    kind: object = None  # the source that found it, in a search over every source


@dataclass
class SourceResults:
    hits: list = field(default_factory=list)
    total: int = 0
    degraded: bool = False


class SearchSource:
    """Base for a section of site search."""

    key = ""
    label = ""
    order = 100
    #: Finds what other sources find too (the site's pages, among which are
    #: trainings and groups): in a search over every source, a document
    #: another source finds counts for that other source only.
    catch_all = False
    #: The filter fields (``index.FilterField`` names) of the source's model
    #: holding its records' country codes and sector ids, for the ones it
    #: has (keys ``COUNTRY``, ``SECTOR`` of ``site_search``): the site search
    #: counts them and narrows by them. A source without one is left out
    #: of a search narrowed by it.
    refine_fields = {}

    def search(self, query, *, request, offset=0, limit=10) -> SourceResults:
        raise NotImplementedError

    def engine_parts(self, backend, *, request, visibility):
        """This source's part of a search over every source (see
        ``site_search``): the backend's ``engine_query_parts``, or None if
        it has none (the page is then made source by source)."""
        return None


class QuerysetSearchSource(SearchSource):
    """A source over one indexed model.

    Subclasses give ``get_queryset`` (everything indexed), ``get_public_queryset``
    (what an anonymous visitor may see, used with the database backend and
    during an outage) and ``to_hit``. ``fallback_fields`` are matched with
    ``icontains`` while the engine is down, so a visitor still finds by title.
    """

    fallback_fields = ("title",)
    #: The fields ``to_hit`` reads, its address's included: a results page
    #: loads only these, without ``get_queryset``'s joins (a wide record
    #: costs more to select and build than its query). Empty: every field.
    hit_fields = ()

    def get_queryset(self, request):
        raise NotImplementedError

    def get_public_queryset(self, request):
        raise NotImplementedError

    def to_hit(self, obj, request) -> SearchHit:
        raise NotImplementedError

    def to_hits(self, objs, request) -> list:
        """SearchHits of ``objs`` in order. A source whose hits need more
        than the records (a training's next session) overrides this to load
        it for all of them at once, not one query per result."""
        return [self.to_hit(obj, request) for obj in objs]

    def search(self, query, *, request, offset=0, limit=10) -> SourceResults:
        results = visible_search(
            self.get_queryset(request),
            query,
            user=getattr(request, "user", None),
            db_queryset=self.get_public_queryset(request),
        )
        (hits, total), degraded = engine_or_database(
            lambda: self.page_of(results, request, offset, limit),
            lambda: self.page_of(self.fallback_matches(query, request), request, offset, limit),
        )
        return SourceResults(hits=hits, total=total, degraded=degraded)

    def engine_parts(self, backend, *, request, visibility):
        return backend.engine_query_parts(self.get_queryset(request), visibility=visibility)

    def get_hit_queryset(self, request):
        """The records a results page loads by the keys the engine found:
        ``get_queryset`` (what may be shown: the index can lag behind an
        unpublication), with only ``hit_fields``. A source whose hits are
        best loaded otherwise (as their specific page types) overrides it."""
        queryset = self.get_queryset(request)
        return queryset.select_related(None).only(*self.hit_fields) if self.hit_fields else queryset

    def hits(self, pks, request) -> dict:
        """{primary key as text: SearchHit} of the records ``pks`` this
        source shows, in one query."""
        queryset = self.get_hit_queryset(request)
        to_python = queryset.model._meta.pk.to_python
        found = queryset.in_bulk([to_python(pk) for pk in pks])
        return dict(zip((str(pk) for pk in found), self.to_hits(list(found.values()), request), strict=True))

    def page_of(self, results, request, offset, limit):
        total = results.count()
        if limit <= 0:
            return [], total
        return self.to_hits(list(results[offset : offset + limit]), request), total

    def fallback_matches(self, query, request):
        condition = Q()
        for name in self.fallback_fields:
            condition |= Q(**{f"{name}__icontains": query[:100]})
        return self.get_public_queryset(request).filter(condition)


def summary_of(text, words=30):
    return Truncator(strip_tags(text or "")).words(words)
