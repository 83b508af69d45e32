"""What a search answers from the database while the engine cannot.

Maillage's own searches call ``engine_or_database``: during an outage the
database answers instead, more simply, and the visitor is told so with one
message (``OUTAGE_NOTICE``), the same on every page; never a server error.

Callers that know nothing of Maillage, Wagtail's admin or a host's own
search view (``wagtail start``'s ``Page.objects.live().search(q)``), get
``database_answer`` instead of an error: the words of the query matched in
the model's titles and names (its autocomplete fields), accents and case
folded (``folding``), on what the search's audience may see.

The ORM knows what an anonymous visitor may see only for pages (published,
outside private sections, not kept for members by a plugin: the
``maillage_private_pages`` hook); a search with an audience on another
model whose documents carry their own visibility answers nothing rather
than guess. A search for every audience (``visibility=None``, the admin's)
applies no such rule.
"""

import logging
from functools import reduce
from operator import and_, or_

from django.core.exceptions import FieldDoesNotExist
from django.db.models import CharField, Q, TextField, Value
from django.db.models.functions import Concat
from django.utils.translation import gettext_lazy as _
from modelsearch.query import MatchAll

from .errors import EngineUnavailable
from .folding import Folded, folded_words
from .private_pages import exclude_private_pages

logger = logging.getLogger("maillage.search")

OUTAGE_NOTICE = _(
    "The search engine is not answering: these results come from a simpler search and may be incomplete. "
    "Try again in a few minutes."
)


def engine_or_database(search, fallback):
    """``(answer, degraded)``: what ``search()`` answers, or during an engine
    outage what ``fallback()`` finds in the database, with ``degraded`` true.
    Both must evaluate their results: the engine is asked when a queryset
    is read, not when it is built."""
    try:
        return search(), False
    except EngineUnavailable:
        return fallback(), True


def database_answer(compiler):
    """The queryset answering ``compiler``'s search from the database."""
    queryset = compiler.queryset
    if compiler.visibility is not None:
        queryset = anonymous_part(queryset)
    if not isinstance(compiler.query, MatchAll):
        queryset = matching(queryset, compiler.query)
    logger.warning("search engine unavailable: %s answered from the database", queryset.model.__name__)
    return queryset if queryset.ordered else queryset.order_by("-pk")


def anonymous_part(queryset):
    """What an anonymous visitor may find of ``queryset``."""
    from wagtail.models import Page

    model = queryset.model
    if issubclass(model, Page):
        return exclude_private_pages(queryset.live().public())
    if callable(getattr(model, "get_search_visibility", None)):
        return queryset.none()  # its documents' visibility has no ORM equivalent here
    return queryset


def text_columns(model):
    """The model's autocomplete fields (titles, names) stored as text columns."""
    columns = []
    for field in model.get_autocomplete_search_fields():
        try:
            column = model._meta.get_field(field.field_name)
        except FieldDoesNotExist:
            continue  # a method or property: nothing to filter on
        if isinstance(column, (CharField, TextField)):
            columns.append(column.name)
    return columns


def matching(queryset, query):
    """Each word of ``query`` (any, for operator "or") in one of the columns."""
    words = folded_words(getattr(query, "query_string", ""))
    columns = text_columns(queryset.model)
    if not words or not columns:
        return queryset.none()
    parts = []
    for column in columns:
        parts += [column, Value(" ")]
    text = Folded(Concat(*parts[:-1], output_field=TextField()) if len(columns) > 1 else columns[0])
    conditions = [Q(maillage_folded_text__contains=word) for word in words]
    combined = reduce(or_ if getattr(query, "operator", "and") == "or" else and_, conditions)
    return queryset.alias(maillage_folded_text=text).filter(combined)
