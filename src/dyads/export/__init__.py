"""Writers of events in the formats dyads speaks, and the one table of them.

Every writer takes an iterable of ``StoredEvent`` and streams it: an export holds one event
(Parquet: one row group) in memory at a time. Every writer reads an event through
``dyads.export.fields``, the one mapping from a stored event to plain fields.

=========  ==========================================  ===============================
format     module                                      what a reader gets
=========  ==========================================  ===============================
csv        ``dyads.export.csv``                        one row per event, lists ";"-joined
jsonl      ``dyads.export.jsonl``                      ``dyads events --format jsonl``
parquet    ``dyads.export.parquet``                    typed columns, actors list<struct>
plover     ``dyads.export.plover``                     PLOVER JSON records, one a line
gdelt      ``dyads.export.gdelt``                      GDELT 2.0 event table (61 columns)
dyadic     ``dyads.export.dyadic``                     one row per actor-recipient pair
=========  ==========================================  ===============================

What a writer may be asked beyond its format (FIPS codes in the GDELT table's geography
columns) is an ``ExportOptions`` record (``dyads.export.options``) every writer takes.

``dyads.export.formats.FORMATS`` says which writer, media type and file suffix each has.
"""

from __future__ import annotations

from dyads.export.formats import FORMATS, export_events

EXPORT_FORMATS: tuple[str, ...] = tuple(FORMATS)

__all__ = ["EXPORT_FORMATS", "FORMATS", "export_events"]
