"""Accent- and case-folded text matching in the database, for searches made
without the engine (no engine configured, or an outage).

The engine folds accents and case and strips a French plural; this does
the same with plain SQL, so that "sante" finds "Santé" in a description
and "associations" finds "Association". ``Folded(expression)`` is the
text of a column as searched: HTML tags dropped, lowercased, accents
removed (PostgreSQL's ``unaccent``, whose extension a core migration
creates; on SQLite, ``fold`` in Python; elsewhere lowercased only).
``folded_words(query)`` gives the words of a query folded the same way,
each to be found inside the folded text (``__contains``), so the beginning
of a word finds it too ("coop" finds "Coopération").
"""

import re
import unicodedata

from django.db.models import Func, TextField

from .query import split_terms

TAG = re.compile(r"<[^>]*>")
MARKS = re.compile(r"[\u0300-\u036f]+")  # combining accents, once decomposed
LIGATURES = {"œ": "oe", "æ": "ae"}
ELIDED = re.compile(r"^.*['’]")  # l'eau, d’Haïti: the word after the apostrophe
SQLITE_FUNCTION = "MAILLAGE_FOLD"


def fold(text):
    """``text`` without HTML tags, accents or case, as ``Folded`` folds it."""
    if text is None:
        return None
    text = TAG.sub(" ", text)
    if not text.isascii():
        text = MARKS.sub("", unicodedata.normalize("NFKD", text)).casefold()
        for ligature, letters in LIGATURES.items():
            text = text.replace(ligature, letters)
    return text.lower()


def singular(word):
    """The start a French word's singular and plural forms share ("hôpital"
    and "hôpitaux" both hold "hopita"), found in either by ``__contains``."""
    if len(word) <= 3:
        return word
    if word.endswith("eaux"):
        return word[:-1]
    if word.endswith(("aux", "ail")):  # journaux, travaux / travail
        return word[:-2]
    if word.endswith("al"):  # journal
        return word[:-1]
    if word[-1] in "sx":
        return word[:-1]
    return word


def folded_words(query):
    """The words of ``query``, folded, without an elided article and
    reduced to what their singular and plural share."""
    words = []
    for term in split_terms(query):
        word = singular(fold(ELIDED.sub("", term)).strip("-"))
        if word and word not in words:
            words.append(word)
    return words


class Folded(Func):
    """The text of ``expression`` as searched without the engine."""

    arity = 1
    output_field = TextField()

    def as_sql(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, function="LOWER", **extra)

    def as_postgresql(self, compiler, connection, **extra):
        template = "LOWER(UNACCENT(REGEXP_REPLACE(%(expressions)s, '<[^>]*>', ' ', 'g')))"
        return super().as_sql(compiler, connection, template=template, **extra)

    def as_sqlite(self, compiler, connection, **extra):
        # Registered on the connection the query runs on, whichever opened it.
        connection.ensure_connection()
        connection.connection.create_function(SQLITE_FUNCTION, 1, fold, deterministic=True)
        return super().as_sql(compiler, connection, function=SQLITE_FUNCTION, **extra)
