"""One round of polling, asynchronously: every due feed fetched (conditionally), its new
entries found, and their pages fetched; each page goes out as a ``PageItem`` the moment it
arrives, so coding starts while the round still fetches.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy.engine import Engine

from dyads.errors import InputError
from dyads.ingest.base import make_document
from dyads.ingest.encoding import decode
from dyads.records import Document, MediaType, Rejection
from dyads.settings import Settings
from dyads.watch import state
from dyads.watch.base import (
    Entry,
    Feed,
    FeedKind,
    FetchError,
    PageItem,
    ParsedFeed,
    UnreadableFeed,
)
from dyads.watch.fetch import FEED_TYPES, Fetcher
from dyads.watch.sources import parse_feed
from dyads.watch.state import FetchRecord

logger = logging.getLogger(__name__)

FETCH_STAGE = "fetch"  # the stage a page that could not be fetched is rejected at
# Sitemaps of an index read per poll, newest first (by lastmod): news sites keep one
# sitemap per day or per thousand URLs, and only the newest ones list fresh articles.
SITEMAPS_PER_INDEX = 3


@dataclass(slots=True, kw_only=True)
class RoundTally:
    """What the fetching side of a round saw."""

    started_at: datetime
    feeds_polled: int = 0
    feeds_failed: int = 0
    new_items: int = 0


@dataclass(slots=True, kw_only=True)
class Poller:
    """Polls feeds and fetches the pages of their new entries, handing each out."""

    engine: Engine
    settings: Settings
    fetcher: Fetcher
    emit: Callable[[PageItem], None]
    now: Callable[[], datetime]
    every: int | None = None  # the session's interval for every feed, instead of their own
    in_flight: set[str] = field(default_factory=set)  # keys handed out and not yet settled
    stopping: Callable[[], bool] = lambda: False

    async def round(
        self,
        feeds: list[Feed],
        *,
        number: int,
        leftovers: Sequence[tuple[str, Entry, int]] = (),
    ) -> RoundTally:
        """Poll ``feeds``, and fetch ``leftovers`` (items a stopped watcher left pending)."""
        tally = RoundTally(started_at=self.now())
        left = [(f, e, n) for f, e, n in leftovers if e.key not in self.in_flight]
        self.in_flight.update(e.key for _, e, _ in left)
        tally.new_items += len(left)
        await asyncio.gather(
            *(self._poll(feed, number, tally) for feed in feeds),
            *(self._page(feed, entry, n + 1, number) for feed, entry, n in left),
        )
        return tally

    async def _poll(self, feed: Feed, number: int, tally: RoundTally) -> None:
        tally.feeds_polled += 1
        started = time.monotonic()
        record, entries = await self._read(feed)
        if record.outcome == "error":
            tally.feeds_failed += 1
            logger.warning("%s: %s", feed.label, record.error)
        fresh = await asyncio.to_thread(
            state.new_entries,
            self.engine,
            entries,
            max_attempts=self.settings.watch_max_attempts,
            retry_of=None if record.outcome == "error" else feed.id,
        )
        fresh = [(e, n) for e, n in fresh if e.key not in self.in_flight]
        self.in_flight.update(e.key for e, _ in fresh)
        elapsed = int((time.monotonic() - started) * 1000)
        final = replace(record, new_items=len(fresh), elapsed_ms=elapsed)
        every = self.every if self.every is not None else feed.every
        await asyncio.to_thread(
            state.record_fetch,
            self.engine,
            feed,
            final,
            now=self.now(),
            every=every,
            pending=[entry for entry, _ in fresh],
            round_start=tally.started_at,
        )
        tally.new_items += len(fresh)
        await asyncio.gather(*(self._page(feed.id, e, n + 1, number) for e, n in fresh))

    async def _read(self, feed: Feed) -> tuple[FetchRecord, list[Entry]]:
        """The feed's entries and its fetch record; none when it did not change."""
        try:
            answer = await self.fetcher.get(
                feed.url, accept=FEED_TYPES, etag=feed.etag, modified=feed.last_modified
            )
        except FetchError as exc:
            status = getattr(exc, "status", None)
            record = FetchRecord(
                status=status, outcome="error", error=str(exc), retry_after=exc.retry_after
            )
            return record, []
        if answer.not_modified:
            return FetchRecord(status=304, outcome="not-modified"), []
        digest = hashlib.sha256(answer.body).hexdigest()
        if digest == feed.content_hash:
            return FetchRecord(status=answer.status, outcome="unchanged"), []
        try:
            # parsed in a thread: a sitemap of thousands of URLs would hold up the round
            parsed = await asyncio.to_thread(
                parse_feed, answer.body, url=answer.url, content_type=answer.content_type
            )
            entries = await self._entries(parsed)
        except (UnreadableFeed, FetchError) as exc:
            return FetchRecord(status=answer.status, outcome="error", error=str(exc)), []
        record = FetchRecord(
            status=answer.status,
            outcome="new",
            items=len(entries),
            etag=answer.etag,
            last_modified=answer.last_modified,
            content_hash=digest,
        )
        return record, entries

    async def _entries(self, parsed: ParsedFeed) -> list[Entry]:
        if parsed.kind is not FeedKind.SITEMAP_INDEX:
            return list(parsed.entries)
        entries: list[Entry] = []
        for url in parsed.sitemaps[:SITEMAPS_PER_INDEX]:
            answer = await self.fetcher.get(url, accept=FEED_TYPES)
            child = parse_feed(answer.body, url=answer.url, content_type=answer.content_type)
            entries += child.entries  # an index inside an index is not followed
        return entries

    async def _page(self, feed: str, entry: Entry, attempts: int, number: int) -> None:
        if self.stopping():
            self.in_flight.discard(entry.key)
            return
        transient = False
        try:
            answer = await self.fetcher.page(entry.url)
            text, encoding = decode(
                answer.body, source=entry.url, html=True, declared=answer.charset
            )
            payload: Document | Rejection = make_document(
                text=text,
                source=entry.url,
                media_type=MediaType.HTML,
                encoding=encoding,
                fetched_at=self.now(),
                url=answer.url,
                title=entry.title,
                published=entry.published,
            )
        except (FetchError, InputError) as exc:
            transient = isinstance(exc, FetchError) and exc.transient
            transient = transient and attempts < self.settings.watch_max_attempts
            payload = Rejection(
                source=entry.url,
                stage=FETCH_STAGE,
                error=type(exc).__name__,
                message=str(exc).removeprefix(f"{entry.url}: "),
            )
        self.emit(
            PageItem(
                feed_id=feed,
                entry=entry,
                round=number,
                payload=payload,
                transient=transient,
                attempts=attempts,
            )
        )
