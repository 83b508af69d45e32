"""Only core's search package talks to the engine's client.

Plugins search and index through core's backend: its modelsearch API and
its public engine operations (``engine_query``, ``multi_search``,
``rebuilding``...). Read from the sources of every Maillage plugin
installed next to core, so the rule holds wherever core's tests run.
"""

import ast
import importlib.util
import pkgutil
from pathlib import Path

ENGINE_CLIENTS = {"opensearchpy", "elasticsearch", "elastic_transport"}
# A backend's clients, and what takes a client as argument.
RAW_CLIENT_ATTRIBUTES = {"es", "admin_es", "admin_client", "client_class", "bulk"}
ALLOWED = ("maillage_core", "search")  # the package that owns the clients


def plugin_sources():
    for module in sorted(pkgutil.iter_modules(), key=lambda m: m.name):
        if module.ispkg and module.name.startswith("maillage_"):
            for folder in importlib.util.find_spec(module.name).submodule_search_locations:
                root = Path(folder)
                for path in sorted(root.rglob("*.py")):
                    parts = (module.name, *path.relative_to(root).with_suffix("").parts)
                    if parts[: len(ALLOWED)] != ALLOWED:
                        yield ".".join(parts), path


SOURCES = list(plugin_sources())


def reaches_the_client(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (f"import {a.name}" for a in node.names if a.name.split(".")[0] in ENGINE_CLIENTS)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module.split(".")[0] in ENGINE_CLIENTS:
            yield f"from {node.module} import"
        elif isinstance(node, ast.Attribute) and node.attr in RAW_CLIENT_ATTRIBUTES:
            yield f"line {node.lineno}: .{node.attr}"


def test_every_installed_plugin_is_read():
    packages = {name.split(".")[0] for name, _path in SOURCES}
    assert "maillage_core" in packages and len(SOURCES) > 20


def test_no_module_outside_core_search_reaches_the_engine_client():
    offending = [
        f"{name}: {', '.join(found)}"
        for name, path in SOURCES
        if (found := list(reaches_the_client(ast.parse(path.read_text(), filename=str(path)))))
    ]
    assert not offending, "reach the engine's client; use core's backend methods instead:\n" + "\n".join(offending)
