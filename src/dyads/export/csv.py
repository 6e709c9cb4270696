"""Events as CSV: one row per canonical event, lists joined with ``;``.

Columns are flat so a spreadsheet or ``pandas.read_csv`` reads them without help: the
actors' names, countries and sectors are three parallel ``;``-joined columns (the i-th name
goes with the i-th country), and the evidence is the first mention's sentence.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

from dyads.records import ActorRef

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
)


def _joined(values: Iterable[str | None]) -> str:
    return LIST_SEPARATOR.join(v or "" for v in values)


def _actor_cells(actors: tuple[ActorRef, ...]) -> tuple[str, str, str]:
    return (
        _joined(a.name for a in actors),
        _joined(a.country for a in actors),
        _joined(a.sector for a in actors),
    )


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def csv_row(stored: StoredEvent) -> tuple[str, ...]:
    """The cells of one event, in ``CSV_COLUMNS`` order."""
    event = stored.event
    place = event.place
    evidence = event.evidence[0].sentence if event.evidence else ""
    return (
        event.id,
        _cell(event.date),
        event.date_method,
        event.event,
        _cell(event.mode),
        _joined(event.contexts),
        *_actor_cells(event.actors),
        *_actor_cells(event.recipients),
        "" if place is None else place.name,
        "" if place is None else _cell(place.country),
        "" if place is None else _cell(place.lat),
        "" if place is None else _cell(place.lon),
        _cell(event.cameo),
        _cell(event.quad),
        _cell(event.goldstein),
        f"{event.confidence:.3f}",
        str(stored.num_mentions),
        str(stored.num_articles),
        str(stored.num_sources),
        event.article_id,
        _cell(stored.url),
        evidence,
    )


def write_csv(events: Iterable[StoredEvent], *, stream: TextIO) -> int:
    """Write a header and one row per event to ``stream``; return the number of rows."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    count = 0
    for stored in events:
        writer.writerow(csv_row(stored))
        count += 1
    return count
