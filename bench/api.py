"""Latency of the REST API over a store of 100,000 events, at 20 concurrent clients.

    .venv/bin/python bench/api.py [--events N] [--clients N] [--requests N] [--workers 1,2]
                                  [--cache N] [--db PATH | --db postgresql://...]
                                  [--sqlite PATH]

Builds (once, cached by its parameters) a SQLite store of synthetic events generated with a
fixed seed and bulk-inserted into the store's schema (and with ``--db postgresql://...``
the same store in a schema of its own in that database), starts ``dyads serve`` on a free
port in a subprocess, and sends a bounded number of requests from concurrent clients to
``GET /events`` (unfiltered, by actor, by dyad) and ``GET /dyads/{a}/{b}?by=month``, with
countries drawn over all 40 by their share of the news. The clients are asyncio tasks of
this process, so the only threads are the server's. Prints p50/p95 latency per endpoint
(target: p95 under 100 ms), requests per second, the share of answers the server's cache
reused (its ``X-Cache`` header; ``--cache 0`` turns the cache off), and the CPU time the
server and the clients spent per request. ``--workers 1,2`` measures one server process,
then two, in the same run. With a PostgreSQL URL both backends are measured under the
same load and printed side by side: throughput, p50, p95, and PostgreSQL's p95 over
SQLite's (target: at most 2)."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
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
from typing import Any

from api_data import SEED, build_store, pick_country, postgres_schema_url, stored_events

TARGET_P95_MS = 100.0
# PostgreSQL answers over a socket and plans each query; SQLite reads pages in-process.
# Within twice SQLite's p95 at the same load is what a PostgreSQL deployment should give.
TARGET_PG_RATIO = 2.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(db: str, port: int, workers: int, cache: int) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "dyads.cli.main",
        "serve",
        "--db",
        db,
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

    Each client is an asyncio task of this process holding one keep-alive HTTP/1.1
    connection. The client is a few lines over asyncio streams rather than a full HTTP
    library: on a small machine the clients share the cores with the server, and a client
    costing a millisecond of CPU a request (as a general-purpose library does) takes that
    time from the server and adds its own queueing to every latency. This one costs about
    a tenth of that (printed as "client CPU"), so the figures are the server's.
    """
    return asyncio.run(_load(base, paths, clients))


@dataclass(frozen=True, slots=True)
class Load:
    """Latencies (seconds) by endpoint label, and how many answers the server's cache gave."""

    timings: dict[str, list[float]]
    cache_hits: int
    cache_misses: int


