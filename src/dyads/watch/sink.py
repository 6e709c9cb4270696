"""The one place where watched items enter the pipeline and the store: the path ``dyads run``
takes (``dyads.jobs.run.run_documents``), fed with the fetched pages.

The loader is given one document at a time (``batch_size=1``, one worker) and pulls the next
only once the one before is written, so an item is settled (``on_done``) strictly after its
document is stored: a watcher killed at any point loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyads.records import Document, Rejection
from dyads.settings import Settings
from dyads.watch.base import ItemStatus, PageItem

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from dyads.jobs.run import RunSummary
    from dyads.sink import BatchResult

COMMAND = "dyads watch"


@dataclass(frozen=True, slots=True, kw_only=True)
class ItemOutcome:
    status: ItemStatus
    events: int = 0  # events the item's article reported (new or merged into stored ones)


Settle = Callable[[PageItem, ItemOutcome], None]


def store_items(
    items: Iterable[PageItem],
    *,
    engine: Engine,
    settings: Settings,
    stages: tuple[str, ...],
    inputs: Sequence[str],
    on_done: Settle,
) -> RunSummary:
    """Clean, code and store each item's page (or record why it failed), calling
    ``on_done`` for each item once the store holds what became of it."""
    from dyads.jobs.run import RunOptions, run_documents

    last: list[BatchResult | None] = [None]

    def progress(_done: int, result: BatchResult) -> None:
        last[0] = result

    def payloads() -> Iterator[Document | Rejection]:
        for item in items:
            last[0] = None
            yield item.payload
            # resumed: the loader has written this item and asks for the next one
            on_done(item, outcome_of(item, last[0]))

    options = RunOptions(workers=1, batch_size=1, stages=stages, command=COMMAND)
    return run_documents(
        payloads(),
        inputs=inputs,
        engine=engine,
        settings=settings,
        options=options,
        progress=progress,
    )


def outcome_of(item: PageItem, result: BatchResult | None) -> ItemOutcome:
    """What became of ``item``, from the write of its one-item batch (None: not written,
    because the store held its document already)."""
    if isinstance(item.payload, Rejection):
        return ItemOutcome(status=ItemStatus.RETRY if item.transient else ItemStatus.REJECTED)
    if result is None or result.skipped:
        return ItemOutcome(status=ItemStatus.SKIPPED)
    if result.stored:
        return ItemOutcome(
            status=ItemStatus.STORED, events=result.events_new + result.events_merged
        )
    if result.rejected:
        return ItemOutcome(status=ItemStatus.REJECTED)
    return ItemOutcome(status=ItemStatus.DROPPED)
