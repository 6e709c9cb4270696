"""Body selection: the heaviest run of prose, boxes and captions inside it dropped."""

from __future__ import annotations

import pytest

from dyads.clean.pagetext.body import max_sum_run, select_body
from dyads.clean.pagetext.features import line_features
from dyads.clean.pagetext.lines import split_lines

PARAGRAPH = "The council approved the harbour plan on Tuesday after a long and lively debate."


def _body_texts(page: str) -> list[str]:
    lines = split_lines(page.replace("\n", "\n\n"))  # paragraphs apart, as dumps print them
    feats = line_features(lines)
    span = select_body(feats, lines.markers, lines.texts)
    return [lines.texts[i] for i in span.lines]


@pytest.mark.parametrize(
    ("weights", "expected"),
    [
        ([-1.0, 5.0, -2.0, 4.0, -9.0, 3.0], (1, 4, 7.0)),
        ([-1.0, -2.0], (0, 0, 0.0)),
        ([2.0, 2.0], (0, 2, 4.0)),
    ],
)
def test_max_sum_run_finds_heaviest_range(
    weights: list[float], expected: tuple[int, int, float]
) -> None:
    assert max_sum_run(weights) == expected


def test_select_body_skips_menu_and_box_after_it() -> None:
    page = "\n".join(
        [
            *(f"  * Section {n}" for n in range(8)),
            *(f"{PARAGRAPH} Point {n} was raised." for n in range(4)),
            "MOST POPULAR",
            "  1. Storm hits the coast",
            "  2. Budget passes",
            "A long teaser lede sits here after the box and reads much like prose does.",
        ]
    )
    body = _body_texts(page)
    assert body == [f"{PARAGRAPH} Point {n} was raised." for n in range(4)]


def test_select_body_keeps_subheading_and_drops_caption() -> None:
    page = "\n".join(
        [
            PARAGRAPH,
            "Volunteers clear mud from a street. (AP Photo/Lena Marsh)",
            PARAGRAPH.replace("Tuesday", "Monday"),
            "What comes next",
            PARAGRAPH.replace("Tuesday", "Friday"),
        ]
    )
    body = _body_texts(page)
    assert "What comes next" in body
    assert all("AP Photo" not in text for text in body)
    assert len(body) == 4


def test_select_body_ends_at_comment_thread() -> None:
    page = "\n".join(
        [
            *(f"{PARAGRAPH} Point {n} was raised." for n in range(3)),
            "3 Comments",
            "Maria on March 3, 2021 at 4:12 pm said:",
            "I really liked this piece and I think the council made the right choice here today.",
            "Ken on March 4, 2021 at 9:03 am said:",
            "I disagree with the council, the harbour plan will cost more than they say it will.",
        ]
    )
    assert _body_texts(page) == [f"{PARAGRAPH} Point {n} was raised." for n in range(3)]


def test_select_body_stops_at_dated_teaser_list() -> None:
    teasers = [
        line
        for n in range(6)
        for line in (
            f"Harbour story number {n} makes the news",
            "Tomas Rye",
            f"Tuesday November {n + 10}, 2020",
            f"The harbour council heard a report on item {n} and several residents "
            "spoke about the plan at length before the vote was taken late at night.",
        )
    ]
    page = "\n".join([*(f"{PARAGRAPH} Point {n} was raised." for n in range(3)), *teasers])
    assert _body_texts(page) == [f"{PARAGRAPH} Point {n} was raised." for n in range(3)]


def test_select_body_skips_teaser_ledes_printed_twice() -> None:
    ledes = [
        f"Story {n}: the harbour council heard residents on the plan for the {n}th pier today."
        for n in range(6)
    ]
    page = "\n".join(
        [
            *(f"  * {lede}" for lede in ledes),
            "Elden Courier",
            "Harbour plan approved after a long debate",
            "By Tomas Rye",
            *(f"{PARAGRAPH} Point {n} was raised." for n in range(3)),
            "More from the Courier",
            *(f"  * {lede}" for lede in ledes),
        ]
    )
    assert _body_texts(page) == [f"{PARAGRAPH} Point {n} was raised." for n in range(3)]


def test_select_body_prefers_article_to_long_line_beside_copyright() -> None:
    contact = " ".join(
        f"Call desk {n} on weekdays between nine and five or write to the office in town."
        for n in range(5)
    )
    page = "\n".join(
        [
            *(f"{PARAGRAPH} Point {n} was raised." for n in range(4)),
            *(f"  * Section {n}" for n in range(12)),
            contact,
            "© 2021 Elden Courier. All rights reserved.",
        ]
    )
    assert _body_texts(page) == [f"{PARAGRAPH} Point {n} was raised." for n in range(4)]
