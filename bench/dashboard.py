"""Time to render the dashboard's filtered lists over a store of 100,000 events, cache off.

    .venv/bin/python bench/dashboard.py [--events N] [--repeat N] [--db PATH]

Builds (once, cached by its parameters, shared with ``bench/api.py``) a SQLite store of
synthetic events, then renders each page in this process through the application (a
FastAPI test client, answer cache off, so every request reads the store) and prints the
median and worst time per page over ``--repeat`` requests: the overview unfiltered and
filtered (a date range, a country, a type, a confidence), the busiest country's page, the
busiest dyad's page with a direction and a confidence, and a search by words. The page
count of each ("N events match") is read through the same selection as its rows.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from api_data import SEED, build_store

PAGES = (
    ("overview", "/"),
    ("overview, filtered", "/?since=2021-01-01&until=2021-06-30&country=USA&min_confidence=0.7"),
    ("overview, type", "/?type=CONSULT&min_confidence=0.5"),
    ("country page", "/country/USA"),
    ("country page, filtered", "/country/USA?since=2021-01-01&side=recipient&min_confidence=0.7"),
    ("dyad page", "/dyad/USA/CHN"),
    ("dyad page, one way", "/dyad/USA/CHN?direction=forward&min_confidence=0.7"),
    ("search", "/search?q=talks&country=USA"),
)


def main() -> int:
    from fastapi.testclient import TestClient

    from dyads.serve.api.app import create_app
    from dyads.settings import Settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--db", type=Path, default=None, help="where to keep the built store")
    args = parser.parse_args()
    db = args.db or Path(tempfile.gettempdir()) / f"dyads-bench-api-{args.events}-{SEED}.db"
    if not db.exists():
        build_store(db, args.events)
    app = create_app(Settings(db=f"sqlite:///{db}"), cache_entries=0)
    print(f"{args.events} events, {args.repeat} requests per page, answer cache off")
    with TestClient(app) as client:
        client.get("/")  # the first request opens the store
        for label, path in PAGES:
            times = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                response = client.get(path)
                times.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (path, response.status_code)
            count = response.text.split('class="match-count">', 1)[1].split("<", 1)[0]
            print(
                f"{label:24} median {statistics.median(times):7.1f} ms"
                f"  worst {max(times):7.1f} ms  ({count})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
