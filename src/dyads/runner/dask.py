"""Run the pipeline on a Dask cluster: a local one by default, or ``--scheduler tcp://...``.

Inputs are cut into shards (``runner.shards``): one per file, or per range of records of a
large JSONL or WARC file. Each worker receives the pipeline's *description* and builds its own
stages from the registry once (never pickled stages). Where results go:

- PostgreSQL: each worker writes its shard straight into the store, in batches;
- SQLite (one writer): workers return their results and this process writes them;
- ``out_dir``: each worker writes its shard as a Parquet file, which ``dyads load`` imports.

A finished shard leaves a completion marker (a row in the store, or a file beside the
Parquet output), so a rerun skips it; per-shard statistics merge into the run summary. The
runner owns error policy: an item that fails is a rejection, a shard whose worker dies is
reported and the other shards go on.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from dyads.pipeline import Pipeline, PipelineSpec
from dyads.records import Article, CodedArticle, Document, Rejection
from dyads.registry import build_from_spec
from dyads.runner.base import RunStats, in_batches
from dyads.runner.shards import Shard, plan_shards, read_shard
from dyads.store.write_rows import DocumentMeta

logger = logging.getLogger(__name__)

INSTALL_HINT = "the Dask executor needs the dask extra: pip install 'dyads[dask]'"


@dataclass(frozen=True, slots=True, kw_only=True)
class Target:
    """Where a shard's results go (see the module docstring)."""

    db_url: str | None = None  # the store; also used to skip documents already stored
    direct: bool = False  # workers write to the store themselves (PostgreSQL)
    out_dir: str | None = None  # write Parquet shards here instead of the store
    run_id: str = ""
    batch_size: int = 50


@dataclass(frozen=True, slots=True, kw_only=True)
class ShardReport:
    shard: Shard
    stats: RunStats
    items: tuple[CodedArticle | Rejection, ...] = ()  # returned only to a single writer
    documents: tuple[DocumentMeta, ...] = ()  # what the documents table keeps of each
    skipped: int = 0  # documents already stored, not coded again
    error: str | None = None  # the shard itself failed (worker lost, unreadable output dir)


@dataclass(slots=True, kw_only=True)
class DaskSummary:
    shards: int = 0
    shards_skipped: int = 0
    shards_failed: int = 0
    skipped_documents: int = 0
    stats: RunStats = field(default_factory=RunStats)
    errors: list[str] = field(default_factory=list)


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
    skipped = 0
    stored = _StoredCheck(target.db_url)

    def fresh() -> Iterator[Document | Rejection]:
        nonlocal skipped
        for item in read_shard(shard, limit=spec.settings.max_input_bytes):
            if isinstance(item, Document) and stored.has(item.id):
                skipped += 1
                continue
            yield item

    for item, outcome in in_batches(pipeline, fresh()):
        stats.add(outcome)
        if outcome.rejection is not None:
            items.append(outcome.rejection)
        elif outcome.result is not None:
            items.append(_as_coded(outcome.result))
            if isinstance(item, Document):
                metas.append(DocumentMeta.of(item))
    if target.out_dir is not None:
        from dyads.runner.parquet import write_shard

        write_shard(target.out_dir, shard_id=shard.id, items=items, documents=metas)
        return ShardReport(shard=shard, stats=stats, skipped=skipped)
    if target.direct and target.db_url is not None:
        _write_direct(target, items, metas)
        return ShardReport(shard=shard, stats=stats, skipped=skipped)
    return ShardReport(
        shard=shard, stats=stats, items=tuple(items), documents=tuple(metas), skipped=skipped
    )


def _as_coded(result: CodedArticle | Article) -> CodedArticle:
    return result if isinstance(result, CodedArticle) else CodedArticle(article=result)


class _StoredCheck:
    """Asks the store which documents it holds, so a rerun does not code them again."""

    def __init__(self, db_url: str | None) -> None:
        self._writer: Any = None
        if db_url is not None:
            from dyads.store.engine import open_store
            from dyads.store.writer import StoreWriter

            self._writer = StoreWriter(open_store(db_url, migrate=False))

    def has(self, document_id: str) -> bool:
        return self._writer is not None and bool(self._writer.stored_documents([document_id]))


def _write_direct(
    target: Target, items: Sequence[CodedArticle | Rejection], metas: Sequence[DocumentMeta]
) -> None:
    from dyads.store.engine import open_store
    from dyads.store.writer import StoreWriter

    assert target.db_url is not None
    engine = open_store(target.db_url, migrate=False)
    try:
        writer = StoreWriter(engine)
        by_id = {meta.id: meta for meta in metas}
        for start in range(0, len(items), target.batch_size):
            batch = items[start : start + target.batch_size]
            writer.write_batch(batch, run_id=target.run_id, documents_by_id=by_id)
    finally:
        engine.dispose()


Deliver = Callable[[ShardReport], None]  # called in this process for each finished shard


def run_dask(
    paths: Sequence[str],
    *,
    spec: PipelineSpec,
    target: Target,
    done: frozenset[str] = frozenset(),
    deliver: Deliver,
    scheduler: str | None = None,
    workers: int = 2,
) -> DaskSummary:
    """Process every shard not in ``done`` on Dask; ``deliver`` gets each shard's report."""
    try:
        # distributed is only partly typed; it is used through ``Any`` here
        distributed: Any = importlib.import_module("distributed")
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        raise ImportError(INSTALL_HINT) from exc

    plan = plan_shards(paths)
    summary = DaskSummary(shards=len(plan.shards))
    for rejection in plan.rejections:
        summary.stats.rejected += 1
        summary.stats.rejected_by_stage[rejection.stage] += 1
        deliver(
            ShardReport(
                shard=Shard(id="", path="", source=rejection.source),
                stats=RunStats(),
                items=(rejection,),
            )
        )
    todo = [shard for shard in plan.shards if shard.id not in done]
    summary.shards_skipped = len(plan.shards) - len(todo)
    if not todo:
        return summary
    cluster = None
    logging.getLogger("distributed").setLevel(logging.WARNING)
    if scheduler is None:
        # one thread per worker process: the coder is CPU-bound Python, threads would contend
        cluster = distributed.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.WARNING,  # the cluster's chatter is not the run's output
        )

    client = distributed.Client(scheduler if scheduler is not None else cluster)
    try:
        futures = client.map(process_shard, todo, spec=spec, target=target, pure=False)
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
            deliver(report)
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return summary
