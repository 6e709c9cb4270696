"""``dyads eval articles --gold FILE``: score the coder on whole articles coded by hand."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dyads.coding.articles_eval import GoldArticle, ScoredEvent
    from dyads.coding.articles_report import ArticleReport
    from dyads.coding.causes import Causes
    from dyads.coding.dropped import DroppedCandidate

# Characters of an evidence sentence shown in the lists of misses and false events.
PREVIEW = 110


def add_parser(kinds: Any) -> None:
    parser = kinds.add_parser(
        "articles",
        help="whole-article precision, recall, F1, core recall and false events",
        description=(
            "Code every article of a whole-article gold file (its texts are read from the JSONL "
            "files it names, in --news) and score the events against the gold: precision, "
            "recall and F1 per matching variant (the 'evidence' variant is the headline: type, "
            "a country and the sentence must match), recall of the core events, false events "
            "on the articles that report none, per-type figures, date agreement and the "
            "calibration of the confidence."
        ),
    )
    parser.add_argument("--gold", required=True, metavar="FILE", help="whole-article gold JSONL")
    parser.add_argument(
        "--news",
        metavar="DIR",
        default=None,
        help="folder of the news JSONL files the gold names (default: ../news beside FILE)",
    )
    parser.add_argument(
        "--min-confidence",
        type=float,
        default=0.0,
        metavar="X",
        help=(
            "score only events with at least this confidence (default: 0, every event the "
            "coder emits; it emits from $DYADS_MIN_CONFIDENCE, else 0.2)"
        ),
    )
    parser.add_argument(
        "--details", action="store_true", help="list the missed gold events and the false events"
    )
    parser.add_argument(
        "--causes",
        action="store_true",
        help=(
            "count the misses and false events by cause (wrong type, wrong parties, left out "
            "by a rule and which, no event word read, ...)"
        ),
    )
    parser.add_argument(
        "--pred-out", metavar="FILE", default=None, help="also write the predictions as JSONL"
    )
    parser.add_argument(
        "--json", metavar="FILE", default=None, help="also write the figures as JSON"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from dyads.cli.common import OK, USAGE
    from dyads.coding.articles_eval import read_gold_articles
    from dyads.coding.articles_report import score_articles
    from dyads.errors import DyadsError

    gold_path = Path(args.gold)
    news = Path(args.news) if args.news else gold_path.resolve().parent.parent / "news"
    if not gold_path.is_file():
        sys.stderr.write(f"dyads: {gold_path}: no such file\n")
        return USAGE
    from dyads.coding.dropped import Collector

    try:
        gold = list(read_gold_articles(gold_path))
        with Collector() if args.causes else nullcontext() as collected:
            predictions = code_gold_articles(gold, news=news, min_confidence=args.min_confidence)
    except (DyadsError, OSError) as exc:
        sys.stderr.write(f"dyads: {gold_path}: {type(exc).__name__}: {exc}\n")
        return USAGE
    report = score_articles(gold, predictions)
    causes = None
    if isinstance(collected, Collector):
        causes = count_causes(report, gold=gold, predictions=predictions, dropped=collected.dropped)
    write_report(report, details=args.details, causes=causes)
    figures = report_dict(report)
    if causes is not None:
        write_causes(causes)
        figures["causes"] = {"misses": causes.misses, "false_events": causes.false_events}
    if args.pred_out:
        _write_predictions(Path(args.pred_out), gold, predictions)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return OK


def code_gold_articles(
    gold: Sequence[GoldArticle], *, news: Path, min_confidence: float = 0.0
) -> dict[str, list[ScoredEvent]]:
    """Code the gold's articles through the whole pipeline; their events by article id."""
    import tempfile

    from dyads.cli.common import article_results
    from dyads.coding.articles_eval import predicted
    from dyads.records import CodedArticle
    from dyads.registry import CODE
    from dyads.settings import Settings

    wanted: dict[str, set[str]] = {}
    for article in gold:
        wanted.setdefault(article.source_file, set()).add(article.id)
    predictions: dict[str, list[ScoredEvent]] = {a.id: [] for a in gold}
    with tempfile.TemporaryDirectory() as tmp:
        selected = Path(tmp) / "articles.jsonl"
        with selected.open("w", encoding="utf-8") as out:
            for name, ids in sorted(wanted.items()):
                out.writelines(_records(news / name, ids))
        for result in article_results([str(selected)], settings=Settings(), stages=CODE):
            if isinstance(result, CodedArticle) and result.article.id in predictions:
                predictions[result.article.id].extend(
                    predicted(e) for e in result.events if e.confidence >= min_confidence
                )
    return predictions


def _records(path: Path, ids: set[str]) -> list[str]:
    """The lines of a news JSONL file whose ``id`` is one of ``ids``."""
    lines = []
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            if line.strip() and json.loads(line).get("id") in ids:
                lines.append(line if line.endswith("\n") else line + "\n")
    return lines


