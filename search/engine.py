"""Assemble, start and stop the project's OpenSearch 2.19 engine.

Elasticsearch-family servers cannot be downloaded from vendor sites on the
project's machines, but Maven Central serves OpenSearch's integration-test
distribution (the server with only its transport module) and the two modules
Wagtail's index settings need (analysis-common, which extends lang-painless).
This script resolves them with Maven, assembles a runnable server once in a
cache folder, and runs it on loopback as a non-root user.

Usage: python -m search.engine {assemble,start,stop,status,url} [--port N]

It needs only the standard library, so it runs before the virtualenv exists.
"""

from __future__ import annotations

import argparse
import json
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

VERSION = "2.19.6"
DEFAULT_PORT = int(os.environ.get("SEARCH_PORT", "9250"))
SYSTEM_USER = "maillage-search"
HEAP = os.environ.get("SEARCH_HEAP", "512m")

MODULES = {
    "lang-painless": {
        "classname": "org.opensearch.painless.PainlessPlugin",
        "description": "Painless scripting language",
        "extended": "",
    },
    "analysis-common": {
        "classname": "org.opensearch.analysis.common.CommonAnalysisPlugin",
        "description": "Common analysis: French, elision, folding, n-grams",
        "extended": "lang-painless",
    },
}

POM = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.maillage</groupId>
  <artifactId>search-engine-resolver</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.opensearch.distribution.integ-test-zip</groupId>
      <artifactId>opensearch</artifactId>
      <version>{v}</version>
      <type>zip</type>
    </dependency>
    <dependency>
      <groupId>org.opensearch.plugin</groupId>
      <artifactId>analysis-common</artifactId>
      <version>{v}</version>
      <exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions>
    </dependency>
    <dependency>
      <groupId>org.opensearch.plugin</groupId>
      <artifactId>lang-painless</artifactId>
      <version>{v}</version>
      <exclusions><exclusion><groupId>org.opensearch</groupId><artifactId>*</artifactId></exclusion></exclusions>
    </dependency>
  </dependencies>
