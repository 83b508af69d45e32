"""Words of a search that the index holds in many documents, matched
without typos.

Looking for a word's typos (fuzzy matching) is most of a search's engine
time on a large index, and a word held in ``FREQUENT`` documents or more
is a word as meant, not a typo: its typos would only bring near-misses
("santé" finding "Santo"). How many documents hold each word is learnt
from the site search's own engine request (``aggregation``: a global
count of the words not known yet, beside the hits), kept in this process
under the content version, and used from the next search on; no search
sends a request of its own for it.

Did-you-mean suggestions are kept the same way, per word (``suggestions``):
the engine's term suggester is asked only about words whose answer is not
known yet, and never about a frequent word (it is spelt as the index
spells it, so it has no likelier spelling).
"""

from ..content_memo import current_values
from .folding import ELIDED, fold
from .query import is_compound, split_terms

FREQUENT = 100
# The words' counts are taken on the whole text of every document, as
# written (folded, not stemmed): where typos are looked for.
FIELD = "_all_text.plain"
AGGREGATION = "maillage_word_counts"
# Visitors can type any word: past this many kept words, start afresh
# rather than grow without end.
MAX_KEPT = 20_000


def _kept(name):
    kept = current_values().setdefault(("search_words", name), {})
    if len(kept) > MAX_KEPT:
        kept.clear()
    return kept


def counts():
    """{word as indexed: number of documents holding it}, this process's."""
    return _kept("counts")


def suggestions():
    """{word as typed, lowercased: the suggester's spelling, or ""}."""
    return _kept("suggestions")


def indexed_word(term):
    """``term`` as the words of ``FIELD`` are indexed (article elided,
    folded), or "" for a compound, which has no single word to count."""
    if is_compound(term):
        return ""
    return fold(ELIDED.sub("", term))


def exact_terms(text) -> frozenset:
    """The words of ``text`` (as ``split_terms`` gives them) that the index
    is known to hold in ``FREQUENT`` documents or more."""
    known = counts()
    return frozenset(
        term for term in split_terms(text) if known.get(indexed_word(term), 0) >= FREQUENT
    )


def aggregation(text):
    """The aggregation counting the documents of every searched index that
    hold each word of ``text`` not counted yet, or None if none is left."""
    known = counts()
    words = {indexed_word(term) for term in split_terms(text)} - set(known) - {""}
    if not words:
        return None
    filters = {word: {"term": {FIELD: word}} for word in sorted(words)}
    return {"global": {}, "aggs": {"words": {"filters": {"filters": filters}}}}


def learn(response):
    """Keep the counts an answer holds (``aggregation``'s buckets)."""
    buckets = response.get("aggregations", {}).get(AGGREGATION, {}).get("words", {}).get("buckets", {})
    known = counts()
    for word, bucket in buckets.items():
        known[word] = bucket["doc_count"]


def words_to_suggest(text) -> list:
    """The words of ``text`` to ask the term suggester about: neither
    frequent nor already answered."""
    exact, answered = exact_terms(text), suggestions()
    return [term for term in split_terms(text) if term not in exact and term.lower() not in answered]
