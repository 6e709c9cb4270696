"""Latency of the REST API over a store of 100,000 events, at 20 concurrent clients.

    .venv/bin/python bench/api.py [--events N] [--clients N] [--requests N] [--db PATH]

Builds (once, cached by its parameters) a SQLite store of synthetic events generated with a
fixed seed and bulk-inserted into the store's schema, starts ``dyads serve`` on a free port
in a subprocess, and sends a bounded number of requests from concurrent clients to
``GET /events`` (unfiltered, by actor, by dyad) and ``GET /dyads/{a}/{b}?by=month``, with
countries drawn over all 40 by their share of the news. The clients are asyncio tasks of
this process, so the only threads are the server's. Prints p50/p95 latency per endpoint
(target: p95 under 100 ms), requests per second and the share of answers the server's cache
reused (its ``X-Cache`` header; ``--cache 0`` turns the cache off).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass
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


def run_load(base: str, paths: list[tuple[str, str]], clients: int) -> Load:
    """Send ``paths`` from ``clients`` concurrent clients, each sending its next request as
    soon as its last one is answered; the latency of each, by endpoint label.

    The clients are asyncio tasks of this process (one thread, no lock contention with the
    server, which runs in its own process), sharing one connection pool of ``clients``
    keep-alive connections.
    """
    return asyncio.run(_load(base, paths, clients))


@dataclass(frozen=True, slots=True)
class Load:
    """Latencies (seconds) by endpoint label, and how many answers the server's cache gave."""

    timings: dict[str, list[float]]
    cache_hits: int
    cache_misses: int


async def _load(base: str, paths: list[tuple[str, str]], clients: int) -> Load:
    timings: dict[str, list[float]] = {}
    reused = Counter[str]()
    queue = list(reversed(paths))
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def client(http: httpx.AsyncClient) -> None:
        while queue:
            label, path = queue.pop()
            start = time.perf_counter()
            response = await http.get(path)
            elapsed = time.perf_counter() - start
            response.raise_for_status()
            timings.setdefault(label, []).append(elapsed)
            reused[response.headers.get("x-cache", "")] += 1

    async with httpx.AsyncClient(base_url=base, timeout=None, limits=limits) as http:
        await asyncio.gather(*(client(http) for _ in range(clients)))
    return Load(timings=timings, cache_hits=reused["hit"], cache_misses=reused["miss"])


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
        load = run_load(base, request_paths(args.requests), args.clients)
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
    answered = load.cache_hits + load.cache_misses
    if answered:
        summary["cache_hit_rate"] = round(load.cache_hits / answered, 3)
    everything: list[float] = []
    for label, values in sorted(load.timings.items()):
        everything += values
        p50, p95 = percentile(values, 50) * 1000, percentile(values, 95) * 1000
        print(f"{label:<22} n={len(values):<5} p50={p50:7.1f} ms  p95={p95:7.1f} ms")
        summary[label] = {"p50_ms": round(p50, 1), "p95_ms": round(p95, 1)}
    p95_all = percentile(everything, 95) * 1000
    verdict = "meets" if p95_all < 100 else "misses"
    rate = summary["requests_per_s"]
    hits = summary.get("cache_hit_rate")
    cached = "" if hits is None else f"; cache hit rate {hits}"
    print(f"all: p95={p95_all:.1f} ms ({verdict} the 100 ms target); {rate} req/s{cached}")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