</project>
"""

PAINLESS_POLICY = """grant {
  permission java.lang.RuntimePermission "createClassLoader";
  permission java.lang.RuntimePermission "getClassLoader";
};
"""


class EngineError(RuntimeError):
    """A failure a user can act on; printed as one clear line."""


def say(message: str) -> None:
    print(f"[search-engine] {message}", flush=True)


def is_root() -> bool:
    return os.geteuid() == 0


def cache_root() -> Path:
    configured = os.environ.get("MAILLAGE_CACHE")
    if configured:
        return Path(configured)
    # The engine runs as a system user when we are root; /root is not
    # readable by that user, so the cache lives outside it.
    if is_root():
        return Path("/var/cache/maillage")
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "maillage"


def home_dir() -> Path:
    return cache_root() / f"opensearch-{VERSION}"


def state_dir(port: int) -> Path:
    return cache_root() / f"opensearch-state-{port}"


def java_home() -> str:
    if os.environ.get("JAVA_HOME"):
        return os.environ["JAVA_HOME"]
    java = shutil.which("java")
    if not java:
        raise EngineError("Java is not installed: install a Java 17 runtime.")
    return str(Path(os.path.realpath(java)).parent.parent)


def tools_present() -> bool:
    return bool(shutil.which("java")) and bool(shutil.which("mvn"))


# -- assembly ---------------------------------------------------------------


def descriptor(name: str) -> str:
    module = MODULES[name]
    return "\n".join(
        [
            f"description={module['description']}",
            f"version={VERSION}",
            f"name={name}",
            f"classname={module['classname']}",
            "java.version=11",
            f"opensearch.version={VERSION}",
            "custom.foldername=",
            f"extended.plugins={module['extended']}",
            "has.native.controller=false",
            "",
        ]
    )


def resolve_artifacts(into: Path) -> None:
    say(f"resolving OpenSearch {VERSION} from Maven Central...")
    with tempfile.TemporaryDirectory() as work:
        pom = Path(work) / "pom.xml"
        pom.write_text(POM.format(v=VERSION))
        command = [
            "mvn",
            "-q",
            "-B",
            "-f",
            str(pom),
            "org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies",
            f"-DoutputDirectory={into}",
        ]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            tail = (result.stdout + result.stderr).strip().splitlines()[-15:]
            raise EngineError("Maven could not resolve the engine:\n" + "\n".join(tail))


def assemble() -> Path:
    """Build the runnable server once; later calls return the cached copy."""
    home = home_dir()
    if (home / ".assembled").exists():
        return home
    if not tools_present():
        raise EngineError("Java and Maven are needed to assemble the search engine.")
    cache_root().mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="opensearch-", dir=cache_root()))
    try:
        jars = staging / "artifacts"
        resolve_artifacts(jars)
        archive = jars / f"opensearch-{VERSION}.zip"
        say("unpacking the server...")
        unpack_with_modes(archive, staging)
        server = staging / f"opensearch-{VERSION}"
        install_modules(server, jars)
        (server / ".assembled").write_text(VERSION + "\n")
        if home.exists():
            shutil.rmtree(home)
        server.rename(home)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    say(f"assembled in {home}")
    return home


def unpack_with_modes(archive: Path, into: Path) -> None:
    # zipfile drops permission bits; the server's launch scripts need them.
    with zipfile.ZipFile(archive) as bundle:
        for member in bundle.infolist():
            path = Path(bundle.extract(member, into))
            mode = member.external_attr >> 16
            if mode:
                path.chmod(mode & 0o7777)


def install_modules(server: Path, jars: Path) -> None:
    painless = server / "modules" / "lang-painless"
    analysis = server / "modules" / "analysis-common"
    painless.mkdir(parents=True)
    analysis.mkdir(parents=True)
    for jar in jars.glob("*.jar"):
        target = analysis if jar.name.startswith("analysis-common") else painless
        shutil.copy2(jar, target / jar.name)
    (painless / "plugin-descriptor.properties").write_text(descriptor("lang-painless"))
    (painless / "plugin-security.policy").write_text(PAINLESS_POLICY)
    (analysis / "plugin-descriptor.properties").write_text(descriptor("analysis-common"))


# -- running ----------------------------------------------------------------


def url(port: int) -> str:
    return f"http://127.0.0.1:{port}"


def health(port: int, timeout: float = 2.0) -> dict | None:
    try:
        with urllib.request.urlopen(url(port) + "/_cluster/health", timeout=timeout) as r:
            return json.load(r)
    except (urllib.error.URLError, OSError, ValueError):
        return None


def run_as_user() -> str | None:
    """OpenSearch refuses to run as root: use a system user then."""
    if not is_root():
        return None
    try:
        pwd.getpwnam(SYSTEM_USER)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SYSTEM_USER],
            check=True,
        )
    return SYSTEM_USER


def give_to(user: str, *paths: Path) -> None:
    for path in paths:
        subprocess.run(["chown", "-R", f"{user}:", str(path)], check=True)
    # The user must be able to traverse to the cache folder.
    cache_root().chmod(0o755)


def pid_file(port: int) -> Path:
    return state_dir(port) / "opensearch.pid"


def log_file(port: int) -> Path:
    return state_dir(port) / "logs" / "maillage-search.log"


def running_pid(port: int) -> int | None:
    try:
        pid = int(pid_file(port).read_text().strip())
    except (OSError, ValueError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass
    return pid


def start(port: int, wait: float) -> None:
    if health(port):
        say(f"already running on {url(port)}")
        keep_one_node_green(port, wait)
        return
    home = assemble()
    state = state_dir(port)
    (state / "data").mkdir(parents=True, exist_ok=True)
    (state / "logs").mkdir(parents=True, exist_ok=True)
    user = run_as_user()
    if user:
        give_to(user, home, state)
    command = [
        str(home / "bin" / "opensearch"),
        "-d",
        "-p",
        str(pid_file(port)),
        "-Ediscovery.type=single-node",
        "-Enetwork.host=127.0.0.1",
        f"-Ehttp.port={port}",
        f"-Etransport.port={port + 100}",
        "-Ecluster.name=maillage-search",
        f"-Epath.data={state / 'data'}",
        f"-Epath.logs={state / 'logs'}",
        # A developer's nearly full disk must not turn the index read-only.
        "-Ecluster.routing.allocation.disk.threshold_enabled=false",
    ]
    if user:
        command = ["runuser", "-u", user, "--"] + command
    env = dict(
        os.environ,
        JAVA_HOME=java_home(),
        OPENSEARCH_JAVA_OPTS=f"-Xms{HEAP} -Xmx{HEAP}",
    )
    say(f"starting on {url(port)} (logs: {log_file(port)})")
    with open(state / "launch.out", "w") as out:
        result = subprocess.run(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    if result.returncode != 0:
        raise EngineError(
            f"the engine did not start (exit {result.returncode}); see {state / 'launch.out'} and {log_file(port)}"
        )
    wait_healthy(port, wait)


def wait_healthy(port: int, wait: float) -> None:
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        status = health(port)
        if status and status.get("status") in ("green", "yellow"):
            say(f"ready ({status['status']}) on {url(port)}")
            break
        time.sleep(0.5)
    else:
        raise EngineError(f"the engine was not healthy after {wait:.0f} s; read {log_file(port)}")
    keep_one_node_green(port, wait)


def send(port: int, method: str, path: str, body: dict) -> None:
    request = urllib.request.Request(
        url(port) + path, data=json.dumps(body).encode(), method=method,
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        response.read()


def keep_one_node_green(port: int, wait: float) -> None:
    """This engine is one node (development, tests, CI): a replica could
    never be placed and would keep the cluster yellow. Every index made
    here, including one a write creates by itself, gets none, and indexes
    left by earlier runs lose theirs. A production cluster is not started
    by this script: its replica count comes from SEARCH_REPLICAS."""
    try:
        send(port, "PUT", "/_index_template/maillage-one-node", {
            "index_patterns": ["*"],
            "priority": 0,
            "template": {"settings": {"index": {"number_of_replicas": 0}}},
        })
        # No index at all is fine: nothing to change.
        send(port, "PUT", "/*/_settings?allow_no_indices=true", {"index": {"number_of_replicas": 0}})
    except (urllib.error.URLError, OSError) as error:
        raise EngineError(f"could not set the one-node index defaults: {error}") from error
    deadline, state = time.monotonic() + wait, None
    while time.monotonic() < deadline:
        state = health(port)
        if state and state.get("status") == "green":
            say(f"green on {url(port)}")
            return
        time.sleep(0.5)
    raise EngineError(f"the engine stayed {state and state.get('status')} after {wait:.0f} s; read {log_file(port)}")


def stop(port: int, wait: float = 30.0) -> None:
    pid = running_pid(port)
    if pid is None:
        say("not running")
        return
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if running_pid(port) is None:
            say("stopped")
            pid_file(port).unlink(missing_ok=True)
            return
        time.sleep(0.3)
    os.kill(pid, signal.SIGKILL)
    pid_file(port).unlink(missing_ok=True)
    say("stopped (killed after the grace period)")


def status(port: int) -> int:
    state = health(port)
    if state:
        say(f"{state.get('status')} on {url(port)}")
        return 0
    say(f"not reachable on {url(port)}")
    return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m search.engine", description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["assemble", "start", "stop", "status", "url", "available"])
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument("--wait", type=float, default=120.0, help="seconds to wait for health")
    args = parser.parse_args(argv)
    try:
        if args.action == "assemble":
            assemble()
        elif args.action == "start":
            start(args.port, args.wait)
        elif args.action == "stop":
            stop(args.port)
        elif args.action == "status":
            return status(args.port)
        elif args.action == "url":
            print(url(args.port))
        elif args.action == "available":
            # Exit status only: can this machine run the engine?
            return 0 if tools_present() else 1
    except EngineError as error:
        say(f"error: {error}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
