"""French-aware full-text queries for the engine.

Each word of the query must match (operator "and") or may match ("or"), and
a word matches in any of three ways, scored in this order: the stemmed,
accent-folded word (``formations`` finds ``formation``, ``sante`` finds
``Santé``), the beginning of a word of a title or name (``coop`` finds
``Coopération``), or the word with a typo or two (fuzzy matching).
"""

import re

MAX_TERMS = 12
MAX_TERM_LENGTH = 40
WORD = re.compile(r"[^\W_][\w'’\-]*", re.UNICODE)


def split_terms(query_string: str) -> list[str]:
    terms = WORD.findall(query_string or "")
    return [term[:MAX_TERM_LENGTH] for term in terms[:MAX_TERMS]]


def text_query(query_string: str, fields: list[str], operator: str = "and", prefix_field: str | None = "_edgengrams"):
    terms = split_terms(query_string)
    if not terms:
        return {"bool": {"must_not": {"match_all": {}}}}
    clauses = [term_clause(term, fields, prefix_field) for term in terms]
    if operator == "and":
        return {"bool": {"must": clauses}}
    return {"bool": {"should": clauses, "minimum_should_match": 1}}


def term_clause(term: str, fields: list[str], prefix_field: str | None):
    should = [
        {"multi_match": {"query": term, "fields": fields, "boost": 3}},
        {
            "multi_match": {
                "query": term,
                "fields": fields,
                "fuzziness": "AUTO",
                "prefix_length": 1,
                "max_expansions": 25,
                "boost": 0.5,
            }
        },
    ]
    if prefix_field:
        should.insert(1, {"match": {prefix_field: {"query": term, "boost": 1.5}}})
    return {"bool": {"should": should, "minimum_should_match": 1}}
