"""Scaling of the Dask runner, and the memory of one worker as its input grows.

    .venv/bin/python bench/scale.py [--news PATH] [--docs N] [--shards K] [--memory 1000,10000]

Throughput: the same N articles (real news from ../shared/eval/news/news_dev.jsonl, cycled
when N is larger, each copy with its own id) cut into K JSONL shards, cleaned and coded on a
Dask LocalCluster of 1 and then 2 single-threaded workers. Each cluster is warmed up first
(every worker loads its pipeline on a one-article shard), so the timing is steady-state
coding, not start-up. The two clusters run in alternating rounds and the best round of each
counts, as the speed of a shared or virtual machine drifts from minute to minute. Scaling
efficiency = (docs/s with 2) / (2 x docs/s with 1).

Memory: one fresh process plays a worker: it builds the pipeline from its description and
codes the cycled stream, printing its peak RSS after each checkpoint (default 1,000 and
10,000 documents). Memory must not grow with the input: the two peaks should be within 10%.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from itertools import cycle, islice
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_NEWS = ROOT.parent / "shared" / "eval" / "news" / "news_dev.jsonl"


def news_records(path: Path, count: int) -> Iterator[dict[str, Any]]:
    base = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    for n, record in enumerate(islice(cycle(base), count)):
        # a distinct id and a distinct last line, so no copy is skipped as already seen
        yield {**record, "id": f"{record['id']}-{n}", "text": f"{record['text']}\n(copy {n})"}


def write_shards(path: Path, folder: Path, *, docs: int, shards: int) -> list[str]:
    records = list(news_records(path, docs))
    paths = []
    for k in range(shards):
        out = folder / f"shard-{k:03d}.jsonl"
        out.write_text("".join(json.dumps(r) + "\n" for r in records[k::shards]), "utf-8")
        paths.append(str(out))
    return paths


def dask_rate(paths: list[str], *, workers: int, folder: Path) -> float:
    from distributed import Client, LocalCluster

    from dyads.jobs.dataset import ParquetSinkSpec
    from dyads.pipeline import PipelineSpec
    from dyads.registry import CODE
    from dyads.runner.dask import Target, run_dask
    from dyads.settings import Settings

    spec = PipelineSpec(stages=CODE, settings=Settings())
    cluster = LocalCluster(
        n_workers=workers, threads_per_worker=1, dashboard_address=None, silence_logs=40
    )
    try:
        address = cluster.scheduler_address
        with Client(address) as client:  # every worker loads its pipeline before the clock
            client.run(_warm, spec)
        sink = ParquetSinkSpec(out_dir=str(folder / f"out-{workers}"))
        target = Target(sink=sink, on_worker=True)
        start = time.perf_counter()
        summary = run_dask(paths, spec=spec, target=target, scheduler=address)
        elapsed = time.perf_counter() - start
    finally:
        cluster.close()
    return summary.stats.items / elapsed


def _warm(spec: Any) -> None:
    from dyads.runner.dask import _worker_pipeline

    _worker_pipeline(spec)


def memory_worker(news: Path, checkpoints: list[int]) -> None:
    """Run in a fresh process: code the cycled stream, print peak RSS at each checkpoint."""
    from dyads.ingest.jsonl import record_document
    from dyads.registry import CODE, build_pipeline
    from dyads.runner.base import BATCH_SIZE, process_batch

    pipeline = build_pipeline(CODE)
    pipeline.open()
    stream = news_records(news, max(checkpoints))
    batch: list[Any] = []
    for done, record in enumerate(stream, start=1):  # in batches, as a worker codes them
        line = json.dumps(record).encode("utf-8")
        batch.append(record_document(line, source=f"bench#{done}"))
        if len(batch) == BATCH_SIZE or done in checkpoints:
            process_batch(pipeline, batch)
            batch = []
        if done in checkpoints:
            peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(json.dumps({"docs": done, "peak_rss_mb": round(peak_mb, 1)}), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news", type=Path, default=DEFAULT_NEWS)
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--shards", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds, best of each")
    parser.add_argument("--memory", default="1000,10000", help="checkpoints, or 'none'")
    parser.add_argument("--memory-worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.news.exists():
        sys.exit(f"no news corpus at {args.news}: pass --news PATH")
    checkpoints = [] if args.memory == "none" else [int(x) for x in args.memory.split(",")]
    if args.memory_worker:
        memory_worker(args.news, checkpoints)
        return
    ones, twos = [], []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = write_shards(args.news, folder, docs=args.docs, shards=args.shards)
        for n in range(max(args.rounds, 1)):  # alternating, so drift hits both alike
            ones.append(dask_rate(paths, workers=1, folder=folder / f"r{n}"))
            twos.append(dask_rate(paths, workers=2, folder=folder / f"r{n}"))
    one, two = max(ones), max(twos)
    print(f"documents                {args.docs} in {args.shards} shards")
    print(f"rounds                   {len(ones)} (best of each)")
    print(f"1 worker                 {one:.2f} docs/s  ({', '.join(f'{r:.2f}' for r in ones)})")
    print(f"2 workers                {two:.2f} docs/s  ({', '.join(f'{r:.2f}' for r in twos)})")
    print(f"scaling efficiency       {two / (2 * one):.2f}  (target >= 0.8)")
    if checkpoints:
        memory(args.news, args.memory)


def memory(news: Path, checkpoints: str) -> None:
    command = [sys.executable, __file__, "--memory-worker", "--news", str(news)]
    result = subprocess.run(
        [*command, "--memory", checkpoints], capture_output=True, text=True, check=True
    )
    peaks = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    for peak in peaks:
        print(f"worker peak RSS after {peak['docs']:>6} docs  {peak['peak_rss_mb']:.1f} MB")
    if len(peaks) >= 2:
        growth = peaks[-1]["peak_rss_mb"] / peaks[0]["peak_rss_mb"] - 1
        print(f"memory growth            {growth:+.1%}  (target within 10%)")


if __name__ == "__main__":
    main()
