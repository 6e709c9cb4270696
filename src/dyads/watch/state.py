"""The watcher's state in the store: the feed list with its health, the items seen, the
fetch log (tables ``feeds``, ``feed_items``, ``fetch_log``; see ``dyads.store.schema``).

An item is written three times: as ``pending`` in the transaction that records the poll of
its feed (with the feed's new validators, so a later 304 cannot hide it), as ``fetched``
with its page's content hash just before the page goes to the pipeline, and with its
outcome once the pipeline has written it. A watcher killed on the way leaves ``pending``
items, fetched by the next watcher's first round, and perhaps one ``fetched`` item: done
if the store holds its document (it is not fetched again), pending otherwise.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.engine import Connection, Engine

from dyads.records import content_id
from dyads.store.engine import IMMEDIATE
from dyads.store.schema import documents, feed_items, feeds, fetch_log
from dyads.store.sql import insert_ignore
from dyads.watch.base import Entry, Feed, FeedExists, FeedNotFound, ItemStatus, PageItem
from dyads.watch.urls import normalise

logger = logging.getLogger(__name__)

# A feed that keeps failing is asked less often: its interval doubles with each failure in a
# row, up to six hours (a dead feed costs four requests a day; one back up is noticed within
# a working morning).
MAX_BACKOFF_SECONDS = 6 * 3600
# Keys looked up per query: far below SQLite's 32,766 bound variables, and one query covers
# the feeds of nearly every site (news feeds list 10-100 items, sitemaps up to 1,000).
LOOKUP_CHUNK = 500
_FEED_FIELDS = tuple(f.name for f in fields(Feed) if f.name != "every")


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchRecord:
    """What one poll of a feed found: its health columns and a line of the fetch log."""

    status: int | None
    outcome: str  # "new" (parsed), "unchanged" (same body), "not-modified" (304), "error"
    items: int = 0
    new_items: int = 0
    elapsed_ms: int = 0
    error: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    retry_after: float | None = None


def _writing(engine: Engine) -> Any:
    conn = engine.connect()
    conn.execution_options(**{IMMEDIATE: True})
    return conn


def feed_id(url: str) -> str:
    return content_id(normalise(url) or url.strip())


def add_feed(engine: Engine, *, url: str, name: str | None, every: int, now: datetime) -> Feed:
    """Watch ``url`` (polled every ``every`` seconds); ``FeedExists`` if it is watched."""
    key = feed_id(url)
    row = {
        "id": key,
        "url": url.strip(),
        "name": name,
        "every_seconds": every,
        "added_at": now,
        "last_new_items": 0,
        "errors_in_row": 0,
        "items_total": 0,
    }
    with _writing(engine) as conn, conn.begin():
        same = feeds.c.id == key if name is None else (feeds.c.id == key) | (feeds.c.name == name)
        clash = conn.execute(select(feeds.c.url).where(same)).first()
        if clash is not None:
            raise FeedExists(f"already watched: {clash.url}")
        conn.execute(feeds.insert(), [row])
    return find_feed(engine, key)


def list_feeds(engine: Engine) -> list[Feed]:
    """Every watched feed with its health, in the order they were added."""
    with engine.connect() as conn:
        rows = conn.execute(select(feeds).order_by(feeds.c.added_at, feeds.c.url)).all()
    return [_feed(row._mapping) for row in rows]


def find_feed(engine: Engine, ref: str) -> Feed:
    """The feed ``ref`` names: its URL, its name, or its id (or a prefix of it)."""
    ref = ref.strip()
    matches = [
        feed
        for feed in list_feeds(engine)
        if ref in (feed.url, feed.name, feed.id) or feed.id == feed_id(ref)
    ]
    if not matches and len(ref) >= 6:
        matches = [feed for feed in list_feeds(engine) if feed.id.startswith(ref)]
    if len(matches) != 1:
        problem = "no watched feed" if not matches else "more than one feed"
        raise FeedNotFound(f"{problem} matches {ref!r}")
    return matches[0]


def remove_feed(engine: Engine, ref: str) -> Feed:
    """Stop watching a feed; its items stay seen, so adding it again fetches nothing old."""
    feed = find_feed(engine, ref)
    with _writing(engine) as conn, conn.begin():
        conn.execute(delete(fetch_log).where(fetch_log.c.feed_id == feed.id))
        conn.execute(delete(feeds).where(feeds.c.id == feed.id))
    return feed


def due_feeds(engine: Engine, *, now: datetime) -> list[Feed]:
    return [f for f in list_feeds(engine) if f.next_fetch_at is None or f.next_fetch_at <= now]


def record_fetch(
    engine: Engine,
    feed: Feed,
    record: FetchRecord,
    *,
    now: datetime,
    every: int,
    pending: Sequence[Entry] = (),
    round_start: datetime | None = None,
) -> None:
    """The feed's health after a poll, its line in the fetch log, and its new entries as
    ``pending`` items, in one transaction: the validators that make the next poll skip an
    unchanged feed are never stored without the entries that poll found. The next poll is
    timed from ``round_start`` when given, so that the feeds of one round stay in one round
    however long the host gates spread their requests."""
    values = _health(feed, record, next_from=round_start or now, now=now, every=every)
    log = {
        "feed_id": feed.id,
        "url": feed.url,
        "fetched_at": now,
        "status": record.status,
        "outcome": record.outcome,
        "items": record.items,
        "new_items": record.new_items,
        "elapsed_ms": record.elapsed_ms,
        "error": record.error,
    }
    with _writing(engine) as conn, conn.begin():
        conn.execute(update(feeds).where(feeds.c.id == feed.id).values(values))
        conn.execute(fetch_log.insert(), [log])
        insert_ignore(conn, feed_items, [_pending_row(feed.id, entry, now) for entry in pending])


def _health(
    feed: Feed, record: FetchRecord, *, next_from: datetime, now: datetime, every: int
) -> dict[str, Any]:
    """The feed's columns after a poll: its health, its next poll (backed off after a
    failure), and the validators of a body that was read."""
    failed = record.outcome == "error"
    errors = feed.errors_in_row + 1 if failed else 0
    wait = float(every)
    if failed:
        wait = min(max(every, 1) * 2.0 ** (errors - 1), max(every, MAX_BACKOFF_SECONDS))
        wait = max(wait, record.retry_after or 0.0)
    values: dict[str, Any] = {
        "last_fetch_at": now,
        "next_fetch_at": next_from + timedelta(seconds=wait),
        "last_status": record.status,
        "last_error": record.error,
        "errors_in_row": errors,
    }
    if not failed:
        values["last_new_items"] = record.new_items
        values["items_total"] = feeds.c.items_total + record.new_items
    if record.outcome == "new":
        values.update(etag=record.etag, last_modified=record.last_modified)
        values["content_hash"] = record.content_hash
    return values


def _pending_row(feed: str, entry: Entry, now: datetime) -> dict[str, Any]:
    return {
        "url_key": entry.key,
        "feed_id": feed,
        "url": entry.url,
        "title": entry.title,
        "published": entry.published.isoformat() if entry.published else None,
        "document_id": None,
        "status": str(ItemStatus.PENDING),
        "events": 0,
        "attempts": 0,
        "first_seen_at": now,
        "done_at": None,
    }


def new_entries(
    engine: Engine, entries: Sequence[Entry], *, max_attempts: int, retry_of: str | None = None
) -> list[tuple[Entry, int]]:
    """The entries never seen, pending, or failed for a passing reason fewer than
    ``max_attempts`` times, each with its attempts so far; with ``retry_of``, also that
    feed's items still to do that ``entries`` does not list (a feed that answers 304 still
    has its failed pages tried again)."""
    known: dict[str, tuple[str, int]] = {}
    with engine.connect() as conn:
        for start in range(0, len(entries), LOOKUP_CHUNK):
            keys = [e.key for e in entries[start : start + LOOKUP_CHUNK]]
            query = select(feed_items.c.url_key, feed_items.c.status, feed_items.c.attempts)
            for row in conn.execute(query.where(feed_items.c.url_key.in_(keys))):
                known[row.url_key] = (row.status, row.attempts)
        waiting = _waiting(conn, retry_of, max_attempts) if retry_of else []
    out = []
    for entry in entries:
        status, attempts = known.get(entry.key, (None, 0))
        if status is None or _to_do(status, attempts, max_attempts):
            out.append((entry, attempts))
    listed = {entry.key for entry in entries}
    return out + [(entry, n) for entry, n in waiting if entry.key not in listed]


def _to_do(status: str, attempts: int, max_attempts: int) -> bool:
    return status == ItemStatus.PENDING or (status == ItemStatus.RETRY and attempts < max_attempts)


def _waiting(conn: Connection, feed: str, max_attempts: int) -> list[tuple[Entry, int]]:
    query = select(feed_items).where(
        (feed_items.c.feed_id == feed)
        & (
            (feed_items.c.status == str(ItemStatus.PENDING))
            | (
                (feed_items.c.status == str(ItemStatus.RETRY))
                & (feed_items.c.attempts < max_attempts)
            )
        )
    )
    return [(_entry(row), row.attempts) for row in conn.execute(query)]


def _entry(row: Any) -> Entry:
    published = datetime.fromisoformat(row.published) if row.published else None
    return Entry(url=row.url, key=row.url_key, title=row.title, published=published)


def leftovers(engine: Engine) -> list[tuple[str, Entry, int]]:
    """Items a stopped watcher found and did not finish, of every feed: ``(feed id, entry,
    attempts)``. The next watcher's first round fetches them, due feeds or not."""
    query = select(feed_items).where(
        (feed_items.c.status == str(ItemStatus.PENDING))
        & feed_items.c.feed_id.in_(select(feeds.c.id))  # a removed feed's items wait no more
    )
    with engine.connect() as conn:
        return [(row.feed_id, _entry(row), row.attempts) for row in conn.execute(query)]


