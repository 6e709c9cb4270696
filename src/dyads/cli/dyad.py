"""``dyads dyad A B``: events between two countries per period, with a chart in the terminal.

Each period gets its counts per quad class, the mean Goldstein score and a bar whose length
is the period's total and whose segments are its quad classes (verbal cooperation, material
cooperation, verbal conflict, material conflict); a sparkline of totals heads the table.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from dyads.cli.parser import add_db_option
from dyads.cli.query_options import add_date_options
from dyads.cli.values import actor_code

if TYPE_CHECKING:
    from dyads.store.results import DyadPeriod

SPARK = "▁▂▃▄▅▆▇█"
# One glyph and colour per quad class, so the bar reads without colour too.
QUAD_GLYPHS = (("█", "green"), ("▓", "cyan"), ("▒", "yellow"), ("░", "red"))
QUAD_NAMES = ("verbal coop", "material coop", "verbal conflict", "material conflict")
BAR_WIDTH = 24  # cells of the longest bar: fits beside the numbers in an 80-column terminal


def add_parser(sub: Any) -> None:
    parser = sub.add_parser(
        "dyad",
        help="events between two countries over time (either direction)",
        description=(
            "Counts per quad class and mean Goldstein per period, with a chart: events where"
            " either country acts on the other, and their joint actions (both acting, with no"
            " recipient)."
        ),
    )
    parser.add_argument("a", metavar="A", type=actor_code, help="ISO-3 code, e.g. TUR")
    parser.add_argument("b", metavar="B", type=actor_code, help="ISO-3 code, e.g. KAZ")
    parser.add_argument(
        "--by", choices=("day", "week", "month", "year"), default="month", help="length of a period"
    )
    add_date_options(parser)
    parser.add_argument(
        "--format",
        choices=("table", "csv"),
        default="table",
        help="table: counts with a chart; csv: one line per period, empty ones too",
    )
    add_db_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from dyads.cli.common import OK
    from dyads.cli.query_options import fail, opened_db
    from dyads.errors import StoreError
    from dyads.store.query import dyad_series

    try:
        with opened_db(args) as engine:
            series = dyad_series(
                engine, args.a, args.b, by=args.by, since=args.since, until=args.until
            )
    except StoreError as exc:
        return fail(str(exc))
    if args.format == "csv":
        write_series_csv(series, a=args.a.upper(), b=args.b.upper(), stream=sys.stdout)
    else:
        print_series(series, title=f"{args.a.upper()} ↔ {args.b.upper()} by {args.by}")
    return OK


SERIES_COLUMNS = (
    "country_a",
    "country_b",
    "period",
    "start",
    "quad1",
    "quad2",
    "quad3",
    "quad4",
    "events",
    "goldstein_mean",
)


def write_series_csv(series: Sequence[DyadPeriod], *, a: str, b: str, stream: Any) -> None:
    """A header and one line per period (a quiet period is a line of zeros), the pair in
    the order given."""
    import csv

    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(SERIES_COLUMNS)
    for p in series:
        mean = "" if p.goldstein_mean is None else p.goldstein_mean
        writer.writerow((a, b, p.period, p.start.isoformat(), *p.counts, p.total, mean))


def sparkline(values: Sequence[int]) -> str:
    """One block character per value, its height proportional to the value."""
    top = max(values, default=0)
    if top == 0:
        return SPARK[0] * len(values)
    return "".join(SPARK[round(v / top * (len(SPARK) - 1))] for v in values)


def bar_segments(counts: Sequence[int], *, scale: int, width: int = BAR_WIDTH) -> list[int]:
    """Cells per quad class of a bar: ``sum(counts)/scale`` of ``width``, every non-zero
    class at least one cell, so a single material-conflict event never disappears."""
    if scale <= 0:
        return [0] * len(counts)
    cells = [max(1, round(c / scale * width)) if c else 0 for c in counts]
    while sum(cells) > width and max(cells) > 1:
        cells[cells.index(max(cells))] -= 1
    return cells


def print_series(series: Sequence[DyadPeriod], *, title: str) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=sys.stdout)
    if not series:
        console.print(f"{title}: no dated events")
        return
    console.print(f"{title}  {sparkline([p.total for p in series])}")
    table = Table(header_style="bold")
    table.add_column("period", no_wrap=True)
    for name in ("q1", "q2", "q3", "q4", "total", "goldstein"):
        table.add_column(name, justify="right", no_wrap=True, min_width=len(name))
    table.add_column("chart", no_wrap=True)
    scale = max(p.total for p in series)
    for period in series:
        bar = Text()
        for (glyph, style), cells in zip(
            QUAD_GLYPHS, bar_segments(period.counts, scale=scale), strict=True
        ):
            bar.append(glyph * cells, style=style)
        mean = "" if period.goldstein_mean is None else f"{period.goldstein_mean:+.2f}"
        table.add_row(period.period, *map(str, period.counts), str(period.total), mean, bar)
    console.print(table)
    legend = Text()
    for number, ((glyph, style), name) in enumerate(zip(QUAD_GLYPHS, QUAD_NAMES, strict=True), 1):
        legend.append(f"{glyph} q{number} {name}  ", style=style)
    console.print(legend)
