"""Prove that each plugin installs into a bare ``wagtail start`` site with
the lines of its README, and nothing else, and that its own test suite
passes against that site's settings.

    python tests/bare_site.py prepare              # once: wheels, wheelhouse
    python tests/bare_site.py run PLUGIN [PYTEST ARGS...]
    python tests/bare_site.py all [--jobs N] [PYTEST ARGS...]

``prepare`` builds every plugin's sdist from a clean copy of its folder
(what git tracks or would track) and its wheel from that sdist, so a file
missing from the sdist shows; and gathers the dependencies' wheels (the
site's exact versions, kept in ``~/.cache/maillage/wheelhouse-<hash>``).

``run`` makes the plugin its own virtualenv holding Wagtail alone, starts a
project with ``wagtail start``, applies the fenced blocks of the README's
"Install" section (``sh`` lines: ``pip install`` from the local wheels and
``python manage.py ...``; ``python`` blocks whose first line names where
they go, see ``HOST_FILES``), fetches the plugin's main pages (200), then
runs the plugin's own test suite, from its sdist, against the installed
wheel and that project's settings (``TEST_SETTINGS``: the project's own,
with only what any project's tests change). Anything else in the Install
section fails the run: the README cannot drift from what this proves.

``all`` runs every plugin, ``--jobs`` at a time (each in its own
virtualenv and folder, so they never meet), and prints each one's output
and wall time as it ends; it fails if any failed.

Everything goes to ``$MAILLAGE_BARE_DIR`` (``tests/run`` makes a temporary
folder). The search engine is the one ``SEARCH_URL`` names.
"""

import hashlib
import os
import re
import shlex
import subprocess
import sys
import tarfile
import time
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# core first: every other plugin depends on it; then every folder with a pyproject.toml.
PLUGINS = ["core", *sorted(p.parent.name for p in (REPO / "plugins").glob("*/pyproject.toml") if p.parent.name != "core")]
PROJECT = "reseau"
# A README's python block starts with one of these lines; the value says
# what is done with the rest of the block.
HOST_FILES = {
    "# <project>/settings/base.py, at the end": "settings",
    '# <project>/urls.py, in urlpatterns above path("", include(wagtail_urls))': "urls",
}
WAGTAIL_INCLUDE = re.compile(r'^\s*path\("", include\(wagtail_urls\)\),')
FENCE = re.compile(r"^```(\w*)\s*$")
# The plugin's suite runs against the bare site's own settings, changed only
# as any project's test settings change them.
TEST_SETTINGS = """\"\"\"The bare site's settings (dev, with the README's lines) under which the
plugin's own test suite runs (written by tests/bare_site.py).\"\"\"

import os

from maillage_core.search.config import search_backends

from .dev import *  # noqa: F403

# Fast password hashing, as in any project's test settings.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The README's engine, under index names of this test process alone (each
# pytest-xdist worker is one), on one node, with the site suite's 3 s
# timeout: the bare sites share two cores with it, and a 1 s index write
# that runs late would open the circuit for the rest of a test.
WAGTAILSEARCH_BACKENDS = search_backends(
    os.environ.get("SEARCH_URL"),
    index_prefix=f"maillage_bare_{os.getpid()}_",
    replicas=0,
    timeout=float(os.environ.get("SEARCH_TEST_TIMEOUT", "3")),
)
# The suites assert the French texts and Paris dates of the plugins' first
# audience; a site made by wagtail start says en-us and UTC.
LANGUAGE_CODE = "fr"
TIME_ZONE = "Europe/Paris"
"""


def main(argv):
    if len(argv) >= 1 and argv[0] == "prepare":
        return prepare()
    if len(argv) >= 2 and argv[0] == "run" and argv[1] in PLUGINS:
        return run(argv[1], argv[2:])
    if len(argv) >= 1 and argv[0] == "all":
        jobs = 1
        if len(argv) >= 3 and argv[1] == "--jobs":
            jobs, argv = max(1, int(argv[2])), argv[2:]
        return run_all(jobs, argv[1:])
    sys.exit(__doc__)


