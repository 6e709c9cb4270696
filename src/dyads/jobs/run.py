"""``dyads run``: read inputs, clean and code them with the local runner, store the results.

A rerun skips what is already stored (``dyads.sink.skip_stored``, a batch at a time) and
records a run with what it did.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dyads.jobs.sinks import StoreSink
from dyads.pipeline import PipelineSpec
from dyads.records import Document, Rejection
from dyads.registry import CODE
from dyads.runner.deliver import Progress, deliver_local
from dyads.settings import Settings
from dyads.sink import BatchResult
from dyads.store.writer import StoreWriter

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine


@dataclass(frozen=True, slots=True, kw_only=True)
class RunOptions:
    workers: int = 1
    batch_size: int = 50
    stages: tuple[str, ...] = CODE
    command: str = "dyads run"


@dataclass(frozen=True, slots=True, kw_only=True)
class RunSummary:
    """What a run read and what it did to the store."""

    run_id: str
    read: int  # documents and unreadable inputs, as ingest yielded them
    skipped_before_coding: int  # documents the store already held, not coded again
    dropped: int  # items a stage filtered out on purpose
    events: int  # events coded (before merging)
    store: BatchResult = field(default_factory=BatchResult)

    @property
    def skipped(self) -> int:
        return self.skipped_before_coding + self.store.skipped

    @property
    def rejected(self) -> int:
        return sum(count for _, count in self.store.rejected)

    def as_dict(self) -> dict[str, object]:
        return {
            "read": self.read,
            "skipped": self.skipped,
            "dropped": self.dropped,
            "events": self.events,
            **{key: value for key, value in self.store.as_dict().items() if key != "skipped"},
        }


def run_inputs(
    paths: Sequence[str],
    *,
    engine: Engine,
    settings: Settings,
    options: RunOptions | None = None,
    progress: Progress | None = None,
    on_rejection: Callable[[Rejection], None] | None = None,
) -> RunSummary:
    """Run ``options.stages`` over ``paths`` and store the results; return what happened.

    ``on_rejection`` hears of each rejected input as its batch is written."""
    from dyads.ingest import read_inputs

    return run_documents(
        read_inputs(paths, settings=settings),
        inputs=paths,
        engine=engine,
        settings=settings,
        options=options,
        progress=progress,
        on_rejection=on_rejection,
    )


def run_documents(
    records: Iterable[Document | Rejection],
    *,
    inputs: Sequence[str],
    engine: Engine,
    settings: Settings,
    options: RunOptions | None = None,
    progress: Progress | None = None,
    on_rejection: Callable[[Rejection], None] | None = None,
) -> RunSummary:
    """Run ``options.stages`` over documents from any source (a feed watcher's pages;
    ``inputs`` names them in the run's record) and store the results, pulling ``records``
    lazily in order."""
    options = options or RunOptions(batch_size=settings.batch_size)
    writer = StoreWriter(engine)
    run_id = writer.start_run(
        command=options.command, inputs=inputs, settings=settings.model_dump(mode="json")
    )
    delivery = deliver_local(
        records,
        spec=PipelineSpec(stages=options.stages, settings=settings),
        sink=StoreSink(writer, run_id=run_id),
        workers=options.workers,
        batch_size=options.batch_size,
        progress=progress,
        on_rejection=on_rejection,
    )
    summary = RunSummary(
        run_id=run_id,
        read=delivery.read,
        skipped_before_coding=delivery.skipped,
        dropped=delivery.dropped,
        events=delivery.events,
        store=delivery.written,
    )
    writer.finish_run(run_id, stats=summary.as_dict())
    return summary
