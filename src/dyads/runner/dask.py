"""Run the pipeline on a Dask cluster: a local one by default, or ``--scheduler tcp://...``.

Inputs are cut into shards (``runner.shards``): one per file, or per range of records of a
large JSONL or WARC file. Each worker receives the pipeline's *description* and builds its own
stages from the registry once (never pickled stages). Results go to a sink (``dyads.sink``)
that the job describes in ``Target.sink``; each worker opens that description where it runs,
asks it which documents it already holds (a chunk at a time) and, when ``Target.on_worker``,
writes its shard there itself (PostgreSQL; a Parquet dataset) and reports what the writes did.
Otherwise (SQLite has one writer) workers return their results and this process writes them.

A finished shard leaves a completion marker in the sink, written after every write of the
shard has committed, so a rerun skips it; per-shard statistics and write results merge into
the run summary. The runner owns error policy: an item that fails is a rejection, a shard
whose worker dies is reported and the other shards go on.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from dyads.pipeline import Pipeline, PipelineSpec
from dyads.records import CodedArticle, Document, Rejection
from dyads.registry import build_from_spec
from dyads.runner.base import RunStats, in_batches
from dyads.runner.shards import Shard, plan_shards, read_shard
from dyads.sink import (
    BatchResult,
    DocumentMeta,
    NotAnArticle,
    Sink,
    SinkSpec,
    coded_article,
    skip_stored,
)

logger = logging.getLogger(__name__)

INSTALL_HINT = "the Dask executor needs the dask extra: pip install 'dyads[dask]'"


@dataclass(frozen=True, slots=True, kw_only=True)
class Target:
    """Where a shard's results go (see the module docstring)."""

    sink: SinkSpec  # opened on every worker (and here): holds, and maybe takes, the results
    on_worker: bool = False  # workers write their shards into the sink themselves
    batch_size: int = 50  # items per write, and documents per "already stored" question


@dataclass(frozen=True, slots=True, kw_only=True)
class ShardReport:
    shard: Shard
    stats: RunStats
    items: tuple[CodedArticle | Rejection, ...] = ()  # returned only to a single writer
    documents: tuple[DocumentMeta, ...] = ()  # what the documents table keeps of each
    rejections: tuple[Rejection, ...] = ()  # every rejection of the shard, to report
    skipped: int = 0  # documents already stored, not coded again
    written: BatchResult = field(default_factory=BatchResult)  # the worker's own writes


@dataclass(slots=True, kw_only=True)
class DaskSummary:
    shards: int = 0
    shards_skipped: int = 0
    shards_failed: int = 0
    skipped_documents: int = 0
    stats: RunStats = field(default_factory=RunStats)
    store: BatchResult = field(default_factory=BatchResult)  # every write, here or on workers
    errors: list[str] = field(default_factory=list)


Progress = Callable[[int, BatchResult], None]  # (items written, what the write did)


@lru_cache(maxsize=2)
def _worker_pipeline(spec: PipelineSpec) -> Pipeline:
    """One pipeline per worker process and description, built on first use and kept."""
    pipeline = build_from_spec(spec)
    pipeline.open()
    return pipeline


def process_shard(shard: Shard, spec: PipelineSpec, target: Target) -> ShardReport:
    """Run one shard on a worker and deliver its results to ``target``."""
    pipeline = _worker_pipeline(spec)
    stats = RunStats()
    items: list[CodedArticle | Rejection] = []
    metas: list[DocumentMeta] = []
    held: list[str] = []
    sink = target.sink.open()
    try:
        fresh = skip_stored(
            read_shard(shard, limit=spec.settings.max_input_bytes),
            stored=sink.stored,
            chunk=target.batch_size,
            on_skip=lambda document: held.append(document.id),
        )
        for item, outcome in in_batches(pipeline, fresh):
            stats.add(outcome)
            if outcome.rejection is not None:
                items.append(outcome.rejection)
            elif outcome.result is not None:
                _collect(outcome.result, item, items, metas)
        rejections = tuple(i for i in items if isinstance(i, Rejection))
        if not target.on_worker:
            return ShardReport(
                shard=shard,
                stats=stats,
                items=tuple(items),
                documents=tuple(metas),
                rejections=rejections,
                skipped=len(held),
            )
        written = write_in_batches(sink, items, metas, batch_size=target.batch_size)
        sink.finish_shard(shard_id=shard.id, source=shard.source, stats=marker_stats(stats))
    finally:
        sink.close()
    return ShardReport(
        shard=shard, stats=stats, rejections=rejections, skipped=len(held), written=written
    )


def _collect(
    result: object,
    item: Document | Rejection,
    items: list[CodedArticle | Rejection],
    metas: list[DocumentMeta],
) -> None:
    try:
        items.append(coded_article(result))
    except NotAnArticle as exc:
        logger.warning("%s: %s", item.source, exc)
        return
    if isinstance(item, Document):
        metas.append(DocumentMeta.of(item))


def marker_stats(stats: RunStats) -> dict[str, int]:
    """What a shard's completion marker records of it."""
    return {"items": stats.items, "rejected": stats.rejected}


