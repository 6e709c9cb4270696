"""Run a pipeline in this process, or in a pool of processes that each build their own.

Workers receive the pipeline's description (stage names and settings), never live stage
objects, and a chunk of items as one batch; results come back in input order.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from dyads.pipeline import Pipeline, PipelineSpec
from dyads.records import Document, Rejection
from dyads.registry import build_from_spec
from dyads.runner.base import BATCH_SIZE, Outcome, in_batches, process_batch
from dyads.runner.lifeline import bind_to_parent

_worker_pipeline: Pipeline | None = None
# Batches in flight per worker: one being coded, one waiting, so no process idles while the
# parent writes results.
_BATCHES_PER_WORKER = 2


def _init_worker(spec: PipelineSpec) -> None:
    global _worker_pipeline  # noqa: PLW0603 - one pipeline per worker process, built once
    bind_to_parent()  # a worker must not outlive a parent killed with SIGKILL
    _worker_pipeline = build_from_spec(spec)
    _worker_pipeline.open()


def _work(batch: list[Document | Rejection]) -> list[Outcome]:
    assert _worker_pipeline is not None, "worker used before its initializer ran"
    return process_batch(_worker_pipeline, batch)


def run_local(
    items: Iterable[Document | Rejection],
    *,
    spec: PipelineSpec,
    workers: int = 1,
    batch_size: int = BATCH_SIZE,
) -> Iterator[Outcome]:
    """Outcomes of ``items`` in input order, ``batch_size`` items run at a time;
    ``workers > 1`` uses a process pool, each worker coding one batch at a time."""
    if workers <= 1:
        pipeline = build_from_spec(spec)
        with pipeline:
            for _item, outcome in in_batches(pipeline, items, size=batch_size):
                yield outcome
        return
    # A sliding window of batches keeps every worker busy without reading the whole input.
    window = workers * _BATCHES_PER_WORKER
    pending: deque[Future[list[Outcome]]] = deque()
    iterator = iter(items)
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(spec,)
    ) as pool:
        while True:
            while len(pending) < window and (batch := list(islice(iterator, batch_size))):
                pending.append(pool.submit(_work, batch))
            if not pending:
                return
            yield from pending.popleft().result()
