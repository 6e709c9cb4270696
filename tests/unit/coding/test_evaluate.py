"""Scores of the coder evaluation, computed from predictions without running the coder."""

from __future__ import annotations

import pytest

from dyads.coding.evaluate import NONE, GoldSentence, Prediction, score


def _prediction(n: int, gold: str, coded: str) -> Prediction:
    return Prediction(gold=GoldSentence(id=f"g{n}", text="...", event=gold), event=coded)


def test_evaluate_macro_f1_averages_the_types_present_in_the_gold() -> None:
    report = score(
        (
            _prediction(1, "AGREE", "AGREE"),
            _prediction(2, "AGREE", "AGREE"),
            _prediction(3, "ASSAULT", "COERCE"),
            _prediction(4, "ASSAULT", "ASSAULT"),
            _prediction(5, "REJECT", NONE),
        )
    )
    assert report.macro_types == ("AGREE", "REJECT", "ASSAULT")  # in PLOVER order
    # AGREE 1.0; ASSAULT precision 1, recall 1/2: F1 2/3; REJECT 0 (never coded)
    assert report.macro_f1 == pytest.approx((1.0 + 2 / 3 + 0.0) / 3)
    assert report.per_type["COERCE"].f1 == 0.0  # coded but not in the gold: not averaged
    assert report.accuracy == pytest.approx(3 / 5)


def test_evaluate_macro_f1_of_no_predictions_is_zero() -> None:
    report = score(())
    assert (report.macro_f1, report.macro_types, report.sentences) == (0.0, (), 0)
