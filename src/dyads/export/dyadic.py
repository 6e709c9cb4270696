"""Events as a long dyadic CSV: one row per (actor, recipient) pair of each event.

The shape of directed-dyad data sets (COW's dyadic files, ICEWS dyads): an event with two
actors and three recipients gives six rows, in actor order, then recipient order; an event
with no recipient gives one row per actor with empty recipient columns (and one with no
actor one row per recipient with empty actor columns), so every event has a row. Every row
of an event repeats its event columns, so ``event_id`` is not unique: count events with
``nunique(event_id)``.

Each side has its ISO-3 ``country``, PLOVER ``sector``, ``name``, and its Correlates of War
(``cown``) and Gleditsch-Ward (``gwn``) numbers, empty for an actor without one (an IGO).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TextIO

from dyads.export.csv import cell, write_rows
from dyads.export.fields import Fields, stored_event_fields
from dyads.export.options import DEFAULT_OPTIONS, ExportOptions

if TYPE_CHECKING:
    from dyads.store.results import StoredEvent

SIDE_KEYS = ("country", "sector", "name", "cown", "gwn")

DYADIC_COLUMNS: tuple[str, ...] = (
    "event_id",
    "date",
    "event",
    "mode",
    "cameo",
    "quad",
    "goldstein",
    "confidence",
    *(f"actor_{key}" for key in SIDE_KEYS),
    *(f"recipient_{key}" for key in SIDE_KEYS),
    "num_mentions",
    "num_sources",
    "url",
)


def _side(actor: Fields | None) -> list[str]:
    return [""] * len(SIDE_KEYS) if actor is None else [cell(actor[k]) for k in SIDE_KEYS]


def _pairs(fields: Fields) -> Iterator[tuple[Fields | None, Fields | None]]:
    actors: list[Fields | None] = list(fields["actors"]) or [None]
    recipients: list[Fields | None] = list(fields["recipients"]) or [None]
    for actor in actors:
        for recipient in recipients:
            yield actor, recipient


def dyadic_rows(stored: StoredEvent) -> list[list[str]]:
    """The rows of one event, in ``DYADIC_COLUMNS`` order."""
    fields = stored_event_fields(stored)
    head = [
        fields["id"],
        cell(fields["date"]),
        fields["event"],
        cell(fields["mode"]),
        cell(fields["cameo"]),
        cell(fields["quad"]),
        cell(fields["goldstein"]),
        f"{fields['confidence']:.3f}",
    ]
    tail = [str(fields["num_mentions"]), str(fields["num_sources"]), cell(fields["url"])]
    return [[*head, *_side(a), *_side(r), *tail] for a, r in _pairs(fields)]


def write_dyadic(
    events: Iterable[StoredEvent], *, stream: TextIO, options: ExportOptions = DEFAULT_OPTIONS
) -> int:
    """Write a header and every event's rows to ``stream``; return the number of events."""
    return write_rows(events, stream=stream, columns=DYADIC_COLUMNS, rows=dyadic_rows)
