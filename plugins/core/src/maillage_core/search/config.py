"""``WAGTAILSEARCH_BACKENDS`` from one URL.

``SEARCH_URL`` forms:

- empty: Wagtail's database backend (a bare checkout still runs), through
  core's (``backends.database``: a search naming no audience stays public);
- ``http://host:9200`` or ``opensearch://host:9200`` (``opensearch+https://``
  for TLS): OpenSearch 2 through opensearch-py;
- ``elasticsearch://``, ``elasticsearch8://`` or ``elasticsearch9://``
  (``+https`` for TLS): Elasticsearch 8 or 9 through the elasticsearch client.

User and password in the URL are passed to the client.
"""

from urllib.parse import urlsplit, urlunsplit

from django.core.exceptions import ImproperlyConfigured

DATABASE_BACKEND = "maillage_core.search.backends.database"
ENGINES = {
    "opensearch": "maillage_core.search.backends.opensearch2",
    "elasticsearch": "maillage_core.search.backends.elasticsearch8",
    "elasticsearch8": "maillage_core.search.backends.elasticsearch8",
    "elasticsearch9": "maillage_core.search.backends.elasticsearch9",
}


def parse_search_url(url: str) -> tuple[str, str]:
    """Return (backend module, HTTP URL) for a SEARCH_URL."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        engine, transport = "opensearch", scheme
    else:
        engine, _, transport = scheme.partition("+")
        transport = transport or "http"
    if engine not in ENGINES or transport not in ("http", "https") or not parts.hostname:
        raise ImproperlyConfigured(
            f"SEARCH_URL {url!r} is not understood: use http(s)://host:port for OpenSearch, "
            "or opensearch://, elasticsearch8:// or elasticsearch9:// (add +https for TLS)."
        )
    return ENGINES[engine], urlunsplit((transport, parts.netloc, parts.path, "", ""))


def search_backends(
    url: str | None, *, index_prefix: str = "maillage_", timeout: float = 1, replicas: int | None = None
) -> dict:
    """``replicas``: copies of each index shard the engine keeps on other
    nodes. A one-node engine (development, CI) can place none, so it needs 0
    to report green; ``None`` keeps the engine's default (1)."""
    if not url:
        return {"default": {"BACKEND": DATABASE_BACKEND}}
    backend, http_url = parse_search_url(url)
    config = {
        "BACKEND": backend,
        "URLS": [http_url],
        "INDEX_PREFIX": index_prefix,
        "TIMEOUT": timeout,
        "OPTIONS": {"max_retries": 0},
    }
    if replicas is not None:
        config["INDEX_SETTINGS"] = {"settings": {"index": {"number_of_replicas": replicas}}}
    return {"default": config}
