"""What a runner hands over, and to what: coded articles, rejections and the ``Sink`` contract.

A runner codes documents; a sink keeps what comes out: the store (``dyads.jobs.sinks``) or a
Parquet dataset (``dyads.jobs.dataset``). Runners know only this module, so no runner imports
the store and the store imports no runner; a job (``dyads.jobs``) wires the two together.

- ``coded_article(result)``: the one way a pipeline's result becomes a ``CodedArticle``;
- ``Sink``: ``stored(ids)`` (which documents it already holds: the one batched "already
  stored" check every runner asks), ``write(items, documents=...)``, shard completion
  markers, ``close()``;
- ``SinkSpec``: a sink's picklable description, opened where the work runs (a Dask worker);
- ``skip_stored(...)``: the inputs a sink does not hold yet, asked a chunk at a time;
- ``DocumentMeta`` (what a sink keeps of a document besides its text) and ``BatchResult``
  (what a write did).

Exceptions::

    DyadsError
    └── PipelineError
        └── NotAnArticle     a pipeline produced something a sink cannot keep
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from typing import Any, Protocol

from dyads.errors import PipelineError
from dyads.records import Article, CodedArticle, Document, Rejection

logger = logging.getLogger(__name__)


class NotAnArticle(PipelineError):
    """A pipeline's result is neither a coded article nor a clean article."""


def coded_article(result: object) -> CodedArticle:
    """``result`` as a sink keeps it: a pipeline that stops at cleaning gives an ``Article``,
    kept without events."""
    if isinstance(result, CodedArticle):
        return result
    if isinstance(result, Article):
        return CodedArticle(article=result)
    raise NotAnArticle(f"the pipeline produced {type(result).__name__}, not an article")


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentMeta:
    """What the documents table keeps of a document: everything but its text."""

    id: str
    source: str
    media_type: str
    encoding: str
    url: str | None
    fetched_at: datetime | None
    bytes: int

    @classmethod
    def of(cls, document: Document) -> DocumentMeta:
        return cls(
            id=document.id,
            source=document.source,
            media_type=str(document.media_type),
            encoding=document.encoding,
            url=document.url,
            fetched_at=document.fetched_at,
            bytes=len(document.text.encode("utf-8")),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class BatchResult:
    """What one batch (or, summed, a whole run) did to a sink."""

    stored: int = 0  # documents stored with their article
    skipped: int = 0  # documents (or article ids) already stored
    joined: int = 0  # articles that joined an existing story (exact or near duplicate)
    stories: int = 0  # new stories
    events_new: int = 0
    events_merged: int = 0  # reports that joined a canonical event
    unasserted: int = 0  # negated or hypothetical events, not stored
    rejected: tuple[tuple[str, int], ...] = ()  # (stage, count), sorted by stage

    def __add__(self, other: BatchResult) -> BatchResult:
        by_stage = Counter(dict(self.rejected))
        by_stage.update(dict(other.rejected))
        return BatchResult(
            stored=self.stored + other.stored,
            skipped=self.skipped + other.skipped,
            joined=self.joined + other.joined,
            stories=self.stories + other.stories,
            events_new=self.events_new + other.events_new,
            events_merged=self.events_merged + other.events_merged,
            unasserted=self.unasserted + other.unasserted,
            rejected=tuple(sorted(by_stage.items())),
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "stored": self.stored,
            "skipped": self.skipped,
            "joined": self.joined,
            "stories": self.stories,
            "events_new": self.events_new,
            "events_merged": self.events_merged,
            "unasserted": self.unasserted,
            "rejected": dict(self.rejected),
        }


Item = CodedArticle | Rejection


class Sink(Protocol):
    """Where coded articles and rejections go. Writes are idempotent by content hash."""

    def stored(self, document_ids: Collection[str]) -> set[str]:
        """Which of ``document_ids`` the sink already holds (one query for all of them)."""
        ...

    def write(
        self, items: Sequence[Item], *, documents: Mapping[str, Document | DocumentMeta]
    ) -> BatchResult:
        """Keep ``items`` (one transaction for a store); ``documents`` add document details."""
        ...

    def done_shards(self) -> frozenset[str]:
        """Ids of the shards whose results are complete here."""
        ...

    def finish_shard(self, *, shard_id: str, source: str, stats: Mapping[str, int]) -> None:
        """Mark a shard complete, after every write of it has committed."""
        ...

    def close(self) -> None: ...


class SinkSpec(Protocol):
    """A sink's description: small, picklable, opened into a sink where the work runs."""

    def open(self) -> Sink: ...


def skip_stored(
    items: Iterable[Document | Rejection],
    *,
    stored: Callable[[Collection[str]], set[str]],
    chunk: int,
    on_read: Callable[[int], None] | None = None,
    on_skip: Callable[[Document], None] | None = None,
) -> Iterator[Document | Rejection]:
    """``items`` without the documents ``stored`` says are held, asked ``chunk`` at a time.

    ``on_read`` hears how many items each chunk read; ``on_skip`` hears each skipped document.
    """
    iterator = iter(items)
    while block := list(islice(iterator, chunk)):
        if on_read is not None:
            on_read(len(block))
        held = stored([item.id for item in block if isinstance(item, Document)])
        for item in block:
            if isinstance(item, Document) and item.id in held:
                logger.debug("%s is already stored", item.source)
                if on_skip is not None:
                    on_skip(item)
                continue
            yield item
