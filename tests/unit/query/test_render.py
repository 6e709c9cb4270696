from __future__ import annotations

import pytest

from dyads.cli.article import mark_segments
from dyads.cli.dyad import BAR_WIDTH, bar_segments, sparkline
from dyads.cli.events import actor_list, preview
from dyads.records import ActorRef
from dyads.store.results import MarkedEvidence


def _mark(start: int, end: int, event: str = "CONSULT") -> MarkedEvidence:
    return MarkedEvidence(
        event_id=f"{event}{start}", event=event, start=start, end=end, sentence=""
    )


@pytest.mark.parametrize(
    ("values", "expected"),
    [([0, 4, 8], "▁▅█"), ([0, 0], "▁▁"), ([], ""), ([5], "█")],
)
def test_sparkline_scales_to_the_largest_value(values: list[int], expected: str) -> None:
    assert sparkline(values) == expected


@pytest.mark.parametrize(
    ("counts", "scale", "expected"),
    [
        ((10, 0, 0, 0), 10, [BAR_WIDTH, 0, 0, 0]),
        ((5, 5, 0, 0), 10, [BAR_WIDTH // 2, BAR_WIDTH // 2, 0, 0]),
        ((100, 0, 0, 1), 101, [BAR_WIDTH - 1, 0, 0, 1]),
        ((0, 0, 0, 0), 0, [0, 0, 0, 0]),
    ],
)
def test_bar_segments_fill_the_width_and_keep_every_class_visible(
    counts: tuple[int, int, int, int], scale: int, expected: list[int]
) -> None:
    cells = bar_segments(counts, scale=scale)
    assert cells == expected
    assert sum(cells) <= BAR_WIDTH


def test_mark_segments_cuts_the_body_around_evidence_and_merges_event_types() -> None:
    body = "Intro. Turkey met Kazakhstan. Outro."
    marks = [_mark(7, 29, "CONSULT"), _mark(7, 29, "AGREE"), _mark(7, 29, "CONSULT")]
    assert mark_segments(body, marks) == [
        ("Intro. ", ()),
        ("Turkey met Kazakhstan.", ("CONSULT", "AGREE")),
        (" Outro.", ()),
    ]


def test_mark_segments_clips_overlaps_and_ignores_marks_past_the_end() -> None:
    body = "abcdefghij"
    pieces = mark_segments(body, [_mark(0, 4), _mark(2, 6, "AID"), _mark(20, 30)])
    assert pieces == [("abcd", ("CONSULT",)), ("ef", ("AID",)), ("ghij", ())]
    assert "".join(text for text, _ in pieces) == body


def test_actor_list_shows_codes_or_the_name() -> None:
    actors = (
        ActorRef(name="Turkey", country="TUR", sector="GOV"),
        ActorRef(name="NATO", country="NATO"),
        ActorRef(name="protesters"),
    )
    assert actor_list(actors) == "TUR GOV, NATO, protesters"


def test_preview_collapses_space_and_shortens_long_sentences() -> None:
    assert preview("A  short\nsentence.") == "A short sentence."
    long = "word " * 40
    assert len(preview(long, width=20)) == 20
    assert preview(long, width=20).endswith("…")
