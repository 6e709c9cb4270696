"""``dyads run --executor dask``: inputs coded on Dask, results in the store or a dataset.

The job picks the sink and who writes into it (``dyads.runner.dask.Target``):

- SQLite has one writer: workers return their results, and this process writes them in
  batches, then marks the shard done;
- PostgreSQL takes concurrent writers: each worker writes its own shard, marks it done, and
  reports what its writes did, which the summary adds up;
- ``out_dir``: workers write Parquet shards with marker files; ``dyads load`` imports them.

A marker is written only after every batch of its shard has committed, so an interrupted run
redoes at most the shards in flight, and the writer's content-hash checks keep that redo from
storing anything twice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyads.pipeline import PipelineSpec
from dyads.records import Rejection
from dyads.registry import CODE
from dyads.settings import Settings
from dyads.sink import BatchResult, SinkSpec

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from dyads.runner.dask import DaskSummary, Progress, Target


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
    store: BatchResult  # what was written to the store, by this process and by the workers


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
    from dyads.runner.dask import run_dask
    from dyads.store.writer import StoreWriter

    writer = StoreWriter(engine) if engine is not None else None
    run_id = ""
    if writer is not None:
        run_id = writer.start_run(
            command=options.command, inputs=paths, settings=settings.model_dump(mode="json")
        )
    summary = run_dask(
        paths,
        spec=PipelineSpec(stages=options.stages, settings=settings),
        target=_target(engine, db_url=db_url, run_id=run_id, options=options),
        scheduler=options.scheduler,
        workers=options.workers,
        progress=progress,
        on_rejection=on_rejection,
    )
    if writer is not None:
        writer.finish_run(run_id, stats={"shards": summary.shards, **summary.store.as_dict()})
    return DistributedSummary(run_id=run_id, dask=summary, store=summary.store)


def _target(
    engine: Engine | None, *, db_url: str | None, run_id: str, options: DistributedOptions
) -> Target:
    """The sink of the run, and whether workers write into it (see the module docstring)."""
    from dyads.jobs.dataset import ParquetSinkSpec
    from dyads.jobs.sinks import StoreSinkSpec
    from dyads.runner.dask import Target

    sink: SinkSpec
    if options.out_dir is not None:
        sink, on_worker = ParquetSinkSpec(out_dir=options.out_dir), True
    else:
        assert engine is not None and db_url is not None
        sink = StoreSinkSpec(db_url=db_url, run_id=run_id)
        on_worker = engine.dialect.name == "postgresql"  # one writer on SQLite: this process
    return Target(sink=sink, on_worker=on_worker, batch_size=options.batch_size)
