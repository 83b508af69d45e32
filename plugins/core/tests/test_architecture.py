"""The plugins' architecture, read from their sources with ``ast`` (nothing
is imported, so the rules hold for code no test reaches):

1. no import cycle inside a plugin package, imports inside functions
   counted (a lazy import hides a circle, it does not remove it);
2. no plugin imports another feature plugin, only ``maillage_core``;
3. (place kept for the rule on the engine's raw client, below).

Plugin packages are the top-level packages of the installed distributions
named ``maillage-*``: every plugin inside the site, core alone (or core and
one plugin) in a bare site.
"""

import ast
import importlib.metadata
import importlib.util
from dataclasses import dataclass
from pathlib import Path

import pytest

CORE = "maillage_core"


@dataclass(frozen=True)
class Import:
    """One module an import statement names, resolved to its dotted name."""

    target: str
    line: int
    lazy: bool  # inside a function or method

    def describe(self, module):
        where = "inside a function" if self.lazy else "at module level"
        return f"{module.file}:{self.line} ({where})"


@dataclass
class Module:
    name: str
    file: str  # its path inside the package, for messages
    is_package: bool
    tree: ast.Module


def plugin_packages():
    """{package name: its folder} for every installed ``maillage-*`` distribution."""
    found = {}
    for package, distributions in importlib.metadata.packages_distributions().items():
        if any(name.lower().startswith("maillage-") for name in distributions):
            spec = importlib.util.find_spec(package)
            if spec is not None and spec.submodule_search_locations:
                found[package] = Path(next(iter(spec.submodule_search_locations)))
    return dict(sorted(found.items()))


def read_modules(package, folder):
    """{dotted name: Module} for every Python file of the package."""
    modules = {}
    for path in sorted(folder.rglob("*.py")):
        parts = [package, *path.relative_to(folder).with_suffix("").parts]
        is_package = parts[-1] == "__init__"
        if is_package:
            parts = parts[:-1]
        file = path.relative_to(folder).as_posix()
        modules[".".join(parts)] = Module(".".join(parts), file, is_package, ast.parse(path.read_text(), str(path)))
    return modules


