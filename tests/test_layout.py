"""The layout DESIGN.md fixes, and the plugin contract, hold."""

import ast
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FEATURE_PLUGINS = {"maillage_directory", "maillage_training", "maillage_groups", "maillage_youth", "maillage_funding", "maillage_barometer"}
PLUGINS = sorted(p for p in (ROOT / "plugins").iterdir() if (p / "pyproject.toml").exists())


def test_every_site_package_is_listed_for_installation():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(config["packages"])
    mapping = config["package-dir"]
    found = set()
    for name, folder in mapping.items():
        for init in (ROOT / folder).rglob("__init__.py"):
            relative = init.parent.relative_to(ROOT / folder)
            found.add(".".join([name, *relative.parts]))
    assert found == listed


@pytest.mark.parametrize("plugin", PLUGINS, ids=[p.name for p in PLUGINS])
def test_plugin_has_what_the_contract_asks(plugin):
    project = tomllib.loads((plugin / "pyproject.toml").read_text())["project"]
    assert project["name"] == f"maillage-{plugin.name}"
    assert (plugin / "README.md").exists() and (plugin / "CHANGELOG.md").exists()
    package = plugin / "src" / f"maillage_{plugin.name}"
    for part in ("apps.py", "migrations", "locale/fr/LC_MESSAGES/django.po"):
        assert (package / part).exists(), part
    assert (plugin / "tests" / "conftest.py").exists()


def imported_modules(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module.split(".")[0]


@pytest.mark.parametrize("plugin", PLUGINS, ids=[p.name for p in PLUGINS])
def test_no_plugin_imports_another_feature_plugin(plugin):
    own = f"maillage_{plugin.name}"
    offending = {
        f"{path.relative_to(ROOT)}: {module}"
        for path in plugin.rglob("*.py")
        for module in imported_modules(path)
        if module in FEATURE_PLUGINS and module != own
    }
    assert not offending, "plugins meet through maillage_core.hooks, never by import"
