"""The development and CI engine is one node: it answers green, even for
an index a stray write creates by itself (search/engine.py)."""

import json
import os
import urllib.request

import pytest

pytestmark = pytest.mark.engine


def engine_url():
    url = os.environ.get("SEARCH_URL")
    if not url:
        message = "needs the search engine: set SEARCH_URL (make test starts one)"
        if os.environ.get("MAILLAGE_REQUIRE_ENGINE") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return url.rstrip("/")


def call(method, path, body=None):
    request = urllib.request.Request(
        engine_url() + path, method=method, headers={"Content-Type": "application/json"},
        data=json.dumps(body).encode() if body is not None else None,
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def test_an_index_made_by_a_write_alone_has_no_replica_and_the_engine_stays_green():
    index = f"maillage_one_node_probe_{os.getpid()}"
    try:
        # A write to a missing index makes it with the engine's defaults, as
        # a late signal does after a test run dropped its index.
        call("PUT", f"/{index}/_doc/1", {"title": "sonde"})
        settings = call("GET", f"/{index}/_settings")[index]["settings"]["index"]
        assert settings["number_of_replicas"] == "0"
        health = call("GET", f"/_cluster/health/{index}?wait_for_status=green&timeout=10s")
        assert health["status"] == "green"
    finally:
        call("DELETE", f"/{index}")
