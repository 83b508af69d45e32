import pytest
from django.core.exceptions import ImproperlyConfigured

from maillage_core.search.config import parse_search_url, search_backends
from maillage_core.search.query import split_terms, text_query


@pytest.mark.parametrize(
    "url, backend, http_url",
    [
        ("http://127.0.0.1:9250", "opensearch2", "http://127.0.0.1:9250"),
        ("opensearch+https://u:p@search.example.org", "opensearch2", "https://u:p@search.example.org"),
        ("elasticsearch9+https://es.example.org:9243", "elasticsearch9", "https://es.example.org:9243"),
        ("elasticsearch8://es:9200", "elasticsearch8", "http://es:9200"),
    ],
)
def test_search_url_selects_the_backend(url, backend, http_url):
    assert parse_search_url(url) == (f"maillage_core.search.backends.{backend}", http_url)


@pytest.mark.parametrize("url", ["solr://x", "opensearch+ftp://x", "http://", "elasticsearch7://x:9200"])
def test_unknown_search_url_is_refused_with_a_hint(url):
    with pytest.raises(ImproperlyConfigured, match="SEARCH_URL"):
        parse_search_url(url)


def test_no_url_means_the_database_backend():
    assert search_backends(None)["default"]["BACKEND"] == "maillage_core.search.backends.database"


def test_query_terms_are_bounded():
    assert split_terms("l’éducation, la santé !") == ["l’éducation", "la", "santé"]
    assert len(split_terms("mot " * 1000)) == 12
    assert split_terms("\x00 -- !!") == []


def test_an_empty_query_matches_nothing():
    assert text_query("!!!", ["_all_text"]) == {"bool": {"must_not": {"match_all": {}}}}
