"""What every runner returns: one outcome per input item, and statistics."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from dyads.pipeline import ItemResult, Pipeline
from dyads.records import Document, Rejection

# Documents a pipeline runs at once. The parser hands every sentence worth parsing of a batch
# to spaCy in one call, which is where batching pays: on news_dev (345 articles, 3,523
# selected sentences) spaCy took 30-34 CPU seconds one article at a time and 24-29 in
# batches of 32; 64 and 128 were within that noise, while the Docs a batch holds until it
# leaves the pipeline grow with it (peak 353 MB for extract -> code at 32).
BATCH_SIZE = 32


@dataclass(frozen=True, slots=True, kw_only=True)
class Outcome:
    """The fate of one input item: a result, a drop reason, or a rejection."""

    source: str
    result: Any = None
    dropped: str | None = None
    rejection: Rejection | None = None


@dataclass(slots=True, kw_only=True)
class RunStats:
    items: int = 0
    results: int = 0
    dropped: int = 0
    rejected: int = 0
    rejected_by_stage: Counter[str] = field(default_factory=Counter)

    def add(self, outcome: Outcome) -> None:
        self.items += 1
        if outcome.rejection is not None:
            self.rejected += 1
            self.rejected_by_stage[outcome.rejection.stage] += 1
        elif outcome.dropped is not None:
            self.dropped += 1
        else:
            self.results += 1

    def merge(self, other: RunStats) -> None:
        self.items += other.items
        self.results += other.results
        self.dropped += other.dropped
        self.rejected += other.rejected
        self.rejected_by_stage.update(other.rejected_by_stage)


def process_batch(pipeline: Pipeline, items: Sequence[Document | Rejection]) -> list[Outcome]:
    """One outcome per item, in order: the error policy of every runner.

    Rejections from reading pass through; the documents go through the pipeline as one batch,
    and an item that fails is recorded as a rejection naming the stage, exception and message
    while the others keep their results.
    """
    documents = [item for item in items if isinstance(item, Document)]
    results = iter(pipeline.run(documents))
    outcomes: list[Outcome] = []
    for item in items:
        if isinstance(item, Rejection):
            outcomes.append(Outcome(source=item.source, rejection=item))
        else:
            outcomes.append(_outcome(item, next(results)))
    return outcomes


def in_batches(
    pipeline: Pipeline, items: Iterable[Document | Rejection], *, size: int = BATCH_SIZE
) -> Iterator[tuple[Document | Rejection, Outcome]]:
    """Each item with its outcome, in order, the items run ``size`` at a time."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield from zip(batch, process_batch(pipeline, batch), strict=True)


def _outcome(item: Document, result: ItemResult) -> Outcome:
    if result.error is not None:
        exc = result.error
        message = str(exc) or repr(exc)
        # the rejection names its source; an exception that named it too would say it twice
        message = message.removeprefix(f"{item.source}: ")
        rejection = Rejection(
            source=item.source,
            stage=result.stage or "pipeline",
            error=type(exc).__name__,
            message=message,
            document_id=item.id,
        )
        return Outcome(source=item.source, rejection=rejection)
    if result.dropped is not None:
        return Outcome(source=item.source, dropped=result.dropped)
    return Outcome(source=item.source, result=result.value)
