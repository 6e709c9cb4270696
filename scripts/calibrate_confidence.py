#!/usr/bin/env python3
"""Fit the coder's confidence model on the whole-article development set; rewrite its file.

    PYTHONPATH=src .venv/bin/python scripts/calibrate_confidence.py

Codes every article of ``../shared/eval/events/articles_dev.jsonl`` (no confidence floor),
merges each article's candidates as the coder does, and marks each event right when the
headline (evidence) variant of ``dyads.coding.articles_eval`` matches it to a gold event. A
logistic regression (``dyads.coding.confidence.fit_logistic``) of right on the events' cues
(``event_cues``) is fitted on all articles and, for an honest figure, in k folds by article:
each fold's events are scored by a model fitted on the other folds. The script prints the
calibration tables (in sample and out of fold), the evidence F1 out of fold at each candidate
floor (``Settings.min_confidence``), and writes ``src/dyads/data/confidence.tsv`` (weights and
figures only; ``--dry-run`` writes nothing). ``--ablate`` also prints the out-of-fold log loss
without each cue, to choose the cues.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from dyads.coding.articles_eval import (
    GoldArticle,
    ScoredEvent,
    match,
    predicted,
    read_gold_articles,
)
from dyads.coding.articles_report import Score, calibrate, score_articles
from dyads.coding.confidence import CUES as ALL_CUES
from dyads.coding.confidence import ConfidenceModel, event_cues, fit_logistic

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "eval" / "events" / "articles_dev.jsonl"
MODEL = ROOT / "src" / "dyads" / "data" / "confidence.tsv"
# The cues of the model, chosen by --ablate (forward selection by out-of-fold log loss on the
# development articles, L2 2): the hand-set rating of the reports as log-odds, whether it is
# under the old floor 0.3, whether the lead tells the event, and the depth of its trigger in
# the parse. Neither the number of
# sentences reporting it, nor quotation, reported speech, the quad class, a noun trigger, a
# PETRARCH-2 row or a full dyad lowered the out-of-fold log loss by 0.002 once these were in.
CUES = ("rating", "weak", "lead", "depth")
STAGES = ("clean", "select", "parse", "actors", "events")
FLOORS = tuple(round(0.05 * k, 2) for k in range(1, 13))
GATE = 0.8
# Floors whose out-of-fold F1 is this close to the best count as tied, and the highest of them
# is chosen: one matched event more or less moves F1 by about 0.0035 on this set, so two events
# either way say little, while a higher floor keeps fewer false events on the articles that
# report none (a gate of its own) and raises precision.
F1_TIE = 0.0075


@dataclass(frozen=True, slots=True, kw_only=True)
class Judged:
    """One merged event of a development article: its cues and whether the gold has it."""

    article_id: str
    rating: float  # the noisy-or of the hand-set ratings of its reports (the old confidence)
    cues: dict[str, float]
    right: bool
    scored: ScoredEvent  # what the matcher read of it


def code_events(gold: Sequence[GoldArticle], news: Path) -> list[Judged]:
    """Every event the coder merges from the candidates of the gold's articles, judged."""
    from dyads.cli.common import article_results
    from dyads.coding.merge import combine, group_candidates
    from dyads.coding.stages.records import CandidateArticle
    from dyads.settings import Settings

    by_id = {a.id: a for a in gold}
    wanted: dict[str, set[str]] = {}
    for article in gold:
        wanted.setdefault(article.source_file, set()).add(article.id)
    judged: list[Judged] = []
    with tempfile.TemporaryDirectory() as tmp:
        selected = Path(tmp) / "articles.jsonl"
        with selected.open("w", encoding="utf-8") as out:
            for name, ids in sorted(wanted.items()):
                for line in (news / name).read_text("utf-8").splitlines():
                    if line.strip() and json.loads(line).get("id") in ids:
                        out.write(line + "\n")
        settings = Settings(min_confidence=0.0)
        for result in article_results([str(selected)], settings=settings, stages=STAGES):
            if not isinstance(result, CandidateArticle) or result.article.id not in by_id:
                continue
            groups = group_candidates(result.candidates)
            events = [combine(g, article=result.article) for g in groups]
            scored = [predicted(e) for e in events]
            hits = {i for i, _ in match("evidence", scored, by_id[result.article.id].events)}
            judged.extend(
                Judged(
                    article_id=result.article.id,
                    rating=event.confidence,
                    cues=event_cues(event, members),
                    right=i in hits,
                    scored=scored[i],
                )
                for i, (event, members) in enumerate(zip(events, groups, strict=True))
            )
    return judged


