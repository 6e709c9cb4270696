"""``dyads run --executor dask`` and ``dyads load``: a distributed run and the store.

The Dask runner (``dyads.runner.dask``) codes shards on workers; this module decides where
their results go and keeps the completion markers:

- SQLite has one writer: workers return their results, and this process writes them in
  batches, then marks the shard done;
- PostgreSQL takes concurrent writers: each worker writes its own shard, and this process
  marks the shard done when the worker reports success;
- ``out_dir``: workers write Parquet shards with marker files; ``load_dataset`` imports them.

A marker is written only after every batch of its shard has committed, so an interrupted run
redoes at most the shards in flight, and the writer's content-hash checks keep that redo from
storing anything twice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from dyads.pipeline import PipelineSpec
from dyads.records import CodedArticle, Rejection
from dyads.registry import CODE
from dyads.settings import Settings
from dyads.store.writer import BatchResult, StoreWriter

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from dyads.runner.dask import DaskSummary, ShardReport


@dataclass(frozen=True, slots=True, kw_only=True)
class DistributedOptions:
    scheduler: str | None = None  # tcp://host:8786; None starts a local cluster
    workers: int = 2
    out_dir: str | None = None
    batch_size: int = 50
    stages: tuple[str, ...] = CODE
    command: str = "dyads run --executor dask"


@dataclass(frozen=True, slots=True, kw_only=True)
class DistributedSummary:
    run_id: str
    dask: DaskSummary
    store: BatchResult


Progress = Callable[[int, BatchResult], None]


def done_shards(engine: Engine) -> frozenset[str]:
    from sqlalchemy import select

    from dyads.store.schema import shard_markers

    with engine.connect() as conn:
        return frozenset(row.id for row in conn.execute(select(shard_markers.c.id)))


def mark_shard(engine: Engine, *, shard_id: str, source: str, run_id: str, stats: Any) -> None:
    from dyads.store.schema import shard_markers
    from dyads.store.sql import insert_ignore

    row = {
        "id": shard_id,
        "source": source,
        "run_id": run_id,
        "completed_at": datetime.now(UTC),
        "stats": stats,
    }
    with engine.begin() as conn:
        insert_ignore(conn, shard_markers, [row])


def run_distributed(
    paths: Sequence[str],
    *,
    engine: Engine | None,
    db_url: str | None,
    settings: Settings,
    options: DistributedOptions,
    progress: Progress | None = None,
    on_rejection: Callable[[Rejection], None] | None = None,
) -> DistributedSummary:
    """Code ``paths`` on Dask and store the results (or write them to ``options.out_dir``)."""
    from dyads.runner.dask import Target, run_dask
    from dyads.runner.parquet import done_shards as done_in_dir

    spec = PipelineSpec(stages=options.stages, settings=settings)
    writer = StoreWriter(engine) if engine is not None else None
    run_id = ""
    if writer is not None:
        run_id = writer.start_run(
            command=options.command, inputs=paths, settings=settings.model_dump(mode="json")
        )
    if options.out_dir is not None:
        target = Target(out_dir=options.out_dir, db_url=db_url, run_id=run_id)
        done = done_in_dir(options.out_dir)
    else:
        assert engine is not None and db_url is not None
        direct = engine.dialect.name == "postgresql"
        target = Target(db_url=db_url, direct=direct, run_id=run_id, batch_size=options.batch_size)
        done = done_shards(engine)
    total = BatchResult()

    def deliver(report: ShardReport) -> None:
        nonlocal total
        items = list(report.items)
        by_id = {meta.id: meta for meta in report.documents}
        if on_rejection is not None:
            for item in items:
                if isinstance(item, Rejection):
                    on_rejection(item)
        if writer is None:
            return
        for start in range(0, len(items), options.batch_size):
            batch = items[start : start + options.batch_size]
            result = writer.write_batch(batch, run_id=run_id, documents_by_id=by_id)
            total += result
            if progress is not None:
                progress(len(batch), result)
        if report.shard.id and options.out_dir is None:
            stats = {"items": report.stats.items, "rejected": report.stats.rejected}
            mark_shard(
                writer.engine,
                shard_id=report.shard.id,
                source=report.shard.source,
                run_id=run_id,
                stats=stats,
            )

    summary = run_dask(
        paths,
        spec=spec,
        target=target,
        done=done,
        deliver=deliver,
        scheduler=options.scheduler,
        workers=options.workers,
    )
    if writer is not None:
        writer.finish_run(run_id, stats={"shards": summary.shards, **total.as_dict()})
    return DistributedSummary(run_id=run_id, dask=summary, store=total)


def load_dataset(
    out_dir: str, *, engine: Engine, batch_size: int = 50, progress: Progress | None = None
) -> BatchResult:
    """Import the Parquet shards a ``--out`` run wrote; what is already stored is skipped."""
    from itertools import islice

    from dyads.runner.parquet import read_dataset

    writer = StoreWriter(engine)
    run_id = writer.start_run(command="dyads load", inputs=[out_dir], settings={})
    total = BatchResult()
    records = read_dataset(out_dir)
    while chunk := list(islice(records, batch_size)):
        batch: list[CodedArticle | Rejection] = [item for item, _ in chunk]
        by_id = {meta.id: meta for _, meta in chunk if meta is not None}
        result = writer.write_batch(batch, run_id=run_id, documents_by_id=by_id)
        total += result
        if progress is not None:
            progress(len(batch), result)
    writer.finish_run(run_id, stats=total.as_dict())
    return total
