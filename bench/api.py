"""Latency of the REST API over a store of 100,000 events, at 20 concurrent clients.

    .venv/bin/python bench/api.py [--events N] [--clients N] [--requests N] [--db PATH]

Builds (once, cached by its parameters) a SQLite store of synthetic events generated with a
fixed seed and bulk-inserted into the store's schema, starts ``dyads serve`` on a free port
in a subprocess, and sends a bounded number of requests from concurrent clients to
``GET /events`` (unfiltered, by actor, by dyad) and ``GET /dyads/{a}/{b}?by=month``.
Prints p50/p95 latency per endpoint (target: p95 under 100 ms).
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import httpx

from api_data import SEED, build_store, pick_country


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(db: Path, port: int, workers: int, cache: int) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "dyads.cli.main",
        "serve",
        "--db",
        str(db),
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--cache",
        str(cache),
    ]
    server = subprocess.Popen(command)
    while True:
        if server.poll() is not None:
            raise SystemExit("dyads serve exited before answering")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz"):
                return server
        except OSError:
            time.sleep(0.2)


def request_paths(count: int) -> list[tuple[str, str]]:
    """(endpoint label, path) pairs, busy dyads as often as real users would look at them."""
    rng = random.Random(SEED + 1)
    out = []
    for i in range(count):
        a, b = pick_country(rng), pick_country(rng)
        if a == b:
            b = "USA" if a != "USA" else "CHN"
        kind = i % 4
        if kind == 0:
            out.append(("GET /events", "/events"))
        elif kind == 1:
            out.append(("GET /events?actor", f"/events?actor={a}"))
        elif kind == 2:
            out.append(("GET /events?between", f"/events?between={a},{b}"))
        else:
            out.append(("GET /dyads/{a}/{b}", f"/dyads/{a}/{b}?by=month"))
    return out


def run_load(base: str, paths: list[tuple[str, str]], clients: int) -> dict[str, list[float]]:
    timings: dict[str, list[float]] = {}
    lock = threading.Lock()
    queue = list(reversed(paths))

    def client() -> None:
        with httpx.Client(base_url=base, timeout=None) as http:
            while True:
                with lock:
                    if not queue:
                        return
                    label, path = queue.pop()
                start = time.perf_counter()
                response = http.get(path)
                elapsed = time.perf_counter() - start
                response.raise_for_status()
                with lock:
                    timings.setdefault(label, []).append(elapsed)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return timings


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=2000, help="total, all endpoints")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument("--cache", type=int, default=256, help="dyads serve --cache (0: off)")
    parser.add_argument("--db", type=Path, default=None, help="where to keep the built store")
    args = parser.parse_args()
    db = args.db or Path(tempfile.gettempdir()) / f"dyads-bench-api-{args.events}-{SEED}.db"
    if not db.exists():
        started = time.perf_counter()
        build_store(db, args.events)
        print(f"built {args.events} events in {time.perf_counter() - started:.1f} s: {db}")
    port = free_port()
    server = start_server(db, port, args.workers, args.cache)
    try:
        base = f"http://127.0.0.1:{port}"
        run_load(base, request_paths(40), args.clients)  # warm caches and connections
        started = time.perf_counter()
        timings = run_load(base, request_paths(args.requests), args.clients)
        wall = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait()
    summary = {
        "events": args.events,
        "clients": args.clients,
        "requests": args.requests,
        "workers": args.workers,
        "cache": args.cache,
        "requests_per_s": round(args.requests / wall, 1),
    }
    everything: list[float] = []
    for label, values in sorted(timings.items()):
        everything += values
        p50, p95 = percentile(values, 50) * 1000, percentile(values, 95) * 1000
        print(f"{label:<22} n={len(values):<5} p50={p50:7.1f} ms  p95={p95:7.1f} ms")
        summary[label] = {"p50_ms": round(p50, 1), "p95_ms": round(p95, 1)}
    p95_all = percentile(everything, 95) * 1000
    verdict = "meets" if p95_all < 100 else "misses"
    rate = summary["requests_per_s"]
    print(f"all: p95={p95_all:.1f} ms ({verdict} the 100 ms target); {rate} req/s")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
