"""Reads per second while one long ``POST /documents`` is coded.

    .venv/bin/python bench/api_post.py [--kb 340] [--clients 10] [--seconds 10] [--db PATH]

Starts ``dyads serve`` (the full cleaning and coding pipeline) over the store ``bench/api.py``
builds, loads the language model with a short POST, then measures ``GET /events?actor=...``
(cache off, so every read reaches the store) from concurrent clients: first for
``--seconds`` alone, then while a POST of an invented article of about ``--kb`` kilobytes
is cleaned, coded and stored. Prints reads per second in both phases, their p95, and how
long the POST took. The article is generated here (sentences between countries, in the
style of a wire report), so nothing is copied from any outlet.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from api import free_port, percentile, start_server
from api_data import COUNTRIES, SEED
from dyads.serve.keys import create_key
from dyads.store import open_store

VERBS = ("met", "criticised", "signed an agreement with", "pledged aid to", "accused")


def invented_article(kb: int) -> str:
    """Paragraphs of invented reports between countries, about ``kb`` kilobytes."""
    rng = random.Random(SEED)
    paragraphs = []
    while sum(len(p) + 2 for p in paragraphs) < kb * 1000:
        a, b = rng.sample(COUNTRIES, 2)
        paragraphs.append(
            f"Officials of {a} {rng.choice(VERBS)} {b} on Tuesday, a spokesman for the "
            f"ministry said. The talks in the capital of {a} are expected to continue."
        )
    return "\n\n".join(paragraphs)


async def _request(port: int, raw: bytes) -> tuple[int, bytes]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(raw)
        head = await reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = next(
            int(line.split(b":", 1)[1])
            for line in head.split(b"\r\n")
            if line.lower().startswith(b"content-length:")
        )
        return status, await reader.readexactly(length)
    finally:
        writer.close()


def _get(path: str) -> bytes:
    return f"GET {path} HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n".encode()


def _post(body: dict[str, str], key: str) -> bytes:
    data = json.dumps(body).encode()
    head = (
        f"POST /documents HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n"
        f"Content-Type: application/json\r\nX-API-Key: {key}\r\n"
        f"Content-Length: {len(data)}\r\n\r\n"
    )
    return head.encode() + data


async def _reads(port: int, clients: int, until: asyncio.Event) -> list[float]:
    """Latencies of the reads completed from ``clients`` clients until ``until`` is set."""
    latencies: list[float] = []
    rng = random.Random(SEED)

    async def client() -> None:
        while not until.is_set():
            started = time.perf_counter()
            status, _ = await _request(port, _get(f"/events?actor={rng.choice(COUNTRIES)}"))
            if status != 200:
                raise RuntimeError(f"read answered {status}")
            if not until.is_set():
                latencies.append(time.perf_counter() - started)

    await asyncio.gather(*(client() for _ in range(clients)))
    return latencies


async def _measure(port: int, key: str, args: argparse.Namespace) -> None:
    warm = {"kind": "text", "content": "Officials of Chile met officials of Peru on Monday."}
    status, _ = await _request(port, _post(warm, key))  # loads the language model
    print(f"warm-up POST: HTTP {status}")
    stop = asyncio.Event()
    asyncio.get_running_loop().call_later(args.seconds, stop.set)
    alone = await _reads(port, args.clients, stop)
    print(f"reads alone:       {len(alone) / args.seconds:6.1f}/s  p95 {_p95(alone):7.1f} ms")
    done = asyncio.Event()
    body = {"kind": "text", "content": invented_article(args.kb), "title": "Invented report"}

    async def post() -> None:
        started = time.perf_counter()
        status, _ = await _request(port, _post(body, key))
        took = time.perf_counter() - started
        done.set()
        print(f"POST of {len(body['content']) // 1000} kB: HTTP {status} in {took:.1f} s")

    started = time.perf_counter()
    _, during = await asyncio.gather(post(), _reads(port, args.clients, done))
    wall = time.perf_counter() - started
    print(f"reads during POST: {len(during) / wall:6.1f}/s  p95 {_p95(during):7.1f} ms")


def _p95(values: list[float]) -> float:
    if len(values) < 2:
        return float("nan") if not values else values[0] * 1000
    return percentile(values, 95) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=int, default=340)
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=10.0)
    default = Path(tempfile.gettempdir()) / f"dyads-bench-api-100000-{SEED}.db"
    parser.add_argument("--db", type=Path, default=default, help="a store bench/api.py built")
    args = parser.parse_args()
    if not args.db.exists():
        raise SystemExit(f"{args.db}: build it first with bench/api.py")
    with tempfile.TemporaryDirectory() as scratch:
        # a copy: the POST adds an article, and bench/api.py's store must stay as built
        db = Path(scratch) / "store.db"
        shutil.copyfile(args.db, db)
        engine = open_store(f"sqlite:///{db}")
        key = create_key(engine, name="bench-post").secret
        engine.dispose()
        port = free_port()
        server = start_server(str(db), port, 1, 0)
        try:
            asyncio.run(_measure(port, key, args))
        finally:
            server.terminate()
            server.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
