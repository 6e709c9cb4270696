"""Write coded articles and rejections to the store, one transaction per batch.

Every write is idempotent: a document already stored is skipped whole, ids are content
hashes, and counts are recomputed from the rows rather than incremented. Items are written
in the order given and each sees what the items before it wrote, so the outcome does not
depend on where batches begin and end, nor on whether a run was stopped and resumed.
"""

from __future__ import annotations

import logging
import uuid
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from dyads.dedup.articles import fingerprint
from dyads.errors import StoreError
from dyads.records import CodedArticle, Document, Rejection, content_id
from dyads.sink import BatchResult, DocumentMeta
from dyads.store.engine import IMMEDIATE, lock_for_write, mask_secrets
from dyads.store.events import EventWrites, refresh_events, write_events
from dyads.store.schema import (
    articles,
    boilerplate_blocks,
    documents,
    rejections,
    runs,
    shard_markers,
)
from dyads.store.sql import insert_ignore
from dyads.store.stories import add_bands, create_story, find_story, refresh_stories
from dyads.store.write_rows import article_row, boilerplate_rows, document_row

logger = logging.getLogger(__name__)

__all__ = ["BatchResult", "StoreWriter", "rejection_id"]  # BatchResult: ``dyads.sink``'s


@dataclass(slots=True, kw_only=True)
class _Tally:
    stored: int = 0
    skipped: int = 0
    joined: int = 0
    stories: int = 0
    events: EventWrites = field(default_factory=EventWrites)
    stories_touched: set[str] = field(default_factory=set)
    rejected: Counter[str] = field(default_factory=Counter)

    def events_add(self, writes: EventWrites) -> None:
        self.events.new += writes.new
        self.events.merged += writes.merged
        self.events.unasserted += writes.unasserted
        self.events.touched |= writes.touched

    def result(self) -> BatchResult:
        return BatchResult(
            stored=self.stored,
            skipped=self.skipped,
            joined=self.joined,
            stories=self.stories,
            events_new=self.events.new,
            events_merged=self.events.merged,
            unasserted=self.events.unasserted,
            rejected=tuple(sorted(self.rejected.items())),
        )


def rejection_id(rejection: Rejection) -> str:
    return content_id(
        "|".join(
            (
                rejection.source,
                rejection.stage,
                rejection.error,
                rejection.message,
                rejection.document_id or "",
            )
        )
    )


