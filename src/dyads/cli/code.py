"""``dyads code PATH...``: PLOVER events from raw pages, as JSON Lines or a table."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from dyads.cli.query_options import confidence

# Characters of the evidence sentence a table row shows: enough to recognise the sentence.
EVIDENCE_PREVIEW = 70


def add_parser(sub: Any) -> None:
    parser = sub.add_parser(
        "code",
        help="code PLOVER events from raw pages (text dumps, HTML, JSONL, WARC)",
        description=(
            "Clean each page and code the political events its article reports: who did what "
            "to whom, when and where, with the sentences that say so.\n\n"
            "An event's id is the one dyads run gives it in the store, but for an event the "
            "store merges into one it already holds (another report of the same happening, "
            "in this article or an earlier one): the store lists that report under the "
            "earlier event's id."
        ),
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, globs or -")
    parser.add_argument(
        "--format",
        choices=("jsonl", "table"),
        default="jsonl",
        help="jsonl: one event a line; table: a readable table",
    )
    parser.add_argument(
        "--min-confidence",
        type=confidence,
        default=None,
        metavar="X",
        help=(
            "emit only events with at least this confidence, 0 to 1 (default: "
            "$DYADS_MIN_CONFIDENCE, else 0.2; 0 emits every event)"
        ),
    )
    parser.add_argument(
        "--dropped",
        action="store_true",
        help=(
            "also print on stderr every candidate event left out, with its reason (a question, "
            "background, no party of a known country, negated, under the confidence floor...)"
        ),
    )
    parser.add_argument(
        "--progress",
        choices=("auto", "always", "never"),
        default="auto",
        help="progress bar on stderr; auto: when stderr is a terminal and there are many inputs",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from dyads.cli.common import (
        OK,
        SOME_INPUTS_FAILED,
        article_results,
        empty_folders,
        with_empty_folders,
    )
    from dyads.export.jsonable import event_to_dict
    from dyads.registry import CODE
    from dyads.settings import Settings

    empty = empty_folders(args.paths)
    if args.dropped:
        _print_dropped()
    settings = Settings()
    if args.min_confidence is not None:
        settings = settings.model_copy(update={"min_confidence": args.min_confidence})
    failed = False
    rows: list[dict[str, Any]] = []
    for outcome in article_results(
        args.paths, settings=settings, stages=CODE, progress=args.progress
    ):
        if outcome is None:
            failed = True
            continue
        for event in outcome.events:
            record = event_to_dict(event)
            if args.format == "jsonl":
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                rows.append(record)
    if args.format == "table":
        _write_table(rows)
    return with_empty_folders(SOME_INPUTS_FAILED if failed else OK, empty)


def _print_dropped() -> None:
    import logging

    from dyads.coding.dropped import LOGGER

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("dropped: %(message)s"))
    LOGGER.addHandler(handler)
    LOGGER.setLevel(logging.DEBUG)
    LOGGER.propagate = False  # printed once, whatever -v sets up


def _parties(refs: list[dict[str, Any]]) -> str:
    return ", ".join(
        f"{r['name']} ({r['country'] or '?'}{'/' + r['sector'] if r['sector'] else ''})"
        for r in refs
    )


def _write_table(rows: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=True)
    for column in ("date", "event", "actors", "recipients", "place", "evidence"):
        table.add_column(column)
    for row in rows:
        event = row["event"] + (f"/{row['mode']}" if row["mode"] else "")
        sentence = row["evidence"][0]["sentence"] if row["evidence"] else ""
        if len(sentence) > EVIDENCE_PREVIEW:
            sentence = sentence[: EVIDENCE_PREVIEW - 1] + "…"
        more = len(row["evidence"]) - 1
        table.add_row(
            row["date"] or "",
            f"{event}\n{row['cameo'] or ''} q{row['quad'] or '?'} {row['confidence']}",
            _parties(row["actors"]),
            _parties(row["recipients"]),
            (row["place"] or {}).get("name") or "",
            sentence + (f"\n(+{more} more)" if more > 0 else ""),
        )
    Console().print(table)