def write_in_batches(
    sink: Sink,
    items: Sequence[CodedArticle | Rejection],
    metas: Sequence[DocumentMeta],
    *,
    batch_size: int,
    progress: Progress | None = None,
) -> BatchResult:
    """Write ``items`` to ``sink`` ``batch_size`` at a time; return what the writes did."""
    by_id = {meta.id: meta for meta in metas}
    total = BatchResult()
    for start in range(0, len(items), batch_size):
        batch = items[start : start + batch_size]
        result = sink.write(batch, documents=by_id)
        total += result
        if progress is not None:
            progress(len(batch), result)
    return total


def run_dask(
    paths: Sequence[str],
    *,
    spec: PipelineSpec,
    target: Target,
    scheduler: str | None = None,
    workers: int = 2,
    progress: Progress | None = None,
    on_rejection: Callable[[Rejection], None] | None = None,
) -> DaskSummary:
    """Process every shard of ``paths`` the sink has not marked done; return the totals.

    ``on_rejection`` hears every rejection (unreadable inputs and items that failed);
    ``progress`` hears every write.
    """
    try:
        # distributed is only partly typed; it is used through ``Any`` here
        distributed: Any = importlib.import_module("distributed")
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        raise ImportError(INSTALL_HINT) from exc

    plan = plan_shards(paths, workers=workers)
    here = _Here(
        sink=target.sink.open(),
        target=target,
        summary=DaskSummary(shards=len(plan.shards)),
        progress=progress,
        on_rejection=on_rejection,
    )
    try:
        for rejection in plan.rejections:
            here.unread(rejection)
        done = here.sink.done_shards()
        todo = [shard for shard in plan.shards if shard.id not in done]
        here.summary.shards_skipped = len(plan.shards) - len(todo)
        if todo:
            _run_shards(
                distributed, todo, spec=spec, scheduler=scheduler, workers=workers, here=here
            )
    finally:
        here.sink.close()
    return here.summary


@dataclass(slots=True, kw_only=True)
class _Here:
    """This process's side of a run: the sink, the totals and the callbacks."""

    sink: Sink
    target: Target
    summary: DaskSummary
    progress: Progress | None
    on_rejection: Callable[[Rejection], None] | None

    def unread(self, rejection: Rejection) -> None:
        """An argument that names no readable file: a rejection outside every shard."""
        self.summary.stats.rejected += 1
        self.summary.stats.rejected_by_stage[rejection.stage] += 1
        shard = Shard(id="", path="", source=rejection.source)
        items = (rejection,)
        self.deliver(ShardReport(shard=shard, stats=RunStats(), items=items, rejections=items))

    def deliver(self, report: ShardReport) -> None:
        """Add a finished shard to the totals; write what its worker returned, then mark it."""
        if self.on_rejection is not None:
            for rejection in report.rejections:
                self.on_rejection(rejection)
        shard = report.shard
        if not self.target.on_worker or not shard.id:  # one writer, or an input never sharded
            self.summary.store += write_in_batches(
                self.sink,
                report.items,
                report.documents,
                batch_size=self.target.batch_size,
                progress=self.progress,
            )
            if shard.id:
                stats = marker_stats(report.stats)
                self.sink.finish_shard(shard_id=shard.id, source=shard.source, stats=stats)
            return
        self.summary.store += report.written
        if self.progress is not None and report.stats.items:
            self.progress(report.stats.items, report.written)


def _run_shards(
    distributed: Any,
    todo: list[Shard],
    *,
    spec: PipelineSpec,
    scheduler: str | None,
    workers: int,
    here: _Here,
) -> None:
    cluster = None
    logging.getLogger("distributed").setLevel(logging.WARNING)
    if scheduler is None:
        # one thread per worker process: the coder is CPU-bound Python, threads would contend
        cluster = distributed.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            # any free port: the default (8787) may be another cluster's on this machine,
            # and taking it fails where warnings are errors
            dashboard_address=":0",
            silence_logs=logging.WARNING,  # the cluster's chatter is not the run's output
            preload=["dyads.runner.lifeline"],  # workers and nannies end with this process,
            preload_nanny=["dyads.runner.lifeline"],  # even one killed with SIGKILL
        )
    client = distributed.Client(scheduler if scheduler is not None else cluster)
    summary = here.summary
    try:
        futures = client.map(process_shard, todo, spec=spec, target=here.target, pure=False)
        by_key = {future.key: shard for future, shard in zip(futures, todo, strict=True)}
        for future in distributed.as_completed(futures):
            shard = by_key[future.key]
            try:
                report: ShardReport = future.result()
            except Exception as exc:  # a lost worker or a failed write: report, go on
                summary.shards_failed += 1
                summary.errors.append(f"{shard.source}: {type(exc).__name__}: {exc}")
                logger.warning("shard %s failed: %s", shard.source, exc)
                continue
            summary.stats.merge(report.stats)
            summary.skipped_documents += report.skipped
            here.deliver(report)
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
