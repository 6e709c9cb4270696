"""``dyads events``: list stored events, filtered, as a table, CSV or JSON Lines."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any

from dyads.cli.parser import add_db_option
from dyads.cli.query_options import add_filter_options, positive

if TYPE_CHECKING:
    from dyads.records import ActorRef
    from dyads.store.results import StoredEvent

# Characters of the evidence sentence a table row shows: enough to recognise the sentence,
# short enough that a row stays on one or two lines of a terminal.
EVIDENCE_PREVIEW = 60
# Width of the table when stdout is a file or a pipe (a terminal gives its own width): one
# event per line for typical rows, as a log or ``less -S`` shows it.
PIPE_WIDTH = 160


def add_parser(sub: Any) -> None:
    parser = sub.add_parser(
        "events",
        help="list stored events (filter by country, dyad, type, date, text)",
        description="List canonical events from the store, newest first.",
    )
    add_db_option(parser)
    add_filter_options(parser)
    parser.add_argument("--limit", type=positive, default=50, metavar="N", help="at most N events")
    parser.add_argument("--cursor", help="continue after the page that printed this cursor")
    from dyads.export.formats import TEXT_FORMATS

    parser.add_argument(
        "--format",
        choices=("table", *TEXT_FORMATS),
        default="table",
        help="table: readable; or an export format written to standard output",
    )
    from dyads.cli.export import add_export_options

    add_export_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from dyads.cli.common import OK
    from dyads.cli.query_options import fail, opened_db
    from dyads.errors import StoreError

    try:
        with opened_db(args) as engine:
            items, next_cursor = _fetch(engine, args)
            _print(items, args)
    except StoreError as exc:
        return fail(str(exc))
    if next_cursor:
        sys.stderr.write(f"dyads: more events: --cursor {next_cursor}\n")
    return OK


def _print(items: Iterable[StoredEvent], args: argparse.Namespace) -> None:
    if args.format == "table":
        print_table(list(items))
        return
    from dyads.cli.export import export_options
    from dyads.export.formats import export_format

    export_format(args.format).write_to(items, stream=sys.stdout, options=export_options(args))


def _fetch(engine: Any, args: argparse.Namespace) -> tuple[Iterable[StoredEvent], str | None]:
    """A page (with its next cursor) when ``--limit`` fits one page; else a stream."""
    from dyads.cli.query_options import event_filter
    from dyads.store.filters import MAX_LIMIT
    from dyads.store.query import iter_events, query_events

    if args.limit <= MAX_LIMIT:
        page = query_events(engine, filter=event_filter(args, limit=args.limit, cursor=args.cursor))
        return page.items, page.next_cursor
    stream: Iterator[StoredEvent] = iter_events(
        engine, filter=event_filter(args, cursor=args.cursor)
    )
    return islice(stream, args.limit), None


def actor_list(actors: tuple[ActorRef, ...]) -> str:
    """``TUR GOV, NATO``: each actor's country and sector codes, short enough for a table
    cell; an organisation (code IGO, NGO, ...) or an actor with no codes shows its name. The
    full names are in the other formats."""
    parts = []
    for actor in actors:
        if actor.country in _ORGANISATION_CODES or not (actor.country or actor.sector):
            label = actor.name
        else:
            label = " ".join(c for c in (actor.country, actor.sector) if c)
        if label not in parts:
            parts.append(label)
    return ", ".join(parts)


# country codes that name a kind of organisation rather than a state
_ORGANISATION_CODES = frozenset({"IGO", "NGO", "IMG", "MNC"})


def preview(sentence: str, width: int = EVIDENCE_PREVIEW) -> str:
    sentence = " ".join(sentence.split())
    return sentence if len(sentence) <= width else sentence[: width - 1].rstrip() + "…"


def table_row(stored: StoredEvent) -> tuple[str, ...]:
    event = stored.event
    place = "" if event.place is None else event.place.name
    evidence = preview(event.evidence[0].sentence) if event.evidence else ""
    return (
        "" if event.date is None else event.date.isoformat(),
        event.event,
        event.mode or "",
        actor_list(event.actors),
        actor_list(event.recipients),
        place,
        "" if event.quad is None else str(event.quad),
        "" if event.goldstein is None else f"{event.goldstein:+.1f}",
        f"{stored.num_mentions}/{stored.num_articles}/{stored.num_sources}",
        evidence,
    )


def print_table(items: list[StoredEvent]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(header_style="bold")
    for name in ("date", "event", "mode", "actors", "recipients", "place", "quad", "gold."):
        table.add_column(name, no_wrap=name in ("date", "event", "quad", "gold."))
    table.add_column("m/a/s", justify="right", no_wrap=True)
    table.add_column("evidence", min_width=EVIDENCE_PREVIEW // 2)
    for stored in items:
        table.add_row(*table_row(stored))
    console = Console(file=sys.stdout, width=None if sys.stdout.isatty() else PIPE_WIDTH)
    console.print(table)
    console.print(f"{len(items)} event{'s' if len(items) != 1 else ''}", style="dim")
