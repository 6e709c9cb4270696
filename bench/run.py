"""Throughput of ``dyads run`` into SQLite beside cleaning and coding alone.

    .venv/bin/python bench/run.py [PATH] [--limit N] [--workers N]

PATH defaults to ../shared/eval/news/news_dev.jsonl beside the checkout. Both passes read the
same first N records, and both include loading the pipeline once. On a shared machine the
two end-to-end timings drift by more than the store costs, so the overhead share is taken
from a third measurement: writing the coded results of the first pass into a fresh store,
timed alone (target: under 15% of coding plus storing).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from itertools import islice
from pathlib import Path

from dyads.ingest import read_inputs
from dyads.jobs.run import RunOptions, run_inputs
from dyads.pipeline import PipelineSpec
from dyads.registry import CODE
from dyads.runner.base import Outcome
from dyads.runner.local import run_local
from dyads.settings import Settings
from dyads.store.engine import open_store
from dyads.store.writer import StoreWriter

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared/eval/news/news_dev.jsonl"


def subset(path: Path, limit: int, folder: Path) -> Path:
    out = folder / "subset.jsonl"
    with path.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        dst.writelines(islice(src, limit))
    return out


def code_only(path: Path, settings: Settings, workers: int) -> tuple[list[Outcome], float]:
    spec = PipelineSpec(stages=CODE, settings=settings)
    start = time.perf_counter()
    items = read_inputs([str(path)], settings=settings)
    outcomes = list(run_local(items, spec=spec, workers=workers))
    return outcomes, time.perf_counter() - start


def store_only(outcomes: list[Outcome], settings: Settings, folder: Path) -> float:
    """Seconds to write already coded results into a fresh store, batch by batch."""
    engine = open_store(f"sqlite:///{folder / 'store-only.db'}")
    writer = StoreWriter(engine)
    items = [o.result if o.rejection is None else o.rejection for o in outcomes if not o.dropped]
    size = settings.batch_size
    start = time.perf_counter()
    for first in range(0, len(items), size):
        writer.write_batch(items[first : first + size], run_id="bench")
    elapsed = time.perf_counter() - start
    engine.dispose()
    return elapsed


def run_into_store(path: Path, settings: Settings, workers: int, folder: Path) -> tuple[int, float]:
    engine = open_store(f"sqlite:///{folder / 'bench.db'}")
    options = RunOptions(workers=workers, batch_size=settings.batch_size)
    start = time.perf_counter()
    summary = run_inputs([str(path)], engine=engine, settings=settings, options=options)
    elapsed = time.perf_counter() - start
    engine.dispose()
    print(
        f"  stored {summary.store.stored}, stories {summary.store.stories}, "
        f"events new {summary.store.events_new}, merged {summary.store.events_merged}"
    )
    return summary.read, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    settings = Settings()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = subset(args.path, args.limit, folder)
        outcomes, t_code = code_only(path, settings, args.workers)
        t_store = store_only(outcomes, settings, folder)
        n_run, t_run = run_into_store(path, settings, args.workers, folder)
    n_code = len(outcomes)
    print(f"extract+code alone : {n_code} documents in {t_code:.1f}s = {n_code / t_code:.1f}/s")
    print(f"dyads run (sqlite) : {n_run} documents in {t_run:.1f}s = {n_run / t_run:.1f}/s")
    print(f"store+dedup alone  : {t_store:.2f}s = {n_code / t_store:.0f} documents/s")
    print(f"store+dedup share  : {t_store / (t_code + t_store):.1%} (target < 15%)")


if __name__ == "__main__":
    main()
