"""A Parquet dataset of coded shards, a sink: what ``dyads run --out DIR`` writes and
``dyads load`` imports.

Layout::

    DIR/shards/<shard id>.parquet   one row per coded article or rejection
    DIR/_done/<shard id>            completion marker, written after the Parquet file is in place

Columns: ``kind`` ("article" | "rejection"), ``source``, ``document_id``, ``events`` (number of
events), ``payload`` (the record as JSON, through ``dyads.codec``, so nothing is lost) and
``document`` (what the store keeps of the input document, as JSON; null for a rejection).

``ParquetSink`` is the dataset as a ``dyads.sink.Sink``: it gathers a shard's results and
writes them, then the shard's marker, when the shard is finished. It holds no store, so it
skips nothing; ``dyads load`` skips what the store already holds.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from dyads.codec import dumps, loads
from dyads.records import CodedArticle, Document, Rejection
from dyads.sink import BatchResult, DocumentMeta

SHARDS = "shards"
DONE = "_done"


def write_shard(
    out_dir: str,
    *,
    shard_id: str,
    items: Sequence[CodedArticle | Rejection],
    documents: Sequence[DocumentMeta] = (),
) -> Path:
    """Write one shard's results, then its completion marker; returns the Parquet path."""
    by_id = {meta.id: meta for meta in documents}
    import pyarrow as pa
    import pyarrow.parquet as pq

    root = Path(out_dir)
    (root / SHARDS).mkdir(parents=True, exist_ok=True)
    (root / DONE).mkdir(parents=True, exist_ok=True)
    table = pa.table(
        {
            "kind": pa.array([_kind(item) for item in items], pa.string()),
            "source": pa.array([_source(item) for item in items], pa.string()),
            "document_id": pa.array([_document_id(item) for item in items], pa.string()),
            "events": pa.array([_events(item) for item in items], pa.int32()),
            "payload": pa.array([dumps(item) for item in items], pa.large_string()),
            "document": pa.array([_meta(item, by_id) for item in items], pa.string()),
        }
    )
    final = root / SHARDS / f"{shard_id}.parquet"
    partial = final.with_suffix(".parquet.partial")
    pq.write_table(table, partial, compression="zstd")
    os.replace(partial, final)  # atomic: a reader never sees half a shard
    (root / DONE / shard_id).write_text("done\n", encoding="utf-8")
    return final


def done_shards(out_dir: str) -> frozenset[str]:
    """Ids of the shards whose results are complete in ``out_dir``."""
    markers = Path(out_dir) / DONE
    if not markers.is_dir():
        return frozenset()
    return frozenset(path.name for path in markers.iterdir())


def read_dataset(
    out_dir: str,
) -> Iterator[tuple[CodedArticle | Rejection, DocumentMeta | None]]:
    """Every record of every completed shard (with its document's details), shard by shard."""
    import pyarrow.parquet as pq

    root = Path(out_dir)
    for shard_id in sorted(done_shards(out_dir)):
        path = root / SHARDS / f"{shard_id}.parquet"
        if not path.exists():
            continue
        table = pq.read_table(path, columns=["kind", "payload", "document"])
        columns = (table.column(name).to_pylist() for name in ("kind", "payload", "document"))
        for kind, payload, document in zip(*columns, strict=True):
            meta = loads(DocumentMeta, document) if document else None
            if kind == "rejection":
                yield loads(Rejection, payload), meta
            else:
                yield loads(CodedArticle, payload), meta


class ParquetSink:
    """A ``Sink`` that writes each finished shard into the dataset at ``out_dir``."""

    def __init__(self, out_dir: str) -> None:
        self.out_dir = out_dir
        self._items: list[CodedArticle | Rejection] = []
        self._documents: dict[str, DocumentMeta] = {}

    def stored(self, document_ids: Collection[str]) -> set[str]:
        return set()

    def write(
        self,
        items: Sequence[CodedArticle | Rejection],
        *,
        documents: Mapping[str, Document | DocumentMeta],
    ) -> BatchResult:
        """Gather ``items`` for the shard; nothing is stored until ``finish_shard``."""
        self._items.extend(items)
        for key, document in documents.items():
            meta = DocumentMeta.of(document) if isinstance(document, Document) else document
            self._documents[key] = meta
        return BatchResult()

    def done_shards(self) -> frozenset[str]:
        return done_shards(self.out_dir)

    def finish_shard(self, *, shard_id: str, source: str, stats: Mapping[str, int]) -> None:
        metas = list(self._documents.values())
        write_shard(self.out_dir, shard_id=shard_id, items=self._items, documents=metas)
        self._items, self._documents = [], {}

    def close(self) -> None:
        self._items, self._documents = [], {}


@dataclass(frozen=True, slots=True, kw_only=True)
class ParquetSinkSpec:
    """The dataset at ``out_dir``, as a worker opens it."""

    out_dir: str

    def open(self) -> ParquetSink:
        return ParquetSink(self.out_dir)


def _meta(item: CodedArticle | Rejection, by_id: dict[str, DocumentMeta]) -> str | None:
    if isinstance(item, Rejection):
        return None
    meta = by_id.get(item.article.document_id)
    return dumps(meta) if meta is not None else None


def _kind(item: CodedArticle | Rejection) -> str:
    return "rejection" if isinstance(item, Rejection) else "article"


def _source(item: CodedArticle | Rejection) -> str:
    return item.source if isinstance(item, Rejection) else item.article.source


def _document_id(item: CodedArticle | Rejection) -> str | None:
    return item.document_id if isinstance(item, Rejection) else item.article.document_id


def _events(item: CodedArticle | Rejection) -> int:
    return 0 if isinstance(item, Rejection) else len(item.events)
