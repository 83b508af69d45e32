"""French-aware full-text queries for the engine.

Each word of the query must match (operator "and") or may match ("or"), and
a word matches in any of three ways, scored in this order: the stemmed,
accent-folded word (``formations`` finds ``formation``, ``sante`` finds
``Santé``), the beginning of a word of a title or name (``coop`` finds
``Coopération``), or the word with a typo or two (fuzzy matching).
Autocomplete (the admin's listings and choosers) keeps the second way, on
the autocomplete fields, and no typos: a half-typed word is not a typo.

A compound of hyphens and apostrophes ("Saint-Genis-d'Aoste") is one
word: matched as a phrase first, else with every part, never by one part
alone. Typos are matched on the words as written (the fields' ``plain``
subfield, folded but not stemmed), for words of ``FUZZY_MIN_LENGTH``
letters or more whose first ``FUZZY_PREFIX`` letters are right: a typo of
a stem, or of a short word, finds words that have nothing to do with it.
One typo below ``TWO_TYPOS_MIN_LENGTH`` letters, two from there: two
changes to a word of six to ten letters make another real word too often
("nigeria" finds "Niger"), and looking for them took a misspelt search at
100,000 actors ("madagscar") a third of its engine time.
A word in ``exact_terms`` (one the index holds in many documents:
``frequent_words``) gets no typos either: it is a word as meant, and its
typos are costly to look for and only bring near-misses.
A record whose title or name is the whole query ranks first
(``ranking.TITLE``).
"""

import re

from .backends.analysis import PLAIN_SUBFIELD
from .ranking import TITLE

MAX_TERMS = 12
MAX_TERM_LENGTH = 40
WORD = re.compile(r"[^\W_][\w'’\-]*", re.UNICODE)


def split_terms(query_string: str) -> list[str]:
    terms = WORD.findall(query_string or "")
    return [term[:MAX_TERM_LENGTH] for term in terms[:MAX_TERMS]]


MATCH_NOTHING = {"bool": {"must_not": {"match_all": {}}}}

COMPOUND = re.compile(r"[\w][-'’][\w]", re.UNICODE)
ELIDED_ARTICLE = re.compile(r"^(?:l|m|t|qu|n|s|j|d|c|jusqu|quoiqu|lorsqu|puisqu)['’]", re.IGNORECASE)
FUZZY_MIN_LENGTH = 5
FUZZY_PREFIX = 2
TWO_TYPOS_MIN_LENGTH = 11
FUZZINESS = f"AUTO:{FUZZY_MIN_LENGTH},{TWO_TYPOS_MIN_LENGTH}"
EXACT_TITLE_BOOST = 20

# modelsearch's edge n-gram filter keeps prefixes of at most 15 characters:
# a longer word is looked up by its first 15.
PREFIX_LENGTH = 15


def text_query(
    query_string: str,
    fields: list[str],
    operator: str = "and",
    prefix_fields: list[str] | tuple[str, ...] = ("_edgengrams",),
    fuzzy: bool = True,
    exact_terms=frozenset(),
):
    """The query for ``query_string``: ``fields`` are matched by whole words
    (stemmed, folded, and with typos if ``fuzzy``, save the terms of
    ``exact_terms``, as ``split_terms`` gives them), ``prefix_fields`` (edge
    n-gram fields) by the beginning of words. With neither, or no words, it
    matches nothing."""
    terms = split_terms(query_string)
    if not terms or not (fields or prefix_fields):
        return MATCH_NOTHING
    clauses = [term_clause(term, fields, prefix_fields, fuzzy and term not in exact_terms) for term in terms]
    if operator == "and":
        words = {"bool": {"must": clauses}}
    else:
        words = {"bool": {"should": clauses, "minimum_should_match": 1}}
    exact = {"match": {TITLE: {"query": " ".join(query_string.split()), "boost": EXACT_TITLE_BOOST}}}
    return {"bool": {"must": [words], "should": [exact]}}


def is_compound(term: str) -> bool:
    """Whether ``term`` is several words joined by hyphens or apostrophes
    (an elided article alone, "l'eau", is one word)."""
    return bool(COMPOUND.search(ELIDED_ARTICLE.sub("", term)))


def plain(field: str) -> str:
    """``name^4`` -> ``name.plain^4``: the field's unstemmed words."""
    name, caret, boost = field.partition("^")
    return f"{name}.{PLAIN_SUBFIELD}{caret}{boost}"


# modelsearch copies every text field into ``_all_text``, and the boosted
# ones also into ``_all_text_boost_<n>``.
ALL_TEXT = "_all_text"


def typo_fields(fields) -> list[str]:
    """The fields whose unstemmed words typos are matched on. A search of
    the whole document looks for them in ``_all_text`` alone, which holds
    every text field: expanding each typo over its boosted copies too found
    nothing more and made typo matching (most of a search's cost on a large
    index) twice as slow."""
    if any(field.partition("^")[0] == ALL_TEXT for field in fields):
        return [plain(ALL_TEXT)]
    return [plain(field) for field in fields]


def term_clause(term: str, fields: list[str], prefix_fields, fuzzy: bool = True):
    if is_compound(term):
        return compound_clause(term, fields, prefix_fields)
    should = []
    if fields:
        should.append({"multi_match": {"query": term, "fields": list(fields), "boost": 3}})
    if prefix_fields:
        prefix = {"query": term[:PREFIX_LENGTH], "fields": list(prefix_fields), "boost": 1.5}
        should.append({"multi_match": prefix})
    if fields and fuzzy and len(ELIDED_ARTICLE.sub("", term)) >= FUZZY_MIN_LENGTH:
        typos = {
            "query": term,
            "fields": typo_fields(fields),
            "fuzziness": FUZZINESS,
            "prefix_length": FUZZY_PREFIX,
            "max_expansions": 25,
            "boost": 0.5,
        }
        should.append({"multi_match": typos})
    return {"bool": {"should": should, "minimum_should_match": 1}}


def compound_clause(term: str, fields, prefix_fields):
    """A compound word: its parts in order first, then its parts anywhere
    in one field; never one part alone, nor with typos."""
    should = []
    if fields:
        should.append({"multi_match": {"query": term, "fields": list(fields), "type": "phrase", "boost": 6}})
        should.append({"multi_match": {"query": term, "fields": list(fields), "operator": "and", "boost": 1}})
    if prefix_fields:
        should.append({"multi_match": {"query": term, "fields": list(prefix_fields), "operator": "and", "boost": 1}})
    return {"bool": {"should": should, "minimum_should_match": 1}}
