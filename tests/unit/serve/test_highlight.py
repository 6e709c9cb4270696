from __future__ import annotations

import pytest

from dyads.serve.web.highlight import Mark, runs, shifted


def test_runs_without_marks_keep_the_text_whole() -> None:
    assert [(r.text, r.classes) for r in runs("Ankara said.", [])] == [("Ankara said.", ())]


def test_runs_overlapping_marks_give_both_classes() -> None:
    text = "Turkey met Kazakhstan."
    marks = [Mark(start=0, end=22, kind="evidence"), Mark(start=7, end=10, kind="trigger")]
    out = [(r.text, r.css) for r in runs(text, marks)]
    assert out == [
        ("Turkey ", "evidence"),
        ("met", "evidence trigger"),
        (" Kazakhstan.", "evidence"),
    ]


@pytest.mark.parametrize(
    ("mark", "expected"),
    [
        (Mark(start=-5, end=3, kind="actor"), [("abc", "actor"), ("def", "")]),
        (Mark(start=4, end=99, kind="actor"), [("abcd", ""), ("ef", "actor")]),
        (Mark(start=10, end=12, kind="actor"), [("abcdef", "")]),
        (Mark(start=3, end=3, kind="actor"), [("abcdef", "")]),
    ],
)
def test_runs_clip_marks_to_the_text(mark: Mark, expected: list[tuple[str, str]]) -> None:
    assert [(r.text, r.css) for r in runs("abcdef", [mark])] == expected


def test_runs_join_back_to_the_text() -> None:
    text = "The army shelled positions near the border on Monday."
    marks = [Mark(start=4, end=8, kind="actor"), Mark(start=9, end=16, kind="trigger")]
    assert "".join(r.text for r in runs(text, marks)) == text


def test_shifted_moves_body_offsets_into_a_sentence() -> None:
    assert shifted([Mark(start=110, end=113, kind="trigger")], 100) == (
        Mark(start=10, end=13, kind="trigger"),
    )
