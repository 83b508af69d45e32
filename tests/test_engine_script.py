"""The project's engine script (search/engine.py), without starting Java."""

import pytest

from search import engine

ALLOWED_DESCRIPTOR_KEYS = {
    "description", "version", "name", "classname", "java.version",
    "opensearch.version", "custom.foldername", "extended.plugins", "has.native.controller",
}


@pytest.mark.parametrize("module", sorted(engine.MODULES))
def test_module_descriptors_use_only_keys_opensearch_accepts(module):
    lines = [line for line in engine.descriptor(module).splitlines() if line]
    keys = {line.split("=", 1)[0] for line in lines}
    assert keys == ALLOWED_DESCRIPTOR_KEYS
    assert f"opensearch.version={engine.VERSION}" in lines


def test_analysis_common_extends_painless():
    assert "extended.plugins=lang-painless" in engine.descriptor("analysis-common")


def test_cache_lives_outside_root_home_when_root(monkeypatch):
    monkeypatch.delenv("MAILLAGE_CACHE", raising=False)
    monkeypatch.setattr(engine, "is_root", lambda: True)
    assert str(engine.cache_root()) == "/var/cache/maillage"
    monkeypatch.setenv("MAILLAGE_CACHE", "/tmp/elsewhere")
    assert str(engine.cache_root()) == "/tmp/elsewhere"


def test_status_of_a_closed_port_is_a_clear_failure(capsys):
    assert engine.main(["status", "--port", "1"]) == 1
    assert "not reachable on http://127.0.0.1:1" in capsys.readouterr().out


def test_health_wait_names_the_log_file(monkeypatch):
    monkeypatch.setattr(engine, "health", lambda port, timeout=2.0: None)
    with pytest.raises(engine.EngineError, match="maillage-search.log"):
        engine.wait_healthy(1, 0.1)
