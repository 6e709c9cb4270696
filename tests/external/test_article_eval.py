"""The coder on whole articles coded by hand (../shared/eval/events/articles_dev.jsonl).

Two checks: ``dyads eval articles`` scores exactly as the set's own scorer does on the same
predictions, and the headline figures stay at or above their floors in ``eval_baseline.json``
(keys ``articles_*``: measured, raised when the score rises, never lowered silently).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from dyads.cli.main import main

pytestmark = [pytest.mark.external, pytest.mark.slow]

BASELINE = json.loads((Path(__file__).parent / "eval_baseline.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def scored(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    gold = shared_dir / "eval" / "events" / "articles_dev.jsonl"
    if not gold.is_file():
        pytest.skip(f"no {gold}")
    out = tmp_path_factory.mktemp("articles")
    argv = [
        "eval",
        "articles",
        "--gold",
        str(gold),
        "--pred-out",
        str(out / "pred.jsonl"),
        "--json",
        str(out / "mine.json"),
        "--causes",
    ]
    assert main(argv) == 0
    return {"gold": gold, "dir": out, "mine": json.loads((out / "mine.json").read_text("utf-8"))}


def test_article_eval_agrees_with_the_sets_scorer(scored: dict[str, Any]) -> None:
    events = scored["gold"].parent
    theirs_path = scored["dir"] / "theirs.json"
    subprocess.run(
        [
            sys.executable,
            str(events / "score_articles.py"),
            "--gold",
            str(scored["gold"]),
            "--news",
            str(events.parent / "news"),
            "--pred",
            str(scored["dir"] / "pred.jsonl"),
            "--json",
            str(theirs_path),
        ],
        check=True,
        capture_output=True,
    )
    theirs = json.loads(theirs_path.read_text("utf-8"))
    mine = scored["mine"]
    for variant, figures in theirs["variants"].items():
        assert mine["variants"][variant]["tp"] == figures["tp"], variant
        assert mine["core_recall"][variant] == pytest.approx(figures["core_recall"])
    assert mine["variants"]["evidence"]["predicted"] == theirs["n_pred_events"]
    assert mine["false_on_no_event"] == theirs["no_event_articles"]["false_events"]


def test_every_error_has_one_cause(scored: dict[str, Any]) -> None:
    mine = scored["mine"]
    headline = mine["variants"]["evidence"]
    causes = mine["causes"]
    assert sum(causes["misses"].values()) == headline["gold"] - headline["tp"]
    assert sum(causes["false_events"].values()) == headline["predicted"] - headline["tp"]


def test_article_eval_headline_floors(scored: dict[str, Any]) -> None:
    mine = scored["mine"]
    assert mine["variants"]["evidence"]["f1"] >= BASELINE["articles_evidence_f1"]
    assert mine["variants"]["evidence"]["precision"] >= BASELINE["articles_evidence_precision"]
    assert mine["core_recall"]["evidence"] >= BASELINE["articles_core_recall"]
    assert mine["false_on_no_event"] <= BASELINE["articles_false_on_no_event_max"]


def test_article_eval_confident_events_are_right(scored: dict[str, Any]) -> None:
    # the confidence is a probability: events of 0.8 or more are right that often or more
    confident = [b for b in scored["mine"]["calibration"] if b["low"] >= 0.8 - 1e-9]
    events = sum(b["events"] for b in confident)
    right = sum(b["right"] for b in confident)
    assert events >= BASELINE["articles_confident_events_min"]
    assert right / events >= BASELINE["articles_confident_share_right"]
