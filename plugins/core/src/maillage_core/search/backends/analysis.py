"""French analysis on top of modelsearch's index settings.

Every text field modelsearch maps without an analyzer gets the index's
``default`` analyzer: here elision of French articles, lowercase, accent
folding and light French stemming, so "sante" finds "Santé" and
"formations" finds "formation". Partial-word (edge n-gram) fields get the
same folding, without stemming.
"""

from copy import deepcopy

from modelsearch.utils import deep_update

FRENCH_ARTICLES = ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"]

FRENCH_ANALYSIS = {
    "settings": {
        "analysis": {
            "filter": {
                "maillage_elision": {"type": "elision", "articles_case": True, "articles": FRENCH_ARTICLES},
                "maillage_french_stemmer": {"type": "stemmer", "language": "light_french"},
            },
            "analyzer": {
                "default": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["maillage_elision", "lowercase", "asciifolding", "maillage_french_stemmer"],
                },
                "edgengram_analyzer": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["maillage_elision", "lowercase", "asciifolding", "edgengram"],
                },
                # Whole words as written, for typos: folded, not stemmed.
                "maillage_plain": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["maillage_elision", "lowercase", "asciifolding"],
                },
                # Query side of partial-word fields: folded, not stemmed, not cut.
                "maillage_prefix_search": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["maillage_elision", "lowercase", "asciifolding"],
                },
            },
            # Whole titles and names, compared folded (exact-name ranking).
            "normalizer": {"maillage_folded": {"type": "custom", "filter": ["lowercase", "asciifolding"]}},
        }
    }
}

# Each text field's subfield holding its words unstemmed (``name.plain``).
PLAIN_SUBFIELD = "plain"

# How partial-word fields are mapped: cut into prefixes when indexed,
# folded but whole when searched.
PREFIX_FIELD_ANALYSIS = {"analyzer": "edgengram_analyzer", "search_analyzer": "maillage_prefix_search"}


def with_french_analysis(settings: dict) -> dict:
    """An engine's index settings with the French analysis added."""
    return deep_update(deepcopy(settings), deepcopy(FRENCH_ANALYSIS))