async def _get(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str, path: str
) -> tuple[int, dict[str, str], bytes]:
    """One GET on a kept-alive connection: status, headers (lower-case names), body."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode("ascii"))
    head = await reader.readuntil(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines:
        name, _, value = line.partition(":")
        if name:
            headers[name.strip().lower()] = value.strip()
    if "content-length" not in headers:
        raise RuntimeError(f"GET {path}: answer without Content-Length ({status_line})")
    body = await reader.readexactly(int(headers["content-length"]))
    return int(status_line.split(" ", 2)[1]), headers, body


async def _load(base: str, paths: list[tuple[str, str]], clients: int) -> Load:
    timings: dict[str, list[float]] = {}
    reused = Counter[str]()
    queue = list(reversed(paths))
    host, port = base.removeprefix("http://").rsplit(":", 1)

    async def client() -> None:
        reader, writer = await asyncio.open_connection(host, int(port))
        try:
            while queue:
                label, path = queue.pop()
                start = time.perf_counter()
                status, headers, _ = await _get(reader, writer, host, path)
                elapsed = time.perf_counter() - start
                if status != 200:
                    raise RuntimeError(f"GET {path}: HTTP {status}")
                timings.setdefault(label, []).append(elapsed)
                reused[headers.get("x-cache", "")] += 1
        finally:
            writer.close()

    await asyncio.gather(*(client() for _ in range(clients)))
    return Load(timings=timings, cache_hits=reused["hit"], cache_misses=reused["miss"])


def cpu_seconds(pid: int) -> float | None:
    """CPU time used so far by process ``pid`` and its children (uvicorn's workers), or
    None without psutil."""
    try:
        import psutil
    except ImportError:
        return None
    root = psutil.Process(pid)
    total = 0.0
    for process in [root, *root.children(recursive=True)]:
        times = process.cpu_times()
        total += times.user + times.system
    return total


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def measure(db: str, workers: int, cache: int, clients: int, requests: int) -> dict[str, Any]:
    """Latencies, throughput and CPU per request of one server configuration."""
    port = free_port()
    server = start_server(db, port, workers, cache)
    try:
        base = f"http://127.0.0.1:{port}"
        run_load(base, request_paths(40), clients)  # warm caches and connections
        server_cpu, client_cpu = cpu_seconds(server.pid), time.process_time()
        started = time.perf_counter()
        load = run_load(base, request_paths(requests), clients)
        wall = time.perf_counter() - started
        server_after = cpu_seconds(server.pid)
        client_cpu = time.process_time() - client_cpu
    finally:
        server.terminate()
        server.wait()
    summary: dict[str, Any] = {
        "workers": workers,
        "cache": cache,
        "requests_per_s": round(requests / wall, 1),
        "client_cpu_ms_per_request": round(client_cpu / requests * 1000, 2),
    }
    if server_cpu is not None and server_after is not None:
        used = server_after - server_cpu
        summary["server_cpu_ms_per_request"] = round(used / requests * 1000, 2)
    answered = load.cache_hits + load.cache_misses
    if answered:
        summary["cache_hit_rate"] = round(load.cache_hits / answered, 3)
    everything: list[float] = []
    for label, values in sorted(load.timings.items()):
        everything += values
        p50, p95 = percentile(values, 50) * 1000, percentile(values, 95) * 1000
        summary[label] = {"n": len(values), "p50_ms": round(p50, 1), "p95_ms": round(p95, 1)}
    summary["all"] = {
        "p50_ms": round(percentile(everything, 50) * 1000, 1),
        "p95_ms": round(percentile(everything, 95) * 1000, 1),
    }
    return summary


def report(summary: dict[str, Any]) -> None:
    workers = summary["workers"]
    print(
        f"-- {summary['backend']}, {workers} worker process{'es' if workers > 1 else ''}, "
        f"cache {summary['cache']}"
    )
    for label, value in summary.items():
        if isinstance(value, dict) and label != "all":
            print(
                f"{label:<22} n={value['n']:<5} p50={value['p50_ms']:7.1f} ms  "
                f"p95={value['p95_ms']:7.1f} ms"
            )
    p95 = summary["all"]["p95_ms"]
    verdict = "meets" if p95 < TARGET_P95_MS else "misses"
    hits = summary.get("cache_hit_rate")
    cached = "" if hits is None else f"; cache hit rate {hits}"
    server = summary.get("server_cpu_ms_per_request")
    cpu = "" if server is None else f"; server CPU {server} ms/request"
    print(
        f"all: p95={p95:.1f} ms ({verdict} the {TARGET_P95_MS:.0f} ms target); "
        f"{summary['requests_per_s']} req/s{cached}{cpu}; "
        f"client CPU {summary['client_cpu_ms_per_request']} ms/request"
    )


def compare(results: list[dict[str, Any]]) -> list[float]:
    """Print the backends side by side per worker count; PostgreSQL's p95 over SQLite's."""
    print(
        f"{'backend':<11} {'workers':>7} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'p95/SQLite':>10}"
    )
    ratios = []
    for workers in sorted({r["workers"] for r in results}):
        runs = {r["backend"]: r for r in results if r["workers"] == workers}
        base = runs["sqlite"]["all"]["p95_ms"]
        for backend, run in runs.items():
            ratio = run["all"]["p95_ms"] / base
            if backend != "sqlite":
                ratios.append(ratio)
            print(
                f"{backend:<11} {workers:>7} {run['requests_per_s']:>8} "
                f"{run['all']['p50_ms']:>8} {run['all']['p95_ms']:>8} {ratio:>10.2f}"
            )
    return ratios


# ``text=`` searches timed outside the server, cache-free: a word in many reports, one in
# a few hundred, and a title only one article has.
TEXT_QUERIES = ("attacked", "sanctioned Monday", "Report 12345")
TEXT_REPEATS = 5


def text_search_ms(urls: dict[str, str]) -> dict[str, dict[str, float]]:
    """Median milliseconds of a first page of ``GET /events?text=...`` as the store
    answers it (``query_events``, no cache), per backend and query."""
    from dyads.store import open_store
    from dyads.store.filters import EventFilter
    from dyads.store.query import query_events

    out: dict[str, dict[str, float]] = {}
    for backend, url in urls.items():
        engine = open_store(url)
        out[backend] = {}
        for words in TEXT_QUERIES:
            times = []
            for _ in range(TEXT_REPEATS):
                started = time.perf_counter()
                query_events(engine, filter=EventFilter(text=words))
                times.append(time.perf_counter() - started)
            out[backend][words] = round(statistics.median(times) * 1000, 1)
        engine.dispose()
    for words in TEXT_QUERIES:
        cells = "  ".join(f"{b} {t[words]:7.1f} ms" for b, t in out.items())
        print(f"text={words!r:<22} {cells}")
    return out


def stores(args: argparse.Namespace) -> dict[str, str]:
    """The URL of each backend's store, built first when missing or of another size."""
    default = Path(tempfile.gettempdir()) / f"dyads-bench-api-{args.events}-{SEED}.db"
    postgres = args.db if args.db and args.db.startswith(("postgresql", "postgres:")) else None
    sqlite = Path(args.sqlite or (args.db if args.db and not postgres else default))
    urls = {"sqlite": f"sqlite:///{sqlite}"}
    if postgres:
        urls["postgresql"] = postgres_schema_url(postgres, f"dyads_bench_api_{args.events}_{SEED}")
    for backend, url in urls.items():
        if stored_events(url) != args.events:
            if backend == "sqlite" and sqlite.exists():
                sqlite.unlink()
            started = time.perf_counter()
            build_store(url, args.events)
            took = time.perf_counter() - started
            print(f"built {args.events} events on {backend} in {took:.1f} s")
    return urls


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=2000, help="total, all endpoints")
    parser.add_argument(
        "--workers",
        default="1",
        help="uvicorn worker processes; a comma list (1,2) measures each in turn",
    )
    parser.add_argument("--cache", type=int, default=256, help="dyads serve --cache (0: off)")
    parser.add_argument(
        "--db",
        default=None,
        help="where to keep the built SQLite store, or a PostgreSQL URL to measure as well",
    )
    parser.add_argument("--sqlite", default=None, help="the SQLite store's path with a --db URL")
    args = parser.parse_args()
    urls = stores(args)
    print(
        f"{args.events} events, {args.clients} clients, {args.requests} requests per run "
        f"on {os.cpu_count()} CPUs"
    )
    results = []
    for workers in (int(n) for n in args.workers.split(",")):
        for backend, url in urls.items():
            summary = {"backend": backend}
            summary.update(measure(url, workers, args.cache, args.clients, args.requests))
            report(summary)
            results.append(summary)
    ratios = compare(results) if len(urls) > 1 else []
    searches = text_search_ms(urls)
    summary = {"events": args.events, "clients": args.clients, "runs": results}
    print(json.dumps({**summary, "text_search_ms": searches}))
    fast = all(r["all"]["p95_ms"] < TARGET_P95_MS for r in results)
    return 0 if fast and all(r <= TARGET_PG_RATIO for r in ratios) else 1


if __name__ == "__main__":
    sys.exit(main())
