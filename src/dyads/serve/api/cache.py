"""Answers of list and aggregate reads, reused until the store changes.

The store is append-only: every write that adds or merges events stores a new document (or
records a rejection), so the number of documents and rejections is a version of the whole
store. Each request reads that version (two index-only counts; on SQLite two seeks to the
last rowid) and reuses an answer computed at the same version; any write makes every older
answer unreachable. A reused answer is therefore exactly what the query would return now.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from dyads.errors import StoreError

T = TypeVar("T")

# Answers kept: a page of 50 events is ~60 kB of objects, so 256 entries stay under ~16 MB,
# and cover the dyads and filters a team of analysts is looking at in a session.
DEFAULT_ENTRIES = 256


def store_version(engine: Engine) -> tuple[int, int]:
    """How many documents and rejections the store holds, or on SQLite the highest rowid
    of each (the same thing in an append-only table, read from the end of its b-tree
    instead of counting every row)."""
    last = "coalesce(max(rowid), 0)" if engine.dialect.name == "sqlite" else "count(*)"
    query = f"SELECT (SELECT {last} FROM documents), (SELECT {last} FROM rejections)"
    # One statement needs no transaction around it: the driver's own connection, without
    # SQLAlchemy's begin and rollback, reads it in a fifth of the time (every request
    # pays it, cached or not).
    # The driver's own errors are raised as SQLAlchemy's (OperationalError, ...), as they
    # would be through a Connection, so that the API tells a lost database (503) apart.
    driver_error = engine.dialect.loaded_dbapi.Error
    try:
        connection = engine.raw_connection()
        try:
            cursor = connection.cursor()
            cursor.execute(query)
            row = cursor.fetchone()
            cursor.close()
        finally:
            connection.close()  # back to the pool
    except driver_error as exc:
        raise DBAPIError.instance(query, None, exc, driver_error) from exc
    if row is None:  # two scalar subqueries give one row, always
        raise StoreError("the store's version query returned no row")
    docs, rejected = row
    return int(docs), int(rejected)


class ReadCache:
    """A thread-safe LRU of answers keyed by request and store version (0 entries: off)."""

    def __init__(self, *, entries: int = DEFAULT_ENTRIES) -> None:
        self.entries = entries
        self._answers: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, engine: Engine, key: Hashable, compute: Callable[[], T]) -> T:
        return self.lookup(engine, key, compute)[0]

    def lookup(self, engine: Engine, key: Hashable, compute: Callable[[], T]) -> tuple[T, bool]:
        """The answer for ``key``, and whether it was reused (False: just computed)."""
        if self.entries <= 0:
            return compute(), False
        full_key = (key, store_version(engine))
        with self._lock:
            if full_key in self._answers:
                self._answers.move_to_end(full_key)
                self.hits += 1
                return self._answers[full_key], True  # type: ignore[return-value]
        answer = compute()  # outside the lock: other requests go on meanwhile
        with self._lock:
            self.misses += 1
            self._answers[full_key] = answer
            while len(self._answers) > self.entries:
                self._answers.popitem(last=False)
        return answer, False
