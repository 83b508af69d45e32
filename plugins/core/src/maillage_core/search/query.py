"""French-aware full-text queries for the engine.

Each word of the query must match (operator "and") or may match ("or"), and
a word matches in any of three ways, scored in this order: the stemmed,
accent-folded word (``formations`` finds ``formation``, ``sante`` finds
``Santé``), the beginning of a word of a title or name (``coop`` finds
``Coopération``), or the word with a typo or two (fuzzy matching).
Autocomplete (the admin's listings and choosers) keeps the second way, on
the autocomplete fields, and no typos: a half-typed word is not a typo.
"""

import re

MAX_TERMS = 12
MAX_TERM_LENGTH = 40
WORD = re.compile(r"[^\W_][\w'’\-]*", re.UNICODE)


def split_terms(query_string: str) -> list[str]:
    terms = WORD.findall(query_string or "")
    return [term[:MAX_TERM_LENGTH] for term in terms[:MAX_TERMS]]


MATCH_NOTHING = {"bool": {"must_not": {"match_all": {}}}}

# modelsearch's edge n-gram filter keeps prefixes of at most 15 characters:
# a longer word is looked up by its first 15.
PREFIX_LENGTH = 15


def text_query(
    query_string: str,
    fields: list[str],
    operator: str = "and",
    prefix_fields: list[str] | tuple[str, ...] = ("_edgengrams",),
    fuzzy: bool = True,
):
    """The query for ``query_string``: ``fields`` are matched by whole words
    (stemmed, folded, and with typos if ``fuzzy``), ``prefix_fields`` (edge
    n-gram fields) by the beginning of words. With neither, or no words, it
    matches nothing."""
    terms = split_terms(query_string)
    if not terms or not (fields or prefix_fields):
        return MATCH_NOTHING
    clauses = [term_clause(term, fields, prefix_fields, fuzzy) for term in terms]
    if operator == "and":
        return {"bool": {"must": clauses}}
    return {"bool": {"should": clauses, "minimum_should_match": 1}}


def term_clause(term: str, fields: list[str], prefix_fields, fuzzy: bool = True):
    should = []
    if fields:
        should.append({"multi_match": {"query": term, "fields": list(fields), "boost": 3}})
    if prefix_fields:
        prefix = {"query": term[:PREFIX_LENGTH], "fields": list(prefix_fields), "boost": 1.5}
        should.append({"multi_match": prefix})
    if fields and fuzzy:
        typos = {
            "query": term,
            "fields": list(fields),
            "fuzziness": "AUTO",
            "prefix_length": 1,
            "max_expansions": 25,
            "boost": 0.5,
        }
        should.append({"multi_match": typos})
    return {"bool": {"should": should, "minimum_should_match": 1}}
