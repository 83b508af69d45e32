"""The words of a search matched in the database, folded as the engine folds
them (accents, case, plurals: core's ``search.folding``): for a listing's
database search, on sites without an engine and during outages."""

from functools import reduce

from django.db.models import Q, TextField, Value
from django.db.models.functions import Concat

from maillage_core.search.folding import Folded, folded_words


def matching(queryset, text, fields):
    """The rows of ``queryset`` holding every word of ``text`` in one of ``fields``."""
    words = folded_words(text)
    if not words:
        return queryset
    parts = []
    for name in fields:
        parts += [name, Value(" ")]
    queryset = queryset.alias(folded_text=Folded(Concat(*parts[:-1], output_field=TextField())))
    return queryset.filter(reduce(lambda a, b: a & b, (Q(folded_text__contains=word) for word in words)))