def absolute(module, level, name):
    """The absolute name of ``from <level dots><name> import ...`` written in ``module``."""
    if not level:
        return name
    base = module.name.split(".")
    if not module.is_package:
        base = base[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join(base + ([name] if name else []))


def imports_of(module, known):
    """The modules ``module`` imports, wherever the statement stands.

    ``from x import y`` names the module ``x.y`` when there is one, else
    ``x``: ``from .. import conf`` depends on ``conf``, not on the package's
    ``__init__``; ``from ..models import Actor`` depends on ``models``
    (whose ``__init__`` gathers every model), ``from ..models.actor import
    Actor`` on that module alone.
    """
    found = []

    def visit(node, lazy):
        for child in ast.iter_child_nodes(node):
            inner = lazy or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
            if isinstance(child, ast.Import):
                found.extend(Import(alias.name, child.lineno, lazy) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = absolute(module, child.level, child.module)
                for alias in child.names:
                    target = f"{base}.{alias.name}"
                    found.append(Import(target if target in known else base, child.lineno, lazy))
            visit(child, inner)

    visit(module.tree, False)
    return found


def import_graph(modules):
    """{module: {imported module of the same package: the first such Import}}."""
    graph = {}
    for name, module in modules.items():
        edges = {}
        for found in imports_of(module, modules):
            if found.target in modules and found.target != name:
                edges.setdefault(found.target, found)
        graph[name] = edges
    return graph


def cycles(graph):
    """One shortest circle through each strongly connected group of modules."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def connect(node):  # Tarjan's algorithm
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in graph[node]:
            if other not in index:
                connect(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return [(shortest_circle(graph, group), group) for group in groups]


def shortest_circle(graph, group):
    start = min(group)
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for other in sorted(graph[node]):
            if other == start:
                return paths[node] + [start]
            if other in group and other not in paths:
                paths[other] = paths[node] + [other]
                queue.append(other)
    raise AssertionError(f"no circle through {start}")  # a strongly connected group always has one


def describe_circle(circle, graph, modules):
    steps = [circle[0]]
    for here, there in zip(circle, circle[1:], strict=False):
        steps.append(f"→ {there} [{graph[here][there].describe(modules[here])}]")
    return " ".join(steps)


def circles_in(package, folder):
    modules = read_modules(package, folder)
    graph = import_graph(modules)
    found = []
    for circle, group in cycles(graph):
        others = sorted(group - set(circle))
        knot = f"\n  (tied in the same knot: {', '.join(others)})" if others else ""
        found.append(describe_circle(circle, graph, modules) + knot)
    return found


def foreign_plugin_imports(package, folder):
    """Imports of a ``maillage_*`` package other than core (another plugin,
    one to come, or a site), as "file:line → module" lines."""
    found = []
    for module in read_modules(package, folder).values():
        for imported in imports_of(module, {}):
            top = imported.target.split(".")[0]
            if top.startswith("maillage_") and top not in (package, CORE):
                found.append(f"{module.file}:{imported.line} → {imported.target}")
    return found


PLUGINS = plugin_packages()


def test_the_rules_read_core_at_least():
    assert CORE in PLUGINS


# -- 1. No import cycle inside a plugin ---------------------------------------


@pytest.mark.parametrize("package", list(PLUGINS))
def test_no_import_circle_inside_a_plugin(package):
    """Modules of a plugin import one another one way only. A routable
    page's routes call view modules imported at the top of the page module;
    those never import the page module nor the ``models`` package back (see
    core's README, "Plugin conventions")."""
    found = circles_in(package, PLUGINS[package])
    assert not found, "import circles:\n" + "\n".join(found)


# -- 2. No plugin imports another feature plugin ------------------------------


@pytest.mark.parametrize("package", list(PLUGINS))
def test_a_plugin_imports_no_other_plugin_than_core(package):
    found = foreign_plugin_imports(package, PLUGINS[package])
    assert not found, "imports of another plugin (compose through core's hooks instead):\n" + "\n".join(found)


# -- 3. (reserved) No raw engine client outside core's search backend ---------
# The rule reads the same trees: ``read_modules(package, PLUGINS[package])``
# gives each module's ``ast`` and path, ``imports_of`` its imports.


# -- The rules themselves, on small packages written for them -----------------


def write_package(root, files):
    for name, source in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source)
    return root


ROUTES_THROUGH_LAZY_IMPORT = {
    "__init__.py": "",
    "models/__init__.py": "from .pages import Page\nfrom .actor import Actor\n",
    "models/actor.py": "",
    "models/pages.py": "class Page:\n    def route(self, request):\n        from ..views import public\n",
    "views/__init__.py": "",
    "views/public.py": "from ..models import Actor\n",
}
VIEWS_BELOW_THE_PAGE = {
    **ROUTES_THROUGH_LAZY_IMPORT,
    "models/pages.py": "from .. import conf\nfrom ..views import public\n",
    "views/public.py": "from .. import conf\nfrom ..models.actor import Actor\n",
    "conf.py": "",
}


@pytest.mark.parametrize(
    "files, expected",
    [
        (
            ROUTES_THROUGH_LAZY_IMPORT,
            [
                "pkg.models → pkg.models.pages [models/__init__.py:1 (at module level)]"
                " → pkg.views.public [models/pages.py:3 (inside a function)]"
                " → pkg.models [views/public.py:1 (at module level)]"
            ],
        ),
        (VIEWS_BELOW_THE_PAGE, []),
        ({"__init__.py": "", "a.py": "import pkg.b\n", "b.py": "def f():\n    from pkg import a\n"},
         ["pkg.a → pkg.b [a.py:1 (at module level)] → pkg.a [b.py:2 (inside a function)]"]),
    ],
    ids=["lazy-route-import", "views-below-the-page", "absolute-imports"],
)
def test_circles_are_found_through_lazy_and_absolute_imports(tmp_path, files, expected):
    assert circles_in("pkg", write_package(tmp_path / "pkg", files)) == expected


@pytest.mark.parametrize(
    "source, expected",
    [
        ("from maillage_core.models import Sector\n", []),
        ("from maillage_pkg import conf\n", []),
        ("def f():\n    from maillage_directory.models import Actor\n", ["a.py:2 → maillage_directory.models"]),
        ("import maillage_funding\n", ["a.py:1 → maillage_funding"]),
    ],
    ids=["core", "itself", "feature-plugin-lazily", "future-plugin"],
)
def test_imports_of_other_plugins_are_found(tmp_path, source, expected):
    folder = write_package(tmp_path / "maillage_pkg", {"__init__.py": "", "a.py": source})
    assert foreign_plugin_imports("maillage_pkg", folder) == expected
