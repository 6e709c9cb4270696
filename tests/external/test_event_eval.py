"""Event coder scores on ../shared/eval/events stay at or above their floors.

The floors live in ``eval_baseline.json`` (keys ``events_*``): a floor is raised when the score
rises and never lowered silently. The gates below are the least the project accepts; a floor
never sits under its gate.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dyads.coding.evaluate import EvalReport, evaluate, read_gold, sentence_coder

pytestmark = [pytest.mark.external, pytest.mark.slow]

BASELINE = json.loads((Path(__file__).parent / "eval_baseline.json").read_text("utf-8"))
GATES = {
    "events_plover_accuracy": 0.75,
    "events_plover_macro_f1": 0.70,
    "events_plover_actor_f1": 0.80,
    "events_plover_recipient_f1": 0.70,
    "events_cameo_accuracy": 0.65,
}


@pytest.fixture(scope="module")
def sentence_stage() -> Any:
    """The coder as ``dyads eval events`` runs it: every event, whatever its confidence."""
    coder = sentence_coder()
    coder.open()
    yield coder
    coder.close()


def _report(shared_dir: Path, coder: Any, name: str) -> EvalReport:
    path = shared_dir / "eval" / "events" / name
    if not path.is_file():
        pytest.skip(f"no {path}")
    return evaluate(read_gold(path), code=lambda article: coder.process(article).events)


@pytest.fixture(scope="module")
def plover(shared_dir: Path, sentence_stage: Any) -> EvalReport:
    return _report(shared_dir, sentence_stage, "plover_gsr.jsonl")


def _floor(key: str) -> float:
    floor = float(BASELINE[key])
    assert floor >= GATES[key], f"the floor of {key} sits under its gate"
    return floor


def test_event_eval_plover_type_accuracy(plover: EvalReport) -> None:
    assert plover.sentences == 322
    assert plover.accuracy >= _floor("events_plover_accuracy")


def test_event_eval_plover_macro_f1(plover: EvalReport) -> None:
    assert plover.macro_f1 >= _floor("events_plover_macro_f1")


def test_event_eval_plover_actor_country_f1(plover: EvalReport) -> None:
    assert plover.actor_f1 is not None
    assert plover.actor_f1 >= _floor("events_plover_actor_f1")


def test_event_eval_plover_recipient_country_f1(plover: EvalReport) -> None:
    assert plover.recipient_f1 is not None
    assert plover.recipient_f1 >= _floor("events_plover_recipient_f1")


def test_event_eval_cameo_examples_type_accuracy(shared_dir: Path, sentence_stage: Any) -> None:
    report = _report(shared_dir, sentence_stage, "cameo_codes.jsonl")
    assert report.sentences > 200  # examples of codes that map to a PLOVER event
    assert report.accuracy >= _floor("events_cameo_accuracy")
