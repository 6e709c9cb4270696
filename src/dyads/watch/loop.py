"""``Watcher``: rounds of polling in one thread, coding and storing in the calling one.

The fetching side (``rounds.Poller`` on an asyncio loop in a thread of its own) puts each
fetched page on a queue, and a round's end after its last page. The calling thread feeds
the queue to the pipeline and the store (``sink.store_items``), settles each item once it
is written, and reports a round when its end comes off the queue: by then every item of the
round has been written. ``stop()`` (Ctrl-C, SIGTERM) lets the item in hand finish; pages
fetched but not yet coded are dropped, unmarked, and fetched again by the next watcher.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import queue
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from dyads.records import Document
from dyads.registry import CODE
from dyads.settings import Settings
from dyads.watch import state
from dyads.watch.base import ItemStatus, PageItem, RoundReport, WatchError
from dyads.watch.fetch import Fetcher
from dyads.watch.rounds import Poller, RoundTally
from dyads.watch.sink import ItemOutcome, store_items

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from dyads.jobs.run import RunSummary

logger = logging.getLogger(__name__)

# How often the waiting sides look at the stop flag, in seconds: a stop is seen within
# this, and waking four times a second costs nothing measurable.
TICK = 0.25
# Longest sleep between two looks at the feed list, so that a feed added while the watcher
# runs (``dyads feeds add`` in another shell) is polled within this many seconds.
RESCAN = 5.0


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True, kw_only=True)
class WatchOptions:
    once: bool = False  # one round, then return (for cron)
    every: int | None = None  # seconds between polls of every feed, instead of their own
    stages: tuple[str, ...] = CODE


@dataclass(frozen=True, slots=True, kw_only=True)
class _RoundEnd:
    number: int
    started_at: datetime
    tally: RoundTally
    last: bool


@dataclass(slots=True, kw_only=True)
class WatchSummary:
    rounds: list[RoundReport] = field(default_factory=list)
    recovered: int = 0  # items a stopped watcher had in hand whose documents were stored
    load: RunSummary | None = None

    @property
    def rejected(self) -> int:
        return sum(r.rejected for r in self.rounds)


class Watcher:
    """Keeps the store current from the watched feeds; ``run()`` until ``stop()``."""

    def __init__(
        self,
        *,
        engine: Engine,
        settings: Settings,
        options: WatchOptions | None = None,
        clock: Callable[[], datetime] = utc_now,
        on_round: Callable[[RoundReport], None] | None = None,
    ) -> None:
        self.engine = engine
        self.settings = settings
        self.options = options or WatchOptions()
        self.clock = clock
        self.on_round = on_round
        self._stop = threading.Event()
        self._queue: queue.Queue[PageItem | _RoundEnd | None] = queue.Queue()
        self._in_flight: set[str] = set()
        self._lock = threading.Lock()
        self._tallies: dict[int, RoundReport] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[None] | None = None
        self._failure: Exception | None = None  # what ended the fetching thread, if anything

    def stop(self) -> None:
        """Finish the item in hand, then return from ``run``; safe from a signal handler."""
        self._stop.set()

    def run(self) -> WatchSummary:
        summary = WatchSummary()
        summary.recovered, _ = state.recover(self.engine, now=self.clock())
        fetching = threading.Thread(target=self._fetch_thread, name="dyads-watch", daemon=True)
        fetching.start()
        try:
            summary.load = store_items(
                self._items(fetching, summary),
                engine=self.engine,
                settings=self.settings,
                stages=self.options.stages,
                inputs=[feed.url for feed in state.list_feeds(self.engine)],
                on_done=self._settle,
            )
        finally:
            self._stop.set()
            self._cancel_fetching()
            fetching.join(timeout=self.settings.watch_timeout + 5)
        if self._failure is not None:
            failure = self._failure
            raise WatchError(f"fetching stopped: {type(failure).__name__}: {failure}") from failure
        return summary

    # --- the calling thread: items to the pipeline, settled once written ---

    def _items(self, fetching: threading.Thread, summary: WatchSummary) -> Iterator[PageItem]:
        while not self._stop.is_set():
            try:
                message = self._queue.get(timeout=TICK)
            except queue.Empty:
                if not fetching.is_alive():
                    return
                continue
            if message is None:
                return
            if isinstance(message, _RoundEnd):
                summary.rounds.append(self._report(message))
                if message.last:
                    return
                continue
            if isinstance(message.payload, Document):
                state.mark_fetched(
                    self.engine, message, document_id=message.payload.id, now=self.clock()
                )
            yield message

    def _settle(self, item: PageItem, outcome: ItemOutcome) -> None:
        state.mark_done(
            self.engine, item, status=outcome.status, events=outcome.events, now=self.clock()
        )
        with self._lock:
            self._in_flight.discard(item.entry.key)
        report = self._tallies.get(item.round) or RoundReport(
            number=item.round, started_at=self.clock()
        )
        self._tallies[item.round] = _count(report, outcome)

    def _report(self, end: _RoundEnd) -> RoundReport:
        counted = self._tallies.pop(end.number, None) or RoundReport(
            number=end.number, started_at=end.started_at
        )
        report = replace(
            counted,
            started_at=end.started_at,
            feeds_polled=end.tally.feeds_polled,
            feeds_failed=end.tally.feeds_failed,
            new_items=end.tally.new_items,
        )
        if self.on_round is not None:
            self.on_round(report)
        logger.info("round %d: %s", report.number, report)
        return report

    # --- the fetching thread ---

    def _fetch_thread(self) -> None:
        try:
            asyncio.run(self._fetch_main())
        except Exception as exc:  # the calling thread stores what is in hand, then raises it
            logger.debug("the fetching side of the watcher failed", exc_info=True)
            self._failure = exc
        finally:
            self._queue.put(None)

    async def _fetch_main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._task = asyncio.current_task()
        try:
            await self._rounds()
        except asyncio.CancelledError:
            logger.info("fetching stopped")

    async def _rounds(self) -> None:
        async with Fetcher(settings=self.settings) as fetcher:
            poller = Poller(
                engine=self.engine,
                settings=self.settings,
                fetcher=fetcher,
                emit=self._queue.put,
                now=self.clock,
                every=self.options.every,
                in_flight=self._in_flight,
                stopping=self._stop.is_set,
            )
            number = 0
            leftovers = await asyncio.to_thread(state.leftovers, self.engine)
            while not self._stop.is_set():
                due = await asyncio.to_thread(state.due_feeds, self.engine, now=self.clock())
                if due or leftovers or self.options.once:
                    number += 1
                    started = self.clock()
                    tally = await poller.round(due, number=number, leftovers=leftovers)
                    leftovers = []
                    self._queue.put(
                        _RoundEnd(
                            number=number, started_at=started, tally=tally, last=self.options.once
                        )
                    )
                if self.options.once:
                    return
                await self._sleep()

    async def _sleep(self) -> None:
        """Until the next feed is due (looking again every ``RESCAN`` seconds)."""
        feeds = await asyncio.to_thread(state.list_feeds, self.engine)
        now = self.clock()
        waits = [(f.next_fetch_at - now).total_seconds() for f in feeds if f.next_fetch_at]
        remaining = min([RESCAN, *waits]) if feeds else RESCAN
        while remaining > 0 and not self._stop.is_set():
            await asyncio.sleep(min(TICK, remaining))
            remaining -= TICK

    def _cancel_fetching(self) -> None:
        loop, task = self._loop, self._task
        if loop is not None and task is not None and not loop.is_closed():
            # the loop may close in between: then there is nothing left to cancel
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(task.cancel)


def _count(report: RoundReport, outcome: ItemOutcome) -> RoundReport:
    status = outcome.status
    return replace(
        report,
        stored=report.stored + (status is ItemStatus.STORED),
        skipped=report.skipped + (status is ItemStatus.SKIPPED),
        dropped=report.dropped + (status is ItemStatus.DROPPED),
        rejected=report.rejected + (status is ItemStatus.REJECTED),
        retry=report.retry + (status is ItemStatus.RETRY),
        events=report.events + outcome.events,
    )
