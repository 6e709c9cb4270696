"""The one table of export formats: name -> writer, media type, file suffix, text or binary.

``dyads export --format``, ``dyads events --format`` (the text formats), ``GET /events?format=``
and ``export_events`` all read ``FORMATS``. A new format is a writer module in this package
and one entry here.

Exceptions::

    ValueError
    └── UnknownExportFormat     a format name that is not in ``FORMATS``
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TextIO

from dyads.export.csv import write_csv
from dyads.export.dyadic import write_dyadic
from dyads.export.gdelt import write_gdelt
from dyads.export.jsonl import write_jsonl
from dyads.export.options import DEFAULT_OPTIONS, ExportOptions
from dyads.export.parquet import write_parquet_stream
from dyads.export.plover import write_plover

if TYPE_CHECKING:
    from dyads.store.results import StoredEvent

# Every writer is called as write(events, *, stream, options: ExportOptions) -> rows written
TextWriter = Callable[..., int]  # stream: TextIO
BinaryWriter = Callable[..., int]  # stream: BinaryIO


class UnknownExportFormat(ValueError):
    """A format name that is not in ``FORMATS``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ExportFormat:
    name: str
    write: TextWriter | BinaryWriter  # called as write(events, stream=..., options=...)
    media_type: str
    suffix: str  # of a file in this format, with the dot
    binary: bool  # the writer takes a binary stream (else text, UTF-8)
    summary: str  # what a reader gets, for help texts

    def write_to(
        self,
        events: Iterable[StoredEvent],
        *,
        stream: TextIO | BinaryIO,
        options: ExportOptions = DEFAULT_OPTIONS,
    ) -> int:
        """Write ``events`` to ``stream`` (binary or text, as ``binary`` says)."""
        return int(self.write(events, stream=stream, options=options))


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat(
            name="csv",
            write=write_csv,
            media_type="text/csv",
            suffix=".csv",
            binary=False,
            summary="one row per event, lists ';'-joined",
        ),
        ExportFormat(
            name="jsonl",
            write=write_jsonl,
            media_type="application/x-ndjson",
            suffix=".jsonl",
            binary=False,
            summary="one JSON object per event, the fields of 'dyads code'",
        ),
        ExportFormat(
            name="parquet",
            write=write_parquet_stream,
            media_type="application/vnd.apache.parquet",
            suffix=".parquet",
            binary=True,
            summary="typed columns, actors as list<struct>",
        ),
        ExportFormat(
            name="plover",
            write=write_plover,
            media_type="application/x-ndjson",
            suffix=".jsonl",
            binary=False,
            summary="PLOVER JSON records, one a line",
        ),
        ExportFormat(
            name="gdelt",
            write=write_gdelt,
            media_type="text/tab-separated-values",
            suffix=".tsv",
            binary=False,
            summary="GDELT 2.0 event table (61 tab-separated columns, ISO-3 codes;"
            " --country-codes fips for GDELT's geography codes)",
        ),
        ExportFormat(
            name="dyadic",
            write=write_dyadic,
            media_type="text/csv",
            suffix=".csv",
            binary=False,
            summary="one row per actor-recipient pair of each event, with COW/GW codes",
        ),
    )
}

TEXT_FORMATS: tuple[str, ...] = tuple(name for name, f in FORMATS.items() if not f.binary)


def export_format(name: str) -> ExportFormat:
    if name not in FORMATS:
        known = ", ".join(FORMATS)
        raise UnknownExportFormat(f"unknown export format {name!r}; one of {known}")
    return FORMATS[name]


def export_events(
    events: Iterable[StoredEvent],
    *,
    format: str,
    path: Path,
    options: ExportOptions = DEFAULT_OPTIONS,
) -> int:
    """Write ``events`` to ``path`` in ``format``; return how many were written."""
    chosen = export_format(format)
    if chosen.binary:
        with path.open("wb") as binary:
            return chosen.write_to(events, stream=binary, options=options)
    # newline="" so the csv module's own line endings are written as they are
    with path.open("w", encoding="utf-8", newline="") as text:
        return chosen.write_to(events, stream=text, options=options)


def help_text() -> str:
    """``name: summary`` of every format, for a command's help."""
    return "; ".join(f"{f.name}: {f.summary}" for f in FORMATS.values())
