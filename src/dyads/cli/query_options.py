"""Options shared by the commands that read the store: ``--db`` and the event filters.

Only argparse is imported at module level; the store is opened inside ``run``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from dyads.store.filters import EventFilter


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def confidence(text: str) -> float:
    try:
        value = float(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from exc
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, not {value}")
    return value


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        default=None,
        help="store URL (default: $DYADS_DB, else sqlite:///dyads.db)",
    )


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--actor", metavar="ISO3", help="an actor is of this country (or IGO)")
    parser.add_argument("--recipient", metavar="ISO3", help="a recipient is of this country")
    parser.add_argument(
        "--between",
        nargs=2,
        metavar=("A", "B"),
        help="A acts on B, B on A, or both act together with no recipient",
    )
    parser.add_argument("--type", metavar="T", help="PLOVER event type, e.g. CONSULT")
    parser.add_argument("--since", type=iso_date, metavar="D", help="events on or after D")
    parser.add_argument("--until", type=iso_date, metavar="D", help="events on or before D")
    parser.add_argument(
        "--text", metavar="WORDS", help="words in an article reporting the event or its sentence"
    )
    parser.add_argument(
        "--min-confidence",
        type=confidence,
        metavar="C",
        help="events the coder is at least this confident of (0 to 1)",
    )


def event_filter(
    args: argparse.Namespace, *, limit: int | None = None, cursor: str | None = None
) -> EventFilter:
    """The ``EventFilter`` of the parsed filter options, with a page size and cursor."""
    from dataclasses import replace

    from dyads.store.filters import EventFilter

    between = None if args.between is None else (args.between[0], args.between[1])
    flt = EventFilter(
        actor=args.actor,
        recipient=args.recipient,
        between=between,
        type=args.type,
        since=args.since,
        until=args.until,
        text=args.text,
        min_confidence=args.min_confidence,
        cursor=cursor,
    )
    return flt if limit is None else replace(flt, limit=limit)


def db_url(args: argparse.Namespace) -> str:
    if args.db:
        return str(args.db)
    from dyads.settings import Settings

    return Settings().db


@contextmanager
def opened_db(args: argparse.Namespace) -> Iterator[Engine]:
    """The store named by ``--db``, ``$DYADS_DB`` or the default, opened and migrated;
    its connections are closed when the block ends."""
    from dyads.store import open_store

    engine = open_store(db_url(args))
    try:
        yield engine
    finally:
        engine.dispose()


def fail(message: str) -> int:
    """One line on stderr; the exit status of a command that could not answer."""
    from dyads.cli.common import USAGE

    sys.stderr.write(f"dyads: {message}\n")
    return USAGE
