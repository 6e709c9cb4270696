"""Run a pipeline in this process, or in a pool of processes that each build their own.

Workers receive the pipeline's description (stage names and settings), never live stage
objects, and results come back in input order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice

from dyads.pipeline import Pipeline, PipelineSpec
from dyads.records import Document, Rejection
from dyads.registry import build_from_spec
from dyads.runner.base import Outcome, process_item
from dyads.runner.lifeline import bind_to_parent

_worker_pipeline: Pipeline | None = None


def _init_worker(spec: PipelineSpec) -> None:
    global _worker_pipeline  # noqa: PLW0603 - one pipeline per worker process, built once
    bind_to_parent()  # a worker must not outlive a parent killed with SIGKILL
    _worker_pipeline = build_from_spec(spec)
    _worker_pipeline.open()


def _work(item: Document | Rejection) -> Outcome:
    assert _worker_pipeline is not None, "worker used before its initializer ran"
    return process_item(_worker_pipeline, item)


def run_local(
    items: Iterable[Document | Rejection], *, spec: PipelineSpec, workers: int = 1
) -> Iterator[Outcome]:
    """Outcomes of ``items`` in input order; ``workers > 1`` uses a process pool."""
    if workers <= 1:
        pipeline = build_from_spec(spec)
        with pipeline:
            for item in items:
                yield process_item(pipeline, item)
        return
    # Submit in windows so a huge input is never all in memory; 16 items a worker keeps
    # every process busy while the parent writes results (measured on 2 cores).
    window = workers * 16
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(spec,)
    ) as pool:
        iterator = iter(items)
        while chunk := list(islice(iterator, window)):
            yield from pool.map(_work, chunk, chunksize=4)