class StoreWriter:
    """Writes batches into the store behind ``engine`` (see ``dyads.store.open_store``)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def stored_documents(self, ids: Sequence[str]) -> set[str]:
        """Which of ``ids`` are already stored: a caller may skip them before coding."""
        if not ids:
            return set()
        with self.engine.connect() as conn:
            rows = conn.execute(select(documents.c.id).where(documents.c.id.in_(set(ids))))
            return {row.id for row in rows}

    def write_batch(
        self,
        items: Sequence[CodedArticle | Rejection],
        *,
        run_id: str,
        documents_by_id: Mapping[str, Document | DocumentMeta] | None = None,
    ) -> BatchResult:
        """Write ``items`` in one transaction; ``documents_by_id`` adds document details."""
        try:
            with self.engine.connect() as conn:
                conn.execution_options(**{IMMEDIATE: True})
                with conn.begin():
                    lock_for_write(conn)
                    return self._write(conn, items, run_id, documents_by_id or {})
        except SQLAlchemyError as exc:
            raise StoreError(f"the store refused a batch of {len(items)} items: {exc}") from exc

    def _write(
        self,
        conn: Connection,
        items: Sequence[CodedArticle | Rejection],
        run_id: str,
        documents_by_id: Mapping[str, Document | DocumentMeta],
    ) -> BatchResult:
        tally = _Tally()
        now = datetime.now(UTC)
        seen = _already_stored(conn, items)
        for item in items:
            if isinstance(item, Rejection):
                tally.rejected[item.stage] += 1
                insert_ignore(conn, rejections, [_rejection_row(item, run_id)])
                continue
            article = item.article
            if article.document_id in seen or article.id in seen:
                tally.skipped += 1
                continue
            seen.update((article.document_id, article.id))
            document = documents_by_id.get(article.document_id)
            insert_ignore(conn, documents, [document_row(article, document, run_id=run_id)])
            story_id = self._store_article(conn, item, tally)
            tally.events_add(write_events(conn, article, item.events, story_id=story_id, now=now))
        refresh_stories(conn, tally.stories_touched)
        refresh_events(conn, tally.events.touched)
        return tally.result()

    def _store_article(self, conn: Connection, item: CodedArticle, tally: _Tally) -> str:
        article = item.article
        fp = fingerprint(article.body)
        story_id = find_story(conn, fp)
        if story_id is None:
            story_id = create_story(conn, article)
            tally.stories += 1
        else:
            tally.joined += 1
        tally.stored += 1
        tally.stories_touched.add(story_id)
        row = article_row(
            article, story_id=story_id, body_hash=fp.body_hash, signature=fp.signature
        )
        insert_ignore(conn, articles, [row])
        insert_ignore(conn, boilerplate_blocks, boilerplate_rows(article))
        add_bands(conn, article_id=article.id, story_id=story_id, fp=fp)
        return story_id

    def done_shards(self) -> frozenset[str]:
        """Ids of the shards of distributed runs whose results are all stored."""
        with self.engine.connect() as conn:
            return frozenset(conn.execute(select(shard_markers.c.id)).scalars())

    def mark_shard(
        self, *, shard_id: str, source: str, run_id: str, stats: Mapping[str, Any]
    ) -> None:
        """Record a shard as done; call it after every batch of the shard has committed."""
        row = {
            "id": shard_id,
            "source": source,
            "run_id": run_id,
            "completed_at": datetime.now(UTC),
            "stats": dict(stats),
        }
        with self.engine.begin() as conn:
            insert_ignore(conn, shard_markers, [row])

    def start_run(self, *, command: str, inputs: Sequence[str], settings: Mapping[str, Any]) -> str:
        """Record a run and return its id (random: two runs of one command are two runs).

        A password in any URL among ``settings`` or ``inputs`` is stored masked."""
        run_id = uuid.uuid4().hex
        row = {
            "id": run_id,
            "started_at": datetime.now(UTC),
            "finished_at": None,
            "command": command,
            "inputs": mask_secrets(list(inputs)),
            "settings": mask_secrets(dict(settings)),
            "stats": {},
        }
        with self.engine.connect() as conn:
            conn.execution_options(**{IMMEDIATE: True})
            with conn.begin():
                conn.execute(runs.insert(), [row])
        return run_id

    def finish_run(self, run_id: str, *, stats: Mapping[str, Any]) -> None:
        with self.engine.connect() as conn:
            conn.execution_options(**{IMMEDIATE: True})
            with conn.begin():
                conn.execute(
                    update(runs)
                    .where(runs.c.id == run_id)
                    .values(finished_at=datetime.now(UTC), stats=dict(stats))
                )


def _already_stored(conn: Connection, items: Sequence[CodedArticle | Rejection]) -> set[str]:
    """Document ids and article ids of ``items`` that the store already holds."""
    doc_ids = {i.article.document_id for i in items if isinstance(i, CodedArticle)}
    art_ids = {i.article.id for i in items if isinstance(i, CodedArticle)}
    found = set()
    if doc_ids:
        found |= set(
            conn.execute(select(documents.c.id).where(documents.c.id.in_(doc_ids))).scalars()
        )
    if art_ids:
        found |= set(
            conn.execute(select(articles.c.id).where(articles.c.id.in_(art_ids))).scalars()
        )
    return found


def _rejection_row(rejection: Rejection, run_id: str) -> dict[str, Any]:
    return {
        "id": rejection_id(rejection),
        "run_id": run_id,
        "source": rejection.source,
        "stage": rejection.stage,
        "error": rejection.error,
        "message": rejection.message,
        "document_id": rejection.document_id,
    }