def write_report(
    report: ArticleReport, *, details: bool = False, causes: Causes | None = None
) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    variants = Table(title=f"whole articles ({report.articles}; headline: evidence)")
    for column in ("variant", "TP", "precision", "recall", "F1", "core recall"):
        variants.add_column(column, justify="left" if column == "variant" else "right")
    for name, s in report.variants.items():
        core = report.core_recall[name]
        variants.add_row(
            name, str(s.tp), f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", f"{core:.3f}"
        )
    console.print(variants)
    console.print(
        f"no-event articles {report.no_event_articles}: {report.false_on_no_event} false events "
        f"in {report.articles_with_false} of them"
    )
    if report.dates_matched:
        console.print(
            f"dates: {report.dates_equal} of {report.dates_matched} matched events with a gold "
            "date have that date"
        )
    types = Table(title="per type (evidence variant)")
    for column in ("type", "gold", "predicted", "TP", "precision", "recall", "F1"):
        types.add_column(column, justify="left" if column == "type" else "right")
    for name, s in report.per_type.items():
        types.add_row(
            name,
            str(s.gold),
            str(s.predicted),
            str(s.tp),
            f"{s.precision:.2f}",
            f"{s.recall:.2f}",
            f"{s.f1:.2f}",
        )
    console.print(types)
    calibration = Table(title="confidence calibration (right: matched, evidence variant)")
    for column in ("confidence", "events", "right", "share right"):
        calibration.add_column(column, justify="right")
    for b in report.calibration:
        share = "-" if b.share is None else f"{b.share:.2f}"
        calibration.add_row(f"{b.low:.1f}-{b.low + 0.1:.1f}", str(b.events), str(b.right), share)
    console.print(calibration)
    if details:
        _write_list(
            console, "missed gold events", report.misses, causes.of_misses if causes else ()
        )
        _write_list(
            console, "false events", report.false_events, causes.of_false_events if causes else ()
        )


def count_causes(
    report: ArticleReport,
    *,
    gold: Sequence[GoldArticle],
    predictions: Mapping[str, Sequence[ScoredEvent]],
    dropped: Sequence[DroppedCandidate],
) -> Causes:
    """The misses and false events of the headline variant, counted by cause."""
    from dyads.coding.causes import error_causes
    from dyads.coding.speech import might_report
    from dyads.coding.stages.languages import load_resources
    from dyads.settings import Settings

    resources = load_resources("en", settings=Settings())
    return error_causes(
        report,
        gold=gold,
        predictions=predictions,
        dropped=dropped,
        parsed=lambda text: (
            (resources.lexicon.might_trigger(text) or might_report(text))
            and resources.tables.might_name_actor(text)
        ),
        has_trigger_word=resources.lexicon.might_trigger,
    )


def write_causes(causes: Causes) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    for title, counts in (
        ("missed gold events by cause (evidence variant)", causes.misses),
        ("false events by cause (evidence variant)", causes.false_events),
    ):
        table = Table(title=title)
        table.add_column("cause")
        table.add_column("events", justify="right")
        for cause, count in counts.items():
            table.add_row(cause, str(count))
        console.print(table)


def _write_list(
    console: Any, title: str, events: Sequence[ScoredEvent], causes: Sequence[str] = ()
) -> None:
    """One line an event; with ``--causes``, its cause in brackets before the sentence."""
    console.print(f"\n{title} ({len(events)}):", highlight=False)
    for index, e in enumerate(events):
        sentence = (e.sentences[0] if e.sentences else "")[:PREVIEW]
        flag = " core" if e.core else ""
        parties = f"{','.join(e.actors) or '-'} -> {','.join(e.recipients) or '-'}"
        cause = f" [{causes[index]}]" if index < len(causes) else ""
        console.print(
            f"  {e.label or e.article_id} {e.event}{flag} {parties}{cause} | {sentence}",
            highlight=False,
            markup=False,
            soft_wrap=True,
        )


def report_dict(report: ArticleReport) -> dict[str, Any]:
    """The figures of a report as plain JSON values."""

    def score(s: Any) -> dict[str, Any]:
        return {
            "tp": s.tp,
            "predicted": s.predicted,
            "gold": s.gold,
            "precision": s.precision,
            "recall": s.recall,
            "f1": s.f1,
        }

    return {
        "articles": report.articles,
        "variants": {k: score(v) for k, v in report.variants.items()},
        "core_recall": dict(report.core_recall),
        "core_events": report.core_events,
        "no_event_articles": report.no_event_articles,
        "false_on_no_event": report.false_on_no_event,
        "articles_with_false": report.articles_with_false,
        "per_type": {k: score(v) for k, v in report.per_type.items()},
        "dates": {"matched": report.dates_matched, "equal": report.dates_equal},
        "calibration": [
            {"low": b.low, "events": b.events, "right": b.right} for b in report.calibration
        ],
    }


def _write_predictions(
    path: Path, gold: Sequence[GoldArticle], predictions: Mapping[str, Sequence[ScoredEvent]]
) -> None:
    """Predictions in the gold's own format, readable by any whole-article scorer."""
    with path.open("w", encoding="utf-8") as out:
        for article in gold:
            events = [
                {
                    "event": e.event,
                    "actors": [{"country": c} for c in e.actors],
                    "recipients": [{"country": c} for c in e.recipients],
                    "date": e.date,
                    "evidence": list(e.sentences),
                    "confidence": e.confidence,
                }
                for e in predictions.get(article.id, ())
            ]
            out.write(json.dumps({"id": article.id, "events": events}, ensure_ascii=False) + "\n")
