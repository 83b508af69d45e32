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
  io.write(string.format('JSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, "errors": %d, "non2xx": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99), errors, summary.errors.status))
end
"""


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


def load(url, seconds=5, connections=4):
    """One round of load; returns req/s, p50 and p95 in milliseconds."""
    if shutil.which("wrk"):
        return load_with_wrk(url, seconds, connections)
    return load_with_threads(url, seconds, connections)


def load_with_wrk(url, seconds, connections):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT)
    try:
        out = subprocess.run(
            ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "-s", script.name, url],
            capture_output=True, text=True, check=True,
        ).stdout
    finally:
        os.unlink(script.name)
    data = json.loads(out.split("JSON ", 1)[1].splitlines()[0])
    if data["errors"] or data["non2xx"]:
        raise RuntimeError(f"{url}: {data['errors']} socket errors, {data['non2xx']} non-2xx answers under load")
    return {
        "rps": data["requests"] / (data["duration_us"] / 1e6),
        "p50": data["p50_us"] / 1000,
        "p95": data["p95_us"] / 1000,
        "p99": data["p99_us"] / 1000,
    }


def load_with_threads(url, seconds, connections):
    """Fallback when wrk is not installed: keep-alive clients in threads."""
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    latencies, lock, stop = [], threading.Lock(), time.monotonic() + seconds

    def client():
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        local = []
        while time.monotonic() < stop:
            started = time.perf_counter()
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                raise RuntimeError(f"{url} answered {response.status}")
            local.append((time.perf_counter() - started) * 1000)
        with lock:
            latencies.extend(local)

    threads = [threading.Thread(target=client) for _ in range(connections)]
    begun = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - begun
    latencies.sort()
    return {
        "rps": len(latencies) / elapsed,
        "p50": latencies[len(latencies) // 2],
        "p95": latencies[int(len(latencies) * 0.95)],
        "p99": latencies[int(len(latencies) * 0.99)],
    }


def compare(targets, baseline, rounds=3, seconds=5, connections=4, warmup=2):
    """Load the baseline and each target in alternation, ``rounds`` times.

    ``targets`` maps a name to a URL. Returns {name: {rps, p50, p95}} with
    medians over rounds, the baseline under the name "hello-world".
    """
    every = {"hello-world": baseline, **targets}
    for url in every.values():
        check(url)
        load(url, warmup, connections)
    samples = {name: [] for name in every}
    for round_number in range(1, rounds + 1):
        for name, url in every.items():
            samples[name].append(load(url, seconds, connections))
        say(f"  round {round_number}/{rounds} done")
    return {
        name: {key: statistics.median(s[key] for s in runs) for key in ("rps", "p50", "p95", "p99")}
        for name, runs in samples.items()
    }


def print_table(results, title, stock=None):
    """Each row's figures and its ratios to hello-world (and to ``stock``,
    the name of a second baseline row, when given)."""
    base = results["hello-world"]
    say("")
    say(title)
    header = f"{'page':<28}{'req/s':>8}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}{'rps/hello':>11}{'p99/hello':>11}"
    say(header + (f"{'rps/stock':>11}" if stock else ""))
    for name, figures in results.items():
        line = (
            f"{name:<28}{figures['rps']:>8.0f}{figures['p50']:>8.1f}{figures['p95']:>8.1f}{figures.get('p99', 0):>8.1f}"
            f"{figures['rps'] / base['rps']:>11.2f}{figures.get('p99', 0) / base.get('p99', 1):>11.2f}"
        )
        if stock:
            line += f"{figures['rps'] / results[stock]['rps']:>11.2f}"
        say(line)