def fold_of(article_id: str, folds: int) -> int:
    """A fixed fold per article (by a hash of its id), so that every run splits alike."""
    return int(hashlib.sha256(article_id.encode()).hexdigest(), 16) % folds


def fit(judged: Sequence[Judged], cues: Sequence[str], l2: float) -> ConfidenceModel:
    rows = [[j.cues[c] for c in cues] for j in judged]
    intercept, weights = fit_logistic(rows, [j.right for j in judged], l2=l2)
    named = {c: float(w) for c, w in zip(cues, weights, strict=True)}
    return ConfidenceModel(intercept=intercept, weights=named)


def out_of_fold(
    judged: Sequence[Judged], cues: Sequence[str], *, l2: float, folds: int
) -> list[float]:
    """Each event's probability by the model fitted on the other folds' articles."""
    held = [fold_of(j.article_id, folds) for j in judged]
    probabilities = [0.0] * len(judged)
    for k in range(folds):
        model = fit([j for j, f in zip(judged, held, strict=True) if f != k], cues, l2)
        for i, j in enumerate(judged):
            if held[i] == k:
                probabilities[i] = model.probability(j.cues)
    return probabilities


def log_loss(judged: Sequence[Judged], probabilities: Sequence[float]) -> float:
    eps = 1e-6
    total = 0.0
    for j, p in zip(judged, probabilities, strict=True):
        q = min(max(p, eps), 1 - eps)
        total -= math.log(q if j.right else 1 - q)
    return total / len(judged)


def bins(judged: Sequence[Judged], probabilities: Sequence[float]) -> list[tuple[int, int]]:
    pairs = [
        (replace(j.scored, confidence=p), j.right)
        for j, p in zip(judged, probabilities, strict=True)
    ]
    return [(b.events, b.right) for b in calibrate(pairs)]


def above_gate(judged: Sequence[Judged], probabilities: Sequence[float]) -> tuple[int, int]:
    """(events, right ones) among those of probability at least ``GATE``."""
    above = [j.right for j, p in zip(judged, probabilities, strict=True) if p >= GATE]
    return len(above), sum(above)


@dataclass(frozen=True, slots=True, kw_only=True)
class FloorScore:
    floor: float
    headline: Score
    false_on_no_event: int


def score_at(
    gold: Sequence[GoldArticle],
    judged: Sequence[Judged],
    probabilities: Sequence[float],
    floor: float,
) -> FloorScore:
    """The headline score of the events at or above ``floor``, matched afresh."""
    predictions: dict[str, list[ScoredEvent]] = {}
    for j, p in zip(judged, probabilities, strict=True):
        if p >= floor:
            predictions.setdefault(j.article_id, []).append(j.scored)
    report = score_articles(gold, predictions)
    headline = report.variants["evidence"]
    return FloorScore(floor=floor, headline=headline, false_on_no_event=report.false_on_no_event)


def write_tables(judged: Sequence[Judged], columns: dict[str, list[float]]) -> None:
    table = {name: bins(judged, probabilities) for name, probabilities in columns.items()}
    out = sys.stdout
    out.write("confidence  " + "  ".join(f"{name:>18}" for name in columns) + "\n")
    for k in range(10):
        cells = []
        for name in columns:
            events, right = table[name][k]
            share = f"{right / events:.2f}" if events else "   -"
            cells.append(f"{events:>5} {right:>4} {share:>6}")
        out.write(f"{k / 10:.1f}-{(k + 1) / 10:.1f}     " + "  ".join(f"{c:>18}" for c in cells))
        out.write("\n")
    for name, probabilities in columns.items():
        n, right = above_gate(judged, probabilities)
        share = f"{right / n:.3f}" if n else "-"
        loss = log_loss(judged, probabilities)
        out.write(f"{name}: log loss {loss:.4f}; >= {GATE}: {n} events, {right} right ({share})\n")


def choose_floor(
    gold: Sequence[GoldArticle], judged: Sequence[Judged], probabilities: Sequence[float]
) -> FloorScore:
    """The highest floor whose out-of-fold evidence F1 is within ``F1_TIE`` of the best."""
    scores = [score_at(gold, judged, probabilities, floor) for floor in FLOORS]
    sys.stdout.write("floor   TP  pred  precision  recall     F1  false on no-event\n")
    for s in scores:
        h = s.headline
        sys.stdout.write(
            f"{s.floor:.2f} {h.tp:>5} {h.predicted:>5} {h.precision:>10.3f} {h.recall:>7.3f} "
            f"{h.f1:>6.3f} {s.false_on_no_event:>18}\n"
        )
    top = max(s.headline.f1 for s in scores)
    return max((s for s in scores if s.headline.f1 >= top - F1_TIE), key=lambda s: s.floor)


