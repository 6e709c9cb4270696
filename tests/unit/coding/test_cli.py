"""``dyads code`` and ``dyads eval events`` end to end on invented inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyads.cli.main import main

pytestmark = pytest.mark.slow

ARTICLE = {
    "id": "invented-1",
    "title": "Ministers meet",
    "date": "2022-04-08",
    "text": "Chilean police arrested four Bolivian smugglers near the border on Thursday.",
}


def test_cli_code_writes_one_event_a_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "news.jsonl"
    source.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    assert main(["code", str(source)]) == 0
    lines = capsys.readouterr().out.splitlines()
    events = [json.loads(line) for line in lines]
    assert [e["event"] for e in events] == ["COERCE"]
    event = events[0]
    assert event["doc_id"] == "invented-1"
    assert [a["country"] for a in event["actors"]] == ["CHL"]
    assert [r["country"] for r in event["recipients"]] == ["BOL"]
    assert event["cameo"] == "173" and event["quad"] == 4


def test_cli_code_min_confidence_sets_the_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "news.jsonl"
    source.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    assert main(["code", "--min-confidence", "0", str(source)]) == 0
    (event,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    above = f"{min(event['confidence'] + 0.01, 1.0):.2f}"
    assert main(["code", "--min-confidence", above, str(source)]) == 0
    assert capsys.readouterr().out == ""
    assert main(["code", "--min-confidence", "1.5", str(source)]) == 2
    assert "between 0 and 1" in capsys.readouterr().err


def test_cli_code_table_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "news.jsonl"
    source.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    assert main(["code", "--format", "table", str(source)]) == 0
    assert "COERCE" in capsys.readouterr().out


def test_cli_code_reports_a_missing_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["code", str(tmp_path / "missing.txt")]) == 1
    assert "missing.txt" in capsys.readouterr().err


def test_cli_eval_events_prints_scores(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold.jsonl"
    records = [
        {
            "id": "g1",
            "text": "Chilean police arrested four Bolivian smugglers.",
            "expected": [
                {
                    "event": "COERCE",
                    "actors": [{"code": "CHL"}],
                    "recipients": [{"code": "BOL"}],
                    "reciprocal": False,
                }
            ],
        },
        {
            "id": "g2",
            "text": "The weather stayed mild all week.",
            "expected": [{"event": "AID", "actors": [], "recipients": []}],
        },
    ]
    gold.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert main(["eval", "events", "--gold", str(gold)]) == 0
    out = capsys.readouterr().out
    assert "accuracy 0.500" in out
    # COERCE right (F1 1), AID missed (F1 0): the mean of the two types in the gold, not of 16
    words = " ".join(out.split())  # the console wraps long lines
    assert "macro-F1 0.500 (mean F1 over the 2 event types present in the gold)" in words
    assert "actor country F1 1.000" in out