def mark_fetched(engine: Engine, item: PageItem, *, document_id: str, now: datetime) -> None:
    """The item is in hand: its page (``document_id``) goes to the pipeline next."""
    _put_item(engine, item, status=ItemStatus.FETCHED, document_id=document_id, now=now)


def mark_done(
    engine: Engine, item: PageItem, *, status: ItemStatus, events: int, now: datetime
) -> None:
    """The pipeline is done with the item (its document stored, skipped, dropped, rejected)."""
    _put_item(engine, item, status=status, events=events, now=now, done=True)


def _put_item(
    engine: Engine,
    item: PageItem,
    *,
    status: ItemStatus,
    now: datetime,
    document_id: str | None = None,
    events: int = 0,
    done: bool = False,
) -> None:
    entry = item.entry
    values: dict[str, Any] = {"status": str(status), "attempts": item.attempts, "events": events}
    if document_id is not None:
        values["document_id"] = document_id
    if done:
        values["done_at"] = now
    with _writing(engine) as conn, conn.begin():
        changed = conn.execute(
            update(feed_items).where(feed_items.c.url_key == entry.key).values(values)
        ).rowcount
        if not changed:
            row = {
                "url_key": entry.key,
                "feed_id": item.feed_id,
                "url": entry.url,
                "title": entry.title,
                "published": entry.published.isoformat() if entry.published else None,
                "first_seen_at": now,
                "done_at": None,
                "document_id": None,
                **values,
            }
            conn.execute(feed_items.insert(), [row])


