"""Load-benchmark helpers: serve with gunicorn, load with wrk, compare.

Machines are shared and noisy, so every figure is a median of several
rounds, and the site is always measured beside a hello-world Django app
served the same way in the same run: the ratio is what to compare between
runs, not the absolute numbers.
"""

import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
VENV_BIN = Path(sys.executable).parent

WRK_SCRIPT = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format('JSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, "errors": %d, "non2xx": %d, "marked": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99), errors, summary.errors.status, marked_total()))
end
"""

# Answers whose body holds a marker (a page in its degraded mode, an empty
# list) are counted by wrk's Lua in each thread, then added up in ``done``.
WRK_MARKER_SCRIPT = """
local threads = {{}}
setup = function(thread) table.insert(threads, thread) end
init = function(args) marked = 0 end
response = function(status, headers, body)
  if body and string.find(body, {marker}, 1, true) then marked = marked + 1 end
end
marked_total = function()
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("marked") end
  return total
end
"""
WRK_NO_MARKER = "marked_total = function() return 0 end\n"

# A loaded machine can take seconds to answer: wrk's default (2 s) would
# call those answers socket errors rather than slow ones.
TIMEOUT_SECONDS = 20


def lua_string(text):
    """``text`` as a Lua string literal of decimal byte escapes: the UTF-8
    bytes themselves, whatever the script file's or wrk's encoding."""
    return '"' + "".join(f"\\{byte:03d}" for byte in text.encode()) + '"'


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def say(message):
    print(message, flush=True)


@contextmanager
def gunicorn(app, *, env=None, chdir=ROOT, workers=2, bin_dir=VENV_BIN):
    """Serve ``app`` (module:callable) on a free loopback port; yield its base URL."""
    port = free_port()
    command = [
        str(bin_dir / "gunicorn"),
        app,
        "--chdir", str(chdir),
        "--workers", str(workers),
        "--bind", f"127.0.0.1:{port}",
        "--log-level", "warning",
        "--keep-alive", "5",
    ]
    process = subprocess.Popen(command, env={**os.environ, **(env or {})}, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, process)
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def wait_until_up(url, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        try:
            urllib.request.urlopen(url + "/", timeout=5).read()
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def check(url):
    """Fail early (and loudly) when a page does not answer 200."""
    with urllib.request.urlopen(url, timeout=30) as response:
        if response.status != 200:
            raise RuntimeError(f"{url} answered {response.status}")
        return response.read()


def load(url, seconds=5, connections=4, *, client="wrk", failure_marker=None, count_failures=False):
    """One round of load; returns req/s, p50, p95 and p99 in milliseconds,
    and ``failed``: the answers that were not a success. By default any
    socket error or non-2xx answer stops the bench; with ``count_failures``
    (or a ``failure_marker``) they are counted instead, with the answers
    whose body holds ``failure_marker``. ``client``: "wrk" (if installed)
    or "python" (keep-alive clients in threads)."""
    count_failures = count_failures or failure_marker is not None
    if client == "wrk" and shutil.which("wrk"):
        return load_with_wrk(url, seconds, connections, failure_marker, count_failures)
    return load_with_threads(url, seconds, connections, failure_marker, count_failures)


def load_with_wrk(url, seconds, connections, failure_marker=None, count_failures=False):
    marking = WRK_MARKER_SCRIPT.format(marker=lua_string(failure_marker)) if failure_marker else WRK_NO_MARKER
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False, encoding="ascii") as script:
        script.write(marking + WRK_SCRIPT)
    try:
        out = subprocess.run(
            ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", f"{TIMEOUT_SECONDS}s",
             "-s", script.name, url],
            capture_output=True, text=True, check=True,
        ).stdout
    finally:
        os.unlink(script.name)
    data = json.loads(out.split("JSON ", 1)[1].splitlines()[0])
    if (data["errors"] or data["non2xx"]) and not count_failures:
        raise RuntimeError(f"{url}: {data['errors']} socket errors, {data['non2xx']} non-2xx answers under load")
    return {
        "rps": data["requests"] / (data["duration_us"] / 1e6),
        "p50": data["p50_us"] / 1000,
        "p95": data["p95_us"] / 1000,
        "p99": data["p99_us"] / 1000,
        "failed": data["errors"] + data["non2xx"] + data["marked"],
    }


def load_with_threads(url, seconds, connections, failure_marker=None, count_failures=False):
    """Keep-alive clients in threads (when wrk is not installed, or asked
    for). A failed answer is counted, not timed: its latency says nothing
    of the search's."""
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    latencies, failures, lock, stop = [], [0], threading.Lock(), time.monotonic() + seconds
    marker = failure_marker.encode() if failure_marker else None

    def client():
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=TIMEOUT_SECONDS)
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        local, failed = [], 0
        while time.monotonic() < stop:
            started = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                body = response.read()
            except OSError:
                if not count_failures:
                    raise
                failed += 1
                connection.close()
                continue
            if response.status != 200 and not count_failures:
                raise RuntimeError(f"{url} answered {response.status}")
            if response.status != 200 or (marker and marker in body):
                failed += 1
                continue
            local.append((time.perf_counter() - started) * 1000)
        with lock:
            latencies.extend(local)
            failures[0] += failed

    threads = [threading.Thread(target=client) for _ in range(connections)]
    begun = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - begun
    rps = len(latencies) / elapsed
    latencies = sorted(latencies) or [float("nan")]  # nan: every answer failed
    return {
        "rps": rps,
        "p50": latencies[len(latencies) // 2],
        "p95": latencies[int(len(latencies) * 0.95)],
        "p99": latencies[int(len(latencies) * 0.99)],
        "failed": failures[0],
    }


def compare(targets, baseline, rounds=3, seconds=5, connections=4, warmup=2, *, client="wrk",
            failure_markers=None):
    """Load the baseline and each target in alternation, ``rounds`` times.

    ``targets`` maps a name to a URL. Returns {name: {rps, p50, p95, p99,
    failed}} with medians over rounds (``failed``: the sum over rounds),
    the baseline under the name "hello-world". ``failure_markers``
    ({name: text}), when given, makes failures counted rather than fatal
    for every target, and an answer holding its target's text a failure.
    """
    every = {"hello-world": baseline, **targets}
    counting = failure_markers is not None
    markers = failure_markers or {}

    def one(name, url, length):
        return load(url, length, connections, client=client, failure_marker=markers.get(name),
                    count_failures=counting)

    for name, url in every.items():
        if not counting:
            check(url)
        one(name, url, warmup)
    samples = {name: [] for name in every}
    for round_number in range(1, rounds + 1):
        for name, url in every.items():
            samples[name].append(one(name, url, seconds))
        say(f"  round {round_number}/{rounds} done")
    results = {
        name: {key: statistics.median(s[key] for s in runs) for key in ("rps", "p50", "p95", "p99")}
        for name, runs in samples.items()
    }
    for name, runs in samples.items():
        results[name]["failed"] = sum(s["failed"] for s in runs)
    return results


def print_table(results, title, stock=None):
    """Each row's figures and its ratios to hello-world (and to ``stock``,
    the name of a second baseline row, when given)."""
    base = results["hello-world"]
    say("")
    say(title)
    header = f"{'page':<28}{'req/s':>8}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}{'rps/hello':>11}{'p99/hello':>11}"
    failures = any(figures.get("failed") for figures in results.values())
    say(header + (f"{'rps/stock':>11}" if stock else "") + (f"{'failed':>8}" if failures else ""))
    for name, figures in results.items():
        line = (
            f"{name:<28}{figures['rps']:>8.0f}{figures['p50']:>8.1f}{figures['p95']:>8.1f}{figures.get('p99', 0):>8.1f}"
            f"{figures['rps'] / base['rps']:>11.2f}{figures.get('p99', 0) / base.get('p99', 1):>11.2f}"
        )
        if stock:
            line += f"{figures['rps'] / results[stock]['rps']:>11.2f}"
        if failures:
            line += f"{figures.get('failed', 0):>8}"
        say(line)