# --- prepare -------------------------------------------------------------


def bare_dir():
    path = os.environ.get("MAILLAGE_BARE_DIR")
    if not path:
        sys.exit("MAILLAGE_BARE_DIR must name the bare sites' working folder.")
    return Path(path)


def prepare():
    work = bare_dir()
    dist = work / "dist"
    dist.mkdir(parents=True, exist_ok=True)
    build_distributions(work, dist)
    wheelhouse = gather_wheelhouse(dist)
    (work / "wheelhouse").write_text(str(wheelhouse))


def build_distributions(work, dist):
    """sdist from a clean copy, wheel from the sdist, two builds at a time."""
    running = []
    for plugin in PLUGINS:
        source = clean_copy(plugin, work / "src" / plugin)
        log = open(work / f"build-{plugin}.log", "w")
        command = [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist), str(source)]
        running.append((plugin, subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT), log))
        if len(running) == 2:
            wait_build(work, running.pop(0))
    for build in running:
        wait_build(work, build)


def wait_build(work, build):
    plugin, process, log = build
    if process.wait() != 0:
        log.close()
        sys.exit(f"building maillage-{plugin} failed:\n" + (work / f"build-{plugin}.log").read_text()[-3000:])
    log.close()
    say(f"maillage-{plugin}: sdist and wheel built")


def clean_copy(plugin, target):
    """The plugin's folder as a fresh clone would have it, with the work in
    progress that git would commit: no build folder, egg-info or cache."""
    folder = REPO / "plugins" / plugin
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "."],
        cwd=folder, capture_output=True, check=True,
    ).stdout.split(b"\0")
    for name in filter(None, listed):
        source = folder / os.fsdecode(name)
        if not source.is_file():
            continue  # deleted in the work tree, not yet in git
        destination = target / os.fsdecode(name)
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(source.read_bytes())
    return target


def gather_wheelhouse(dist):
    """Wheels of every dependency, at the versions the site's own virtualenv
    holds (the versions every suite is tested with), kept between runs."""
    pins = subprocess.run(
        [sys.executable, "-m", "pip", "freeze", "--exclude-editable", "--disable-pip-version-check"],
        capture_output=True, text=True, check=True,
    ).stdout
    pins = "".join(line + "\n" for line in pins.splitlines() if line and not line.lower().startswith(("maillage", "-e", "#")))
    key = hashlib.sha256(pins.encode()).hexdigest()[:16]
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "maillage"
    wheelhouse = cache / f"wheelhouse-{key}"
    if (wheelhouse / "complete").exists():
        say(f"dependencies: {wheelhouse} (kept)")
        return wheelhouse
    wheelhouse.mkdir(parents=True, exist_ok=True)
    constraints = wheelhouse / "constraints.txt"
    constraints.write_text(pins)
    wanted = ["wagtail", "maillage-core[opensearch,elasticsearch,testing]", "pytest-xdist"]
    wanted += [f"maillage-{plugin}[testing]" for plugin in PLUGINS if plugin != "core"]
    say(f"dependencies: downloading into {wheelhouse}")
    sh([sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check", "-d", str(wheelhouse),
        "-c", str(constraints), "--find-links", str(dist), *wanted])
    for local in wheelhouse.glob("maillage_*"):
        local.unlink()  # this run's own builds come from dist/, never from the cache
    (wheelhouse / "complete").touch()
    return wheelhouse


# --- run -----------------------------------------------------------------


