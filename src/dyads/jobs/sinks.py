"""The store as a sink: ``StoreWriter`` behind the ``dyads.sink.Sink`` contract, for one run."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from dyads.records import CodedArticle, Document, Rejection
from dyads.sink import BatchResult, DocumentMeta
from dyads.store.writer import StoreWriter


class StoreSink:
    """Writes into the store for the run ``run_id``; shard markers are rows of the store."""

    def __init__(self, writer: StoreWriter, *, run_id: str, owns_engine: bool = False) -> None:
        self.writer = writer
        self.run_id = run_id
        self._owns_engine = owns_engine

    def stored(self, document_ids: Collection[str]) -> set[str]:
        return self.writer.stored_documents(list(document_ids))

    def write(
        self,
        items: Sequence[CodedArticle | Rejection],
        *,
        documents: Mapping[str, Document | DocumentMeta],
    ) -> BatchResult:
        return self.writer.write_batch(items, run_id=self.run_id, documents_by_id=documents)

    def done_shards(self) -> frozenset[str]:
        return self.writer.done_shards()

    def finish_shard(self, *, shard_id: str, source: str, stats: Mapping[str, int]) -> None:
        self.writer.mark_shard(shard_id=shard_id, source=source, run_id=self.run_id, stats=stats)

    def close(self) -> None:
        if self._owns_engine:
            self.writer.engine.dispose()


@dataclass(frozen=True, slots=True, kw_only=True)
class StoreSinkSpec:
    """The store at ``db_url`` (already migrated by the job), as a worker opens it."""

    db_url: str
    run_id: str

    def open(self) -> StoreSink:
        from dyads.store.engine import open_store

        engine = open_store(self.db_url, migrate=False)
        return StoreSink(StoreWriter(engine), run_id=self.run_id, owns_engine=True)
