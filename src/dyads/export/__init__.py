"""Writers of articles and events in the formats dyads speaks.

Every writer takes an iterable of ``StoredEvent`` and streams it: an export holds one event
(Parquet: one row group) in memory at a time.

=========  ==========================================  ===============================
format     module                                      what a reader gets
=========  ==========================================  ===============================
csv        ``dyads.export.csv``                        one row per event, lists ";"-joined
jsonl      ``dyads.export.jsonl``                      ``dyads events --format jsonl``
parquet    ``dyads.export.parquet``                    typed columns, actors list<struct>
plover     ``dyads.export.plover``                     PLOVER JSON records, one a line
gdelt      ``dyads.export.gdelt``                      GDELT 2.0 event table (61 columns)
=========  ==========================================  ===============================
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dyads.store.results import StoredEvent

EXPORT_FORMATS: tuple[str, ...] = ("csv", "jsonl", "parquet", "plover", "gdelt")


def export_events(events: Iterable[StoredEvent], *, format: str, path: Path) -> int:
    """Write ``events`` to ``path`` in ``format``; return how many were written."""
    from dyads.export.csv import write_csv
    from dyads.export.gdelt import write_gdelt
    from dyads.export.jsonl import write_jsonl
    from dyads.export.parquet import write_parquet
    from dyads.export.plover import write_plover

    if format == "parquet":
        return write_parquet(events, path=path)
    text_writers = {
        "csv": write_csv,
        "jsonl": write_jsonl,
        "plover": write_plover,
        "gdelt": write_gdelt,
    }
    if format not in text_writers:
        raise ValueError(f"unknown export format {format!r}; one of {', '.join(EXPORT_FORMATS)}")
    # newline="" so the csv module's own line endings are written as they are
    with path.open("w", encoding="utf-8", newline="") as stream:
        return text_writers[format](events, stream=stream)