def recover(engine: Engine, *, now: datetime) -> tuple[int, int]:
    """Settle the items a stopped watcher had in hand: ``(done, to fetch again)``."""
    with _writing(engine) as conn, conn.begin():
        held = _in_hand(conn)
        stored = _stored(conn, [doc for _, doc in held if doc])
        done = [key for key, doc in held if doc in stored]
        again = [key for key, doc in held if doc not in stored]
        for start in range(0, len(done), LOOKUP_CHUNK):
            chunk = done[start : start + LOOKUP_CHUNK]
            conn.execute(
                update(feed_items)
                .where(feed_items.c.url_key.in_(chunk))
                .values(status=str(ItemStatus.STORED), done_at=now)
            )
        for start in range(0, len(again), LOOKUP_CHUNK):
            chunk = again[start : start + LOOKUP_CHUNK]
            conn.execute(
                update(feed_items)
                .where(feed_items.c.url_key.in_(chunk))
                .values(status=str(ItemStatus.PENDING))
            )
    if held:
        logger.info("in hand at the last stop: %d done, %d to fetch again", len(done), len(again))
    return len(done), len(again)


def _in_hand(conn: Connection) -> list[tuple[str, str | None]]:
    query = select(feed_items.c.url_key, feed_items.c.document_id).where(
        feed_items.c.status == str(ItemStatus.FETCHED)
    )
    return [(row.url_key, row.document_id) for row in conn.execute(query)]


def _stored(conn: Connection, ids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(ids), LOOKUP_CHUNK):
        chunk = list(ids[start : start + LOOKUP_CHUNK])
        query = select(documents.c.id).where(documents.c.id.in_(chunk))
        found |= set(conn.execute(query).scalars())
    return found


def item_counts(engine: Engine) -> dict[str, int]:
    """Items per status, over every feed."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(feed_items.c.status, func.count()).group_by(feed_items.c.status)
        ).all()
    return {str(status): int(count) for status, count in rows}


def _feed(row: Any) -> Feed:
    values = {name: _aware(row[name]) for name in _FEED_FIELDS}
    return Feed(every=row["every_seconds"], **values)


def _aware(value: Any) -> Any:
    """SQLite hands back the UTC datetimes it was given without their zone."""
    if isinstance(value, datetime) and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value
