"""``dyads load DIR``: the Parquet dataset a ``--out`` run wrote, into the store."""

from __future__ import annotations

from itertools import islice
from typing import TYPE_CHECKING

from dyads.jobs.dataset import read_dataset
from dyads.jobs.sinks import StoreSink
from dyads.records import CodedArticle, Rejection
from dyads.sink import BatchResult
from dyads.store.writer import StoreWriter

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from dyads.runner.deliver import Progress


def load_dataset(
    out_dir: str, *, engine: Engine, batch_size: int = 50, progress: Progress | None = None
) -> BatchResult:
    """Import the shards of ``out_dir``; what is already stored is skipped by the writer."""
    writer = StoreWriter(engine)
    run_id = writer.start_run(command="dyads load", inputs=[out_dir], settings={})
    sink = StoreSink(writer, run_id=run_id)
    total = BatchResult()
    records = read_dataset(out_dir)
    while chunk := list(islice(records, batch_size)):
        batch: list[CodedArticle | Rejection] = [item for item, _ in chunk]
        result = sink.write(batch, documents={meta.id: meta for _, meta in chunk if meta})
        total += result
        if progress is not None:
            progress(len(batch), result)
    writer.finish_run(run_id, stats=total.as_dict())
    return total
