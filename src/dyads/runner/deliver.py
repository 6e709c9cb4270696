"""The local runner into a sink: skip what the sink holds, code the rest in this process or a
process pool (``runner.local``), and write the results in batches, in input order.

Documents the sink already holds are skipped before they are coded, so a rerun after an
interruption only codes what the interrupted run did not commit; batches are written in
input order, so the sink ends up the same either way.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice

from dyads.pipeline import PipelineSpec
from dyads.records import CodedArticle, Document, Rejection
from dyads.runner.base import BATCH_SIZE, Outcome
from dyads.runner.local import run_local
from dyads.sink import BatchResult, NotAnArticle, Sink, coded_article, skip_stored

logger = logging.getLogger(__name__)

Progress = Callable[[int, BatchResult], None]  # (items done in this batch, what it did)


@dataclass(slots=True, kw_only=True)
class Delivery:
    """What a local run read, skipped, dropped and coded, and what its writes did."""

    read: int = 0  # documents and unreadable inputs, as ingest yielded them
    skipped: int = 0  # documents the sink already held, not coded again
    dropped: int = 0  # items a stage filtered out on purpose
    events: int = 0  # events coded (before merging)
    written: BatchResult = field(default_factory=BatchResult)


def deliver_local(
    items: Iterable[Document | Rejection],
    *,
    spec: PipelineSpec,
    sink: Sink,
    workers: int = 1,
    batch_size: int = 50,
    progress: Progress | None = None,
    on_rejection: Callable[[Rejection], None] | None = None,
) -> Delivery:
    """Code ``items`` that ``sink`` does not hold and write the results to it;
    ``on_rejection`` hears of each rejected input as its batch is written."""
    delivery = Delivery()

    def read(count: int) -> None:
        delivery.read += count

    def skipped(_document: Document) -> None:
        delivery.skipped += 1

    fresh = skip_stored(items, stored=sink.stored, chunk=batch_size, on_read=read, on_skip=skipped)
    in_flight: deque[Document | Rejection] = deque()
    # the runner takes no more items at a time than a write holds: a source that must hear
    # of each item's write before it gives the next (a feed watcher, one at a time) is obeyed
    outcomes = run_local(
        _tracked(fresh, in_flight),
        spec=spec,
        workers=workers,
        batch_size=min(batch_size, BATCH_SIZE),
    )
    while batch := list(islice(outcomes, batch_size)):
        results, documents = _batch_items(batch, in_flight, delivery)
        if on_rejection is not None:
            for rejection in (item for item in results if isinstance(item, Rejection)):
                on_rejection(rejection)
        result = sink.write(results, documents=documents)
        delivery.written += result
        if progress is not None:
            progress(len(batch), result)
    return delivery


def _tracked(
    items: Iterable[Document | Rejection], in_flight: deque[Document | Rejection]
) -> Iterator[Document | Rejection]:
    """Remember each item handed to the runner: outcomes come back in the same order."""
    for item in items:
        in_flight.append(item)
        yield item


def _batch_items(
    batch: Sequence[Outcome], in_flight: deque[Document | Rejection], delivery: Delivery
) -> tuple[list[CodedArticle | Rejection], dict[str, Document]]:
    items: list[CodedArticle | Rejection] = []
    documents: dict[str, Document] = {}
    for outcome in batch:
        source = in_flight.popleft()
        if outcome.rejection is not None:
            items.append(outcome.rejection)
            continue
        if outcome.dropped is not None:
            delivery.dropped += 1
            continue
        try:
            coded = coded_article(outcome.result)
        except NotAnArticle as exc:
            logger.warning("%s: %s", outcome.source, exc)
            continue
        items.append(coded)
        delivery.events += len(coded.events)
        if isinstance(source, Document):
            documents[source.id] = source
    return items, documents
