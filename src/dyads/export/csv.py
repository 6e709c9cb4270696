"""Events as CSV: one row per canonical event, lists joined with ``;``.

Columns are flat so a spreadsheet or ``pandas.read_csv`` reads them without help: the
actors' names, countries and sectors are three parallel ``;``-joined columns (the i-th name
goes with the i-th country), and the evidence is the first mention's sentence.

After the evidence come the columns added since, so that a reader that picks columns by
position keeps working: each side's Correlates of War number (``actor_cown``),
Gleditsch-Ward number (``actor_gwn``) and FIPS 10-4 code (``actor_fips``), ``;``-joined in
the order of ``actor_countries`` (an empty item for an actor without one, such as an IGO),
and the first article's ``tone`` (-10..+10).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, TextIO

from dyads.export.fields import CODE_FIELDS, Fields, stored_event_fields
from dyads.export.options import DEFAULT_OPTIONS, ExportOptions

if TYPE_CHECKING:
    from dyads.store.results import StoredEvent

LIST_SEPARATOR = ";"

CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "date",
    "date_method",
    "event",
    "mode",
    "contexts",
    "actor_names",
    "actor_countries",
    "actor_sectors",
    "recipient_names",
    "recipient_countries",
    "recipient_sectors",
    "place",
    "place_country",
    "lat",
    "lon",
    "cameo",
    "quad",
    "goldstein",
    "confidence",
    "num_mentions",
    "num_articles",
    "num_sources",
    "article_id",
    "url",
    "evidence",
    "actor_cown",
    "actor_gwn",
    "actor_fips",
    "recipient_cown",
    "recipient_gwn",
    "recipient_fips",
    "tone",
)


def _joined(values: Iterable[str | None]) -> str:
    return LIST_SEPARATOR.join(v or "" for v in values)


def _actor_cells(actors: list[Fields]) -> tuple[str, str, str]:
    return (
        _joined(a["name"] for a in actors),
        _joined(a["country"] for a in actors),
        _joined(a["sector"] for a in actors),
    )


def _code_cells(actors: list[Fields]) -> tuple[str, ...]:
    """``cown``, ``gwn`` and ``fips`` of every actor, each ``;``-joined."""
    return tuple(_joined(cell(a[key]) for a in actors) for key in CODE_FIELDS)


def cell(value: object) -> str:
    """A CSV cell: empty for None."""
    return "" if value is None else str(value)


def csv_row(stored: StoredEvent) -> tuple[str, ...]:
    """The cells of one event, in ``CSV_COLUMNS`` order."""
    return fields_row(stored_event_fields(stored))


def fields_row(fields: Fields) -> tuple[str, ...]:
    """The cells of an event's fields (``dyads.export.fields``), in ``CSV_COLUMNS`` order."""
    place = fields["place"] or {}
    evidence = fields["evidence"][0]["sentence"] if fields["evidence"] else ""
    return (
        fields["id"],
        cell(fields["date"]),
        fields["date_method"],
        fields["event"],
        cell(fields["mode"]),
        _joined(fields["contexts"]),
        *_actor_cells(fields["actors"]),
        *_actor_cells(fields["recipients"]),
        place.get("name", ""),
        cell(place.get("country")),
        cell(place.get("lat")),
        cell(place.get("lon")),
        cell(fields["cameo"]),
        cell(fields["quad"]),
        cell(fields["goldstein"]),
        f"{fields['confidence']:.3f}",
        str(fields["num_mentions"]),
        str(fields["num_articles"]),
        str(fields["num_sources"]),
        fields["article_id"],
        cell(fields["url"]),
        evidence,
        *_code_cells(fields["actors"]),
        *_code_cells(fields["recipients"]),
        cell(fields["tone"]),
    )


def write_csv(
    events: Iterable[StoredEvent], *, stream: TextIO, options: ExportOptions = DEFAULT_OPTIONS
) -> int:
    """Write a header and one row per event to ``stream``; return the number of rows."""
    return write_rows(events, stream=stream, columns=CSV_COLUMNS, rows=lambda s: (csv_row(s),))


def write_rows(
    events: Iterable[StoredEvent],
    *,
    stream: TextIO,
    columns: Sequence[str],
    rows: Callable[[StoredEvent], Iterable[Sequence[str]]],
) -> int:
    """Write ``columns`` as a header, then ``rows(event)`` of every event; return the number
    of events."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(columns)
    count = 0
    for stored in events:
        writer.writerows(rows(stored))
        count += 1
    return count
