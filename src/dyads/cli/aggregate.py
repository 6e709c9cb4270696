"""``dyads aggregate``: event counts per country or dyad and period, as a table, CSV or
Parquet, counted in the database (``dyads.store.aggregate`` says what a row counts)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyads.cli.parser import add_db_option
from dyads.cli.query_options import add_filter_options

if TYPE_CHECKING:
    from dyads.store.aggregate import AggregateOptions, AggregateRow

FORMATS = ("table", "csv", "parquet")
# Event types a table row names, most frequent first: enough to see what a period was made
# of; the CSV and Parquet outputs have a column per type.
TABLE_TYPES = 3

DESCRIPTION = """\
Count the dated events the filters select per country or dyad and per period: events per
PLOVER type and quad class, mean and summed Goldstein score, evidence sentences (mentions) and
distinct reporting sites (sources). A period with no events has no row; undated events are
left out.

--by country: an event counts once for each distinct country among its actors and its
recipients (--side actor or --side recipient: one side only), so the rows of a period add up
to more than its events. --by dyad --directed: once for each (actor country, recipient
country) pair; events with no recipient are left out. --by dyad --undirected: once for each
unordered pair, joint actions ("Japan and South Korea agreed") included, as 'dyads dyad'
counts. Codes are ISO-3, and IGO/NGO/IMG for bodies of no one state (rows of their own).
The filters choose events, which then count for every country or pair they involve:
--actor TUR gives rows for Turkey and for the other countries of Turkey's events.
"""


def add_parser(sub: Any) -> None:
    parser = sub.add_parser(
        "aggregate",
        help="event counts per country or dyad and period (table, CSV, Parquet)",
        description=DESCRIPTION,
    )
    parser.add_argument(
        "--by", choices=("country", "dyad"), default="country", help="row key (default country)"
    )
    parser.add_argument(
        "--period",
        choices=("day", "week", "month", "year"),
        default="month",
        help="period of a row; weeks are ISO weeks (default month)",
    )
    direction = parser.add_mutually_exclusive_group()
    direction.add_argument(
        "--directed",
        dest="directed",
        action="store_true",
        default=True,
        help="with --by dyad: actor -> recipient pairs (default)",
    )
    direction.add_argument(
        "--undirected",
        dest="directed",
        action="store_false",
        help="with --by dyad: unordered pairs, joint actions included (default: directed)",
    )
    parser.add_argument(
        "--side",
        choices=("any", "actor", "recipient"),
        default="any",
        help="with --by country: the side of an event a country counts on (default any)",
    )
    parser.add_argument(
        "--format", choices=FORMATS, default="table", help="a readable table, CSV or Parquet"
    )
    parser.add_argument(
        "--out",
        metavar="FILE",
        default="-",
        help="file to write ('-': standard output, for table and csv; parquet needs a file)",
    )
    add_db_option(parser)
    add_filter_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from dyads.cli.common import OK
    from dyads.cli.query_options import event_filter, fail, opened_db
    from dyads.errors import StoreError
    from dyads.store.aggregate import AggregateOptions, aggregate_events

    if args.format == "parquet" and args.out == "-":
        return fail("--format parquet needs --out FILE")
    try:
        options = AggregateOptions(
            by=args.by, period=args.period, directed=args.directed, side=args.side
        )
        with opened_db(args) as engine:
            rows = aggregate_events(engine, options=options, filter=event_filter(args))
        write_rows(rows, options=options, format=args.format, out=args.out)
    except StoreError as exc:
        return fail(str(exc))
    except OSError as exc:
        return fail(f"cannot write {args.out}: {exc.strerror or exc}")
    if args.out != "-":
        sys.stderr.write(f"dyads: wrote {len(rows)} row(s) to {args.out} ({args.format})\n")
    return OK


def write_rows(
    rows: Sequence[AggregateRow], *, options: AggregateOptions, format: str, out: str
) -> None:
    if format == "parquet":
        write_parquet(rows, options=options, path=Path(out))
        return
    if out == "-":
        _write_text(rows, options=options, format=format, stream=sys.stdout)
        return
    with Path(out).open("w", encoding="utf-8", newline="") as stream:
        _write_text(rows, options=options, format=format, stream=stream)


def _write_text(
    rows: Sequence[AggregateRow], *, options: AggregateOptions, format: str, stream: Any
) -> None:
    if format == "csv":
        write_csv(rows, options=options, stream=stream)
    else:
        print_table(rows, options=options, stream=stream)


def write_csv(rows: Sequence[AggregateRow], *, options: AggregateOptions, stream: Any) -> None:
    """A header and one line per row; an empty cell where there is no Goldstein mean."""
    import csv

    from dyads.store.aggregate import aggregate_columns, aggregate_record

    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(aggregate_columns(options))
    for row in rows:
        writer.writerow("" if v is None else v for v in aggregate_record(row))


def write_parquet(rows: Sequence[AggregateRow], *, options: AggregateOptions, path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from dyads.store.aggregate import aggregate_columns, aggregate_record

    columns = aggregate_columns(options)
    key_count = len(options.key_columns)
    fields = [pa.field(name, pa.string()) for name in columns[: key_count + 1]]
    fields.append(pa.field("start", pa.date32()))
    fields += [pa.field(name, pa.int64()) for name in columns[key_count + 2 : -4]]
    fields += [pa.field(name, pa.float64()) for name in ("goldstein_mean", "goldstein_sum")]
    fields += [pa.field(name, pa.int64()) for name in ("mentions", "sources")]
    schema = pa.schema(fields)
    records = [dict(zip(columns, aggregate_record(row), strict=True)) for row in rows]
    pq.write_table(pa.Table.from_pylist(records, schema=schema), str(path))


def type_summary(row: AggregateRow) -> str:
    """``CONSULT 3, AGREE 1``: the most frequent event types of a row."""
    from dyads.coding.lexicon import EVENT_TYPES
    from dyads.store.aggregate import OTHER_TYPE

    names = (*EVENT_TYPES, OTHER_TYPE)
    ranked = sorted((-n, name) for name, n in zip(names, row.types, strict=True) if n)
    shown = [f"{name} {-n}" for n, name in ranked[:TABLE_TYPES]]
    return ", ".join(shown) + (", …" if len(ranked) > TABLE_TYPES else "")


def print_table(rows: Sequence[AggregateRow], *, options: AggregateOptions, stream: Any) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(header_style="bold")
    for name in (*options.key_columns, "period"):
        table.add_column(name, no_wrap=True)
    for name in ("events", "q1", "q2", "q3", "q4", "gold. mean", "gold. sum", "sources"):
        table.add_column(name, justify="right", no_wrap=True)
    table.add_column("types")
    for row in rows:
        mean = "" if row.goldstein_mean is None else f"{row.goldstein_mean:+.2f}"
        numbers = (row.events, *row.quads)
        table.add_row(
            *row.key,
            row.period,
            *map(str, numbers),
            mean,
            f"{row.goldstein_sum:+.1f}",
            str(row.sources),
            type_summary(row),
        )
    console = Console(file=stream, width=None if stream.isatty() else 160)
    console.print(table)
    console.print(f"{len(rows)} row{'s' if len(rows) != 1 else ''}", style="dim")
