"""An Elasticsearch 8/9 URL works by configuration alone.

No Elasticsearch server can be installed on these machines (see
shared/SEARCH_ENGINE.md), so this test checks the wiring: the backend is
built with the ``elasticsearch`` client from the URL alone, and what it
sends reaches the configured host with the headers an Elasticsearch 8 or 9
server accepts. A tiny HTTP listener records the requests and answers as
Elasticsearch does; search behaviour itself is tested on OpenSearch.
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from modelsearch.backends import get_search_backend
from wagtail.models import Page

from maillage_core.search.config import search_backends

SEARCH_ANSWER = {"took": 1, "hits": {"total": {"value": 0, "relation": "eq"}, "hits": []}}


def answer(method, path, body):
    """(status, payload) as Elasticsearch would answer the request."""
    lines = [line for line in body.decode().splitlines() if line.strip()]
    if "/_msearch" in path:
        return 200, {"took": 1, "responses": [SEARCH_ANSWER] * (len(lines) // 2)}
    if "/_bulk" in path:
        return 200, {"took": 1, "errors": False, "items": [{"index": {"status": 201}}] * (len(lines) // 2)}
    if method == "HEAD" and "/_alias/" in path:
        return 404, {}  # no alias yet: the first atomic rebuild
    if "_search" in path:
        return 200, SEARCH_ANSWER
    if "_count" in path:
        return 200, {"count": 3}
    if method == "GET" and "/_settings" in path:  # flat, as asked
        index = path.split("/")[1]
        return 200, {index: {"settings": {"index.number_of_replicas": "1"}}}
    return 200, {"acknowledged": True}


class Recorder(BaseHTTPRequestHandler):
    requests = []

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        Recorder.requests.append((self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body))
        status, payload = answer(self.command, self.path, body)
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/vnd.elasticsearch+json;compatible-with=8")
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _answer

    def log_message(self, *args):
        pass


@pytest.fixture
def recorder():
    Recorder.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()


@pytest.mark.parametrize("scheme", ["elasticsearch8", "elasticsearch9", "elasticsearch"])
def test_elasticsearch_url_selects_the_elasticsearch_client(settings, recorder, scheme):
    from elasticsearch import Elasticsearch

    settings.WAGTAILSEARCH_BACKENDS = search_backends(
        f"{scheme}://elastic:secret@127.0.0.1:{recorder}", index_prefix="wire_"
    )
    backend = get_search_backend()
    assert isinstance(backend.es, Elasticsearch)
    assert backend.supports_visibility

    list(backend.search("santé", Page, visibility=["public"]))

    method, path, headers, body = Recorder.requests[-1]
    assert path.startswith("/wire_wagtailcore_page/_search")
    assert "compatible-with=8" in headers["accept"]
    assert headers["authorization"].startswith("Basic ")
    query = json.loads(body)
    assert {"terms": {"maillage_visibility": ["public"]}} in query["query"]["bool"]["filter"]


def test_index_settings_sent_to_elasticsearch_carry_french_analysis(settings, recorder):
    settings.WAGTAILSEARCH_BACKENDS = search_backends(f"elasticsearch9://127.0.0.1:{recorder}", index_prefix="wire_")
    backend = get_search_backend()
    backend.get_index_for_model(Page).put()
    method, path, headers, body = Recorder.requests[-1]
    assert (method, path) == ("PUT", "/wire_wagtailcore_page")
    analyzer = json.loads(body)["settings"]["analysis"]["analyzer"]["default"]
    assert analyzer["filter"] == ["maillage_elision", "lowercase", "asciifolding", "maillage_french_stemmer"]


def sent(method, path_part):
    """The bodies of the recorded requests with this method and path part."""
    return [body for m, path, _headers, body in Recorder.requests if m == method and path_part in path]


def ndjson(body):
    return [json.loads(line) for line in body.decode().splitlines() if line.strip()]


@pytest.mark.parametrize("scheme", ["elasticsearch8", "elasticsearch9"])
def test_the_public_engine_operations_reach_elasticsearch(settings, recorder, scheme):
    """What the directory's faceted search and fast rebuild ask of core's
    backend, in the form Elasticsearch 8 and 9 take."""
    settings.WAGTAILSEARCH_BACKENDS = search_backends(f"{scheme}://127.0.0.1:{recorder}", index_prefix="wire_")
    backend = get_search_backend()

    query = backend.engine_query(Page.objects.all(), "santé", visibility=["public"])
    responses = backend.multi_search(Page, [{"query": query, "size": 0}, {"query": query, "size": 10}])
    assert responses == [SEARCH_ANSWER, SEARCH_ANSWER]
    [searches] = sent("POST", "/_msearch")
    assert ndjson(searches) == [
        {"index": "wire_wagtailcore_page", "request_cache": True},
        {"query": query, "size": 0},
        {"index": "wire_wagtailcore_page"},
        {"query": query, "size": 10},
    ]
    assert {"terms": {"maillage_visibility": ["public"]}} in query["bool"]["filter"]
    headers = [h for m, path, h, _body in Recorder.requests if "/_msearch" in path][0]
    assert "compatible-with=8" in headers["content-type"]

    with backend.rebuilding(Page) as index:
        assert index.add([(1, {"title": "Santé"}), (2, {"title": "Éducation"})]) == 2
    new = index.name
    assert new.startswith("wire_wagtailcore_page_")
    [created] = sent("PUT", f"/{new}")[:1]
    assert "maillage_french_stemmer" in created.decode()
    assert [json.loads(body) for body in sent("PUT", f"/{new}/_settings")] == [
        {"index": {"refresh_interval": "-1", "number_of_replicas": 0, "translog": {"durability": "async"}}},
        {"index": {"refresh_interval": None, "number_of_replicas": "1", "translog": {"durability": None}}},
    ]
    [bulk] = sent("PUT", f"/{new}/_bulk") + sent("POST", f"/{new}/_bulk")
    assert [line for line in ndjson(bulk) if "title" in line] == [{"title": "Santé"}, {"title": "Éducation"}]
    assert sent("PUT", f"/{new}/_alias/wire_wagtailcore_page")  # put in service under the index's name

    assert backend.has_index(Page)
    assert backend.document_count(Page) == 3
