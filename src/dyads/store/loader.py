"""Read inputs, clean and code them, and write the results into the store in batches.

The heart of ``dyads run``. Documents already stored are skipped before they are coded, so
a rerun after an interruption only codes what the interrupted run did not commit; batches
are written in input order, so the store ends up the same either way.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING

from dyads.records import Article, CodedArticle, Document, Rejection
from dyads.registry import CODE
from dyads.settings import Settings
from dyads.store.writer import BatchResult, StoreWriter

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from dyads.runner.base import Outcome

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class LoadOptions:
    workers: int = 1
    batch_size: int = 50
    stages: tuple[str, ...] = CODE
    command: str = "dyads run"


@dataclass(frozen=True, slots=True, kw_only=True)
class LoadSummary:
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


Progress = Callable[[int, BatchResult], None]  # (items done in this batch, what it did)


@dataclass(slots=True, kw_only=True)
class _Counts:
    read: int = 0
    skipped: int = 0
    dropped: int = 0
    events: int = 0


def load_inputs(
    paths: Sequence[str],
    *,
    engine: Engine,
    settings: Settings,
    options: LoadOptions | None = None,
    progress: Progress | None = None,
) -> LoadSummary:
    """Run ``options.stages`` over ``paths`` and store the results; return what happened."""
    from dyads.ingest import read_inputs

    records = read_inputs(paths, settings=settings)
    return load_documents(
        records, inputs=paths, engine=engine, settings=settings, options=options, progress=progress
    )


def load_documents(
    records: Iterable[Document | Rejection],
    *,
    inputs: Sequence[str],
    engine: Engine,
    settings: Settings,
    options: LoadOptions | None = None,
    progress: Progress | None = None,
) -> LoadSummary:
    """Run ``options.stages`` over documents from any source (``inputs`` names them in the
    run's record) and store the results, pulling ``records`` lazily in order."""
    from dyads.pipeline import PipelineSpec
    from dyads.runner.local import run_local

    options = options or LoadOptions(batch_size=settings.batch_size)
    writer = StoreWriter(engine)
    run_id = writer.start_run(
        command=options.command, inputs=inputs, settings=settings.model_dump(mode="json")
    )
    counts = _Counts()
    fresh = _unstored(records, writer, counts, options.batch_size)
    in_flight: deque[Document | Rejection] = deque()
    spec = PipelineSpec(stages=options.stages, settings=settings)
    outcomes = run_local(_tracked(fresh, in_flight), spec=spec, workers=options.workers)
    total = BatchResult()
    while batch := list(islice(outcomes, options.batch_size)):
        items, documents = _batch_items(batch, in_flight, counts)
        result = writer.write_batch(items, run_id=run_id, documents_by_id=documents)
        total += result
        if progress is not None:
            progress(len(batch), result)
    summary = LoadSummary(
        run_id=run_id,
        read=counts.read,
        skipped_before_coding=counts.skipped,
        dropped=counts.dropped,
        events=counts.events,
        store=total,
    )
    writer.finish_run(run_id, stats=summary.as_dict())
    return summary


def _unstored(
    items: Iterable[Document | Rejection], writer: StoreWriter, counts: _Counts, chunk: int
) -> Iterator[Document | Rejection]:
    """``items`` without the documents the store already holds (looked up a chunk at a time)."""
    iterator = iter(items)
    while block := list(islice(iterator, chunk)):
        counts.read += len(block)
        stored = writer.stored_documents([i.id for i in block if isinstance(i, Document)])
        for item in block:
            if isinstance(item, Document) and item.id in stored:
                counts.skipped += 1
                logger.debug("%s is already stored", item.source)
                continue
            yield item


def _tracked(
    items: Iterable[Document | Rejection], in_flight: deque[Document | Rejection]
) -> Iterator[Document | Rejection]:
    """Remember each item handed to the runner: outcomes come back in the same order."""
    for item in items:
        in_flight.append(item)
        yield item


def _batch_items(
    batch: Sequence[Outcome], in_flight: deque[Document | Rejection], counts: _Counts
) -> tuple[list[CodedArticle | Rejection], dict[str, Document]]:
    items: list[CodedArticle | Rejection] = []
    documents: dict[str, Document] = {}
    for outcome in batch:
        source = in_flight.popleft()
        if outcome.rejection is not None:
            items.append(outcome.rejection)
        elif outcome.dropped is not None:
            counts.dropped += 1
        elif isinstance(outcome.result, CodedArticle | Article):
            coded = _as_coded(outcome.result)
            items.append(coded)
            counts.events += len(coded.events)
            if isinstance(source, Document):
                documents[source.id] = source
        else:
            logger.warning("%s: the pipeline produced no coded article", outcome.source)
    return items, documents


def _as_coded(result: CodedArticle | Article) -> CodedArticle:
    """A pipeline that stops at cleaning stores its articles without events."""
    return result if isinstance(result, CodedArticle) else CodedArticle(article=result)
