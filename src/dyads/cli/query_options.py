"""Options shared by the commands that read the store: ``--db`` and the event filters.

Only argparse is imported at module level; the store is opened inside ``run``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from dyads.cli.values import actor_code, event_type, since_date, until_date

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from dyads.store.filters import EventFilter


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


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--actor", type=actor_code, metavar="CODE", help="an actor is of this country (or IGO)"
    )
    parser.add_argument(
        "--recipient", type=actor_code, metavar="CODE", help="a recipient is of this country"
    )
    parser.add_argument(
        "--between",
        nargs=2,
        type=actor_code,
        metavar=("A", "B"),
        help="A acts on B, B on A, or both act together with no recipient",
    )
    parser.add_argument(
        "--type", type=event_type, metavar="TYPE", help="PLOVER event type, e.g. CONSULT"
    )
    add_date_options(parser)
    parser.add_argument(
        "--text", metavar="WORDS", help="words in an article reporting the event or its sentence"
    )
    parser.add_argument(
        "--min-confidence",
        type=confidence,
        metavar="C",
        help="events the coder is at least this confident of (0 to 1)",
    )


def add_date_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--since",
        type=since_date,
        metavar="DATE",
        help="events on or after DATE: YYYY-MM-DD, or YYYY-MM or YYYY from its first day",
    )
    parser.add_argument(
        "--until",
        type=until_date,
        metavar="DATE",
        help="events on or before DATE: YYYY-MM-DD, or YYYY-MM or YYYY through its last day",
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
    its connections are closed when the block ends. A store that does not exist is an
    error: only the commands that write create one."""
    from dyads.store.engine import open_store_checked

    engine = open_store_checked(db_url(args), must_exist=True)
    try:
        yield engine
    finally:
        engine.dispose()


def fail(message: str) -> int:
    """One line on stderr; the exit status of a command that could not answer."""
    from dyads.cli.common import USAGE

    sys.stderr.write(f"dyads: {message}\n")
    return USAGE