def run(plugin, pytest_args):
    work = bare_dir()
    started = time.monotonic()
    site = work / f"site-{plugin}"
    venv = work / f"venv-{plugin}"
    steps = host_steps(REPO / "plugins" / plugin / "README.md")
    say(f"maillage-{plugin}: a virtualenv with Wagtail alone, then wagtail start {PROJECT} in {site}")
    sh([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    pip_install(venv, ["wagtail"])
    site.mkdir(parents=True)
    sh([str(venv / "bin" / "wagtail"), "start", PROJECT, str(site)])
    for kind, lines in steps["files"]:
        apply_lines(site, kind, lines)
    env, log = site_env(plugin), site / "commands.log"
    python = str(venv / "bin" / "python")
    for command in steps["commands"]:
        say(f"README: {shlex.join(command)}")
        if command[:2] == ["pip", "install"]:
            pip_install(venv, command[2:])
        else:
            sh([python, *command[1:]], cwd=site, env=env, log=log)
    pages = Path(__file__).with_name("bare_site_pages.py").read_text()
    sh([python, "-c", pages, plugin], cwd=site, env=env)
    say(f"maillage-{plugin}: set up and served in {time.monotonic() - started:.0f} s; "
        f"its own tests, from its sdist, with the site's settings")
    pip_install(venv, [f"maillage-{plugin}[testing]", "pytest-xdist"])
    tests = unpack_sdist(work, plugin, site)
    (site / PROJECT / "settings" / "maillage_tests.py").write_text(TEST_SETTINGS + test_apps(tests))
    # The site first on the path, then the test project's folder (the
    # sdist's pytest settings add it): both are importable, as in the site.
    env = {**os.environ, "PYTHONPATH": str(site)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    sh([python, "-m", "pytest", "--ds", f"{PROJECT}.settings.maillage_tests", *pytest_args], cwd=tests, env=env)


def run_all(jobs, pytest_args):
    """Every plugin, ``jobs`` at a time, the longest suites first so that
    the last to start is a short one; each one's output shown as it ends."""
    work = bare_dir()
    order = sorted(PLUGINS, key=lambda plugin: LONGEST_FIRST.get(plugin, 0), reverse=True)
    waiting, running, failed, took = list(order), [], [], {}
    while waiting or running:
        while waiting and len(running) < jobs:
            plugin = waiting.pop(0)
            out = open(work / f"run-{plugin}.log", "w")
            command = [sys.executable, __file__, "run", plugin, *pytest_args]
            running.append((plugin, subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT), out,
                            time.monotonic()))
        time.sleep(0.5)
        for entry in [entry for entry in running if entry[1].poll() is not None]:
            plugin, process, out, started = entry
            running.remove(entry)
            out.close()
            took[plugin] = time.monotonic() - started
            print(f"\n==> plugins/{plugin} in a bare wagtail start site"
                  f" ({'passed' if process.returncode == 0 else 'FAILED'}, {took[plugin]:.0f} s)", flush=True)
            print((work / f"run-{plugin}.log").read_text(), flush=True)
            if process.returncode != 0:
                failed.append(plugin)
    print("\n==> Bare sites, wall time each (they ran " + f"{jobs} at a time)", flush=True)
    for plugin in order:
        print(f"    {plugin:<12} {took[plugin]:5.0f} s", flush=True)
    if failed:
        sys.exit(f"failed in a bare site: {', '.join(failed)}")


# Seconds each plugin took in a bare site, two at a time beside the site
# session (tests/README.md): start the longest first. A plugin missing here starts last.
LONGEST_FIRST = {"training": 260, "youth": 228, "groups": 205, "directory": 192, "barometer": 145, "core": 93, "funding": 89,
                 "countries": 77}


def host_steps(readme):
    """The fenced blocks of the README's "## Install" section, as files to
    write and commands to run; anything else there is an error."""
    section = re.search(r"^## Install\n(.*?)(?=^## |\Z)", readme.read_text(), re.S | re.M)
    if section is None:
        sys.exit(f"{readme}: no '## Install' section")
    files, commands, block, language = [], [], None, ""
    for line in section.group(1).splitlines():
        fence = FENCE.match(line)
        if fence and block is None:
            block, language = [], fence.group(1)
        elif line.strip() == "```" and block is not None:
            read_block(readme, language, block, files, commands)
            block = None
        elif block is not None:
            block.append(line)
    return {"files": files, "commands": commands}


def read_block(readme, language, lines, files, commands):
    if language == "sh":
        for line in lines:
            words = shlex.split(line, comments=True)
            if not words:
                continue
            if words[:2] != ["pip", "install"] and words[:2] != ["python", "manage.py"]:
                sys.exit(f"{readme}: the Install section may only run pip install or python manage.py: {line!r}")
            commands.append(words)
    elif language == "python" and lines and lines[0] in HOST_FILES:
        files.append((HOST_FILES[lines[0]], lines[1:]))
    else:
        first = lines[0] if lines else ""
        sys.exit(f"{readme}: an Install block must be sh, or python starting with one of {list(HOST_FILES)}: {first!r}")


def apply_lines(site, kind, lines):
    if kind == "settings":
        path = site / PROJECT / "settings" / "base.py"
        path.write_text(path.read_text() + "\n\n" + "\n".join(lines) + "\n")
        return
    path = site / PROJECT / "urls.py"
    source = path.read_text().splitlines()
    at = next((number for number, line in enumerate(source) if WAGTAIL_INCLUDE.match(line)), None)
    if at is None:
        sys.exit(f"{path}: no path(\"\", include(wagtail_urls)) line to add the plugin's URLs above")
    path.write_text("\n".join(source[:at] + lines + source[at:]) + "\n")


def site_env(plugin):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": f"{PROJECT}.settings.dev",
        # The README's backend reads these; one prefix per plugin, overwritten by the next run.
        "SEARCH_INDEX_PREFIX": f"maillage_bare_{plugin}_",
    }


def test_apps(tests):
    """The test project's own apps the suite needs (``[tool.maillage.tests]
    apps`` in the plugin's pyproject.toml), before the site's."""
    with open(tests / "pyproject.toml", "rb") as file:
        apps = tomllib.load(file).get("tool", {}).get("maillage", {}).get("tests", {}).get("apps", [])
    if not apps:
        return ""
    return f"\n# The suite's own test apps (the plugin's pyproject.toml).\nINSTALLED_APPS = [*{apps!r}, *INSTALLED_APPS]\n"


def unpack_sdist(work, plugin, site):
    (sdist,) = (work / "dist").glob(f"maillage_{plugin}-*.tar.gz")
    with tarfile.open(sdist) as archive:
        archive.extractall(site / "sdist", filter="data")
    (root,) = (site / "sdist").iterdir()
    return root


def pip_install(venv, requirements):
    """Install from this run's builds and the wheelhouse alone, at the
    site's versions (the wheelhouse's constraints)."""
    work = bare_dir()
    wheelhouse = Path((work / "wheelhouse").read_text())
    sh([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "--quiet",
        "--disable-pip-version-check", "--no-compile", "--no-index", "--find-links", str(work / "dist"),
        "--find-links", str(wheelhouse), "-c", str(wheelhouse / "constraints.txt"), *requirements])


def sh(command, log=None, **kwargs):
    """Run ``command``; with ``log``, its output goes there and is shown
    only if it fails."""
    started = time.monotonic()
    if log is None:
        done = subprocess.run(command, **kwargs)
    else:
        with open(log, "a") as out:
            out.write(f"\n$ {shlex.join(command)}\n")
            out.flush()
            done = subprocess.run(command, stdout=out, stderr=subprocess.STDOUT, **kwargs)
    if done.returncode != 0:
        if log is not None:
            print(Path(log).read_text()[-6000:], file=sys.stderr)
        sys.exit(f"failed ({done.returncode}): {shlex.join(command)}")
    took = time.monotonic() - started
    if took >= 5:
        say(f"({took:.0f} s)")


def say(message):
    print(f"  {message}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