def ablate(judged: Sequence[Judged], cues: Sequence[str], *, l2: float, folds: int) -> None:
    """Out-of-fold log loss with each cue left out, and with each unused cue added."""
    base = log_loss(judged, out_of_fold(judged, cues, l2=l2, folds=folds))
    sys.stdout.write(f"cues {','.join(cues)}: out-of-fold log loss {base:.4f}\n")
    for cue in ALL_CUES:
        changed = [c for c in cues if c != cue] if cue in cues else [*cues, cue]
        loss = log_loss(judged, out_of_fold(judged, changed, l2=l2, folds=folds))
        sign = "-" if cue in cues else "+"
        sys.stdout.write(f"  {sign}{cue:<10} {loss:.4f} ({loss - base:+.4f})\n")


def header(
    judged: Sequence[Judged], *, args: argparse.Namespace, oof: Sequence[float], best: FloorScore
) -> list[str]:
    right = sum(j.right for j in judged)
    n, hits = above_gate(judged, oof)
    h = best.headline
    return [
        "Confidence model of the dyads coder (dyads.coding.confidence): P(event right) =",
        "1 / (1 + exp(-(intercept + sum of weight x cue))), the cues of dyads.coding.confidence.",
        "Written by scripts/calibrate_confidence.py (do not edit; rerun it after changing the",
        "coder): a logistic regression, numpy only, L2 penalty "
        f"{args.l2:g} on cues scaled to unit spread,",
        f"fitted on the {len(judged)} events the coder merges from the articles of",
        f"articles_dev.jsonl (no floor), {right} of them right (evidence variant of",
        "dyads.coding.articles_eval).",
        f"Out of fold ({args.folds} folds by article): log loss {log_loss(judged, oof):.4f};",
        f"events >= {GATE}: {n}, {hits} right; best evidence F1 {h.f1:.3f} (P {h.precision:.3f},",
        f"R {h.recall:.3f}) at the floor {best.floor:.2f} (Settings.min_confidence).",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD, help="whole-article gold JSONL")
    parser.add_argument("--news", type=Path, default=None, help="its news folder")
    parser.add_argument("--folds", type=int, default=5, help="folds by article (default 5)")
    parser.add_argument("--l2", type=float, default=1.0, help="L2 penalty (default 1.0)")
    parser.add_argument("--cues", default=",".join(CUES), help="comma-separated cue names")
    parser.add_argument("--out", type=Path, default=MODEL, help="the model file to write")
    parser.add_argument("--dry-run", action="store_true", help="write no model file")
    parser.add_argument("--ablate", action="store_true", help="log loss without each cue")
    args = parser.parse_args()
    news = args.news or args.gold.resolve().parent.parent / "news"
    cues = tuple(c for c in args.cues.split(",") if c)
    unknown = set(cues) - set(ALL_CUES)
    if unknown:
        parser.error(f"unknown cues {sorted(unknown)}; known: {','.join(ALL_CUES)}")
    gold = list(read_gold_articles(args.gold))
    judged = code_events(gold, news)
    model = fit(judged, cues, args.l2)
    oof = out_of_fold(judged, cues, l2=args.l2, folds=args.folds)
    raw = [j.rating for j in judged]
    write_tables(
        judged,
        {
            "hand factors": raw,
            "in sample": [model.probability(j.cues) for j in judged],
            "out of fold": oof,
        },
    )
    if args.ablate:
        ablate(judged, cues, l2=args.l2, folds=args.folds)
    best = choose_floor(gold, judged, oof)
    sys.stdout.write(f"best out-of-fold floor: {best.floor:.2f} (F1 {best.headline.f1:.3f})\n")
    weights = ", ".join(f"{c} {w:+.3f}" for c, w in model.weights.items())
    sys.stdout.write(f"model: intercept {model.intercept:+.3f}, {weights}\n")
    if not args.dry_run:
        args.out.write_text(model.to_tsv(header=header(judged, args=args, oof=oof, best=best)))
        sys.stdout.write(f"wrote {args.out}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
