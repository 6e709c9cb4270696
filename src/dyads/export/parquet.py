"""Events as Parquet through pyarrow: a typed schema, actors as ``list<struct>``.

Rows are converted and written in batches (one row group per batch), so an export of any
size holds at most one batch in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from dyads.export.fields import Fields, stored_event_fields
from dyads.export.options import DEFAULT_OPTIONS, ExportOptions

if TYPE_CHECKING:
    from dyads.store.results import StoredEvent

# Rows per row group. 10,000 events make a row group of a few MB (most of it evidence
# sentences): large enough for good column compression, small enough that the batch held
# in memory while it is converted stays far below a worker's memory.
BATCH_ROWS = 10_000


def _struct_types() -> tuple[Any, Any, Any]:
    """The pyarrow types of an actor, a place and an evidence sentence."""
    import pyarrow as pa

    codes = [("cown", pa.int32()), ("gwn", pa.int32()), ("fips", pa.string())]
    actor = pa.struct(
        [(name, pa.string()) for name in ("name", "text", "country", "sector", "title")]
        + [*codes, ("cameo", pa.string())]
    )
    place = pa.struct(
        [
            ("name", pa.string()),
            ("country", pa.string()),
            ("lat", pa.float64()),
            ("lon", pa.float64()),
            ("geonameid", pa.int64()),
            ("kind", pa.string()),
            *codes,
        ]
    )
    evidence = pa.struct(
        [
            ("sentence", pa.string()),
            ("paragraph", pa.int32()),
            ("sentence_index", pa.int32()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("article_id", pa.string()),
        ]
    )
    return actor, place, evidence


def parquet_schema() -> Any:
    """The pyarrow schema of an event export."""
    import pyarrow as pa

    actor, place, evidence = _struct_types()
    return pa.schema(
        [
            pa.field("id", pa.string(), nullable=False),
            pa.field("article_id", pa.string(), nullable=False),
            ("date", pa.date32()),
            ("date_method", pa.string()),
            pa.field("event", pa.string(), nullable=False),
            ("mode", pa.string()),
            ("contexts", pa.list_(pa.string())),
            ("actors", pa.list_(actor)),
            ("recipients", pa.list_(actor)),
            ("place", place),
            ("evidence", pa.list_(evidence)),
            ("cameo", pa.string()),
            ("quad", pa.int8()),
            ("goldstein", pa.float64()),
            ("confidence", pa.float64()),
            ("num_mentions", pa.int32()),
            ("num_articles", pa.int32()),
            ("num_sources", pa.int32()),
            ("url", pa.string()),
            ("title", pa.string()),
            ("site", pa.string()),
            ("added", pa.timestamp("us", tz="UTC")),
            ("tone", pa.float64()),
        ]
    )


def _evidence(evidence: Fields, article_id: str) -> dict[str, Any]:
    """An evidence struct: the sentence's article is the event's when not given."""
    keys = ("sentence", "paragraph", "sentence_index", "start", "end")
    return {
        **{key: evidence[key] for key in keys},
        "article_id": evidence["article_id"] or article_id,
    }


def parquet_row(stored: StoredEvent) -> dict[str, Any]:
    """One event as a mapping that matches ``parquet_schema``."""
    fields = stored_event_fields(stored)
    added = fields["added"]
    if added is not None and added.tzinfo is None:
        added = added.replace(tzinfo=UTC)
    row = {name: fields[name] for name in _PLAIN_COLUMNS}
    row["evidence"] = [_evidence(e, fields["article_id"]) for e in fields["evidence"]]
    row["added"] = added
    return row


# Columns whose value is the field of the same name as it is (``actors``: name, text,
# country, sector, title, the COW, Gleditsch-Ward and FIPS codes and the CAMEO actor code;
# ``place``: with the geonames id, kind and the country's codes).
_PLAIN_COLUMNS = (
    "id",
    "article_id",
    "date",
    "date_method",
    "event",
    "mode",
    "contexts",
    "actors",
    "recipients",
    "place",
    "cameo",
    "quad",
    "goldstein",
    "confidence",
    "num_mentions",
    "num_articles",
    "num_sources",
    "url",
    "title",
    "site",
    "tone",
)


def _batches(events: Iterable[StoredEvent], size: int) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(events)
    while batch := [parquet_row(s) for s in islice(iterator, size)]:
        yield batch


def write_parquet(
    events: Iterable[StoredEvent], *, path: Path, batch_rows: int = BATCH_ROWS
) -> int:
    """Write events to a Parquet file at ``path``; return the number of rows."""
    with path.open("wb") as stream:
        return write_parquet_stream(events, stream=stream, batch_rows=batch_rows)


def write_parquet_stream(
    events: Iterable[StoredEvent],
    *,
    stream: BinaryIO,
    batch_rows: int = BATCH_ROWS,
    options: ExportOptions = DEFAULT_OPTIONS,
) -> int:
    """Write events as a Parquet file to the binary ``stream``; return the number of rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    count = 0
    with pq.ParquetWriter(stream, schema) as writer:
        for batch in _batches(events, batch_rows):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
        if count == 0:  # an empty export is still a valid file with the schema
            writer.write_table(schema.empty_table())
    return count
