"""``POST /documents``: one coded document into the store, recorded as a run of its own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyads.jobs.sinks import StoreSink
from dyads.records import CodedArticle, Document
from dyads.sink import BatchResult
from dyads.store.writer import StoreWriter

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine


def store_posted(
    engine: Engine, *, item: CodedArticle, document: Document, key_name: str
) -> BatchResult:
    """Store ``item`` coded from ``document``; the run names the API key that posted it."""
    writer = StoreWriter(engine)
    run_id = writer.start_run(command="POST /documents", inputs=[document.source], settings={})
    result = StoreSink(writer, run_id=run_id).write([item], documents={document.id: document})
    writer.finish_run(run_id, stats={"key": key_name, **result.as_dict()})
    return result
