"""``dyads eval events --gold FILE``: score the event coder on gold sentences."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dyads.coding.evaluate import EvalReport


def add_parser(sub: Any) -> None:
    parser = sub.add_parser(
        "eval",
        help="score a stage on gold data (events: PLOVER type, actor and recipient countries)",
        description="Score dyads on evaluation data.",
    )
    kinds = parser.add_subparsers(dest="what", metavar="WHAT", required=True)
    events = kinds.add_parser(
        "events",
        help="event type accuracy, per-type P/R/F1, macro-F1, confusion, country F1",
        description=(
            "Code each gold sentence as a one-paragraph article and compare its top event "
            "with the gold event. FILE is PLOVER gold JSONL (text + expected) or CAMEO code "
            "JSONL (example sentences, labelled through the CAMEO-to-PLOVER table). These "
            "sets check type decisions, so every event the coder finds is scored, whatever "
            "its confidence ($DYADS_MIN_CONFIDENCE is for whole articles: dyads eval articles)."
        ),
    )
    events.add_argument("--gold", required=True, metavar="FILE", help="gold JSONL file")
    events.add_argument(
        "--limit", type=int, default=None, metavar="N", help="score only the first N records"
    )
    events.add_argument(
        "--errors", action="store_true", help="also list the sentences coded wrongly"
    )
    events.set_defaults(run=run)
    from dyads.cli import eval_articles

    eval_articles.add_parser(kinds)


def run(args: argparse.Namespace) -> int:
    from itertools import islice
    from pathlib import Path

    from dyads.cli.common import OK, USAGE
    from dyads.coding.evaluate import evaluate, read_gold, sentence_coder
    from dyads.errors import DyadsError

    path = Path(args.gold)
    if not path.is_file():
        sys.stderr.write(f"dyads: {path}: no such file\n")
        return USAGE
    coder = sentence_coder()
    try:
        golds = list(islice(read_gold(path), args.limit))
        report = evaluate(golds, code=lambda article: coder.process(article).events)
    except DyadsError as exc:
        sys.stderr.write(f"dyads: {path}: {type(exc).__name__}: {exc}\n")
        return USAGE
    write_report(report, errors=args.errors)
    return OK


def write_report(report: EvalReport, *, errors: bool = False) -> None:
    from collections import Counter

    from rich.console import Console
    from rich.table import Table

    from dyads.coding.evaluate import NONE
    from dyads.coding.lexicon import EVENT_TYPES

    console = Console()
    scores = Table(title=f"event types ({report.sentences} sentences)")
    for column in ("type", "precision", "recall", "F1", "support"):
        scores.add_column(column, justify="right" if column != "type" else "left")
    predicted = {label for row in report.confusion.values() for label in row}
    for label, s in report.per_type.items():
        if label not in report.macro_types and label not in predicted:
            continue  # neither in the gold nor coded: a row of zeros says nothing
        scores.add_row(
            label, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", str(s.support)
        )
    console.print(scores)
    seen = set(report.confusion) | {p for row in report.confusion.values() for p in row}
    labels = [t for t in EVENT_TYPES if t in seen] + [NONE]
    matrix = Table(title="confusion (rows: gold, columns: predicted)")
    matrix.add_column("gold")
    for label in labels:
        matrix.add_column(label[:4], justify="right")
    for gold in (label for label in labels[:-1] if label in report.confusion):
        row = report.confusion.get(gold) or Counter()
        matrix.add_row(gold, *(str(row.get(p, 0) or "") for p in labels))
    console.print(matrix)
    types = len(report.macro_types)
    console.print(
        f"accuracy {report.accuracy:.3f}   macro-F1 {report.macro_f1:.3f} "
        f"(mean F1 over the {types} event type{'s' if types != 1 else ''} present in the gold)"
    )
    if report.actor_f1 is not None:
        console.print(
            f"actor country F1 {report.actor_f1:.3f}   "
            f"recipient country F1 {(report.recipient_f1 or 0.0):.3f}"
        )
    if errors:
        for p in report.predictions:
            if p.event != p.gold.event:
                console.print(f"{p.gold.id}: gold {p.gold.event} coded {p.event}: {p.gold.text}")
