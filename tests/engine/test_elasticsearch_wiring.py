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


class Recorder(BaseHTTPRequestHandler):
    requests = []

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        Recorder.requests.append((self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body))
        if "_search" in self.path:
            payload = {"took": 1, "hits": {"total": {"value": 0, "relation": "eq"}, "hits": []}}
        elif "_count" in self.path:
            payload = {"count": 0}
        else:
            payload = {"acknowledged": True}
        data = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/vnd.elasticsearch+json;compatible-with=8")
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
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
