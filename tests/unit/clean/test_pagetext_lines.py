"""Splitting page dumps into logical lines: markers, blank lines, wrapped paragraphs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dyads.clean.pagetext.header import split_header
from dyads.clean.pagetext.lines import split_lines


@pytest.mark.parametrize(
    ("raw", "text", "marker"),
    [
        ("     * World news", "World news", "*"),
        ("  • Economy", "Economy", "•"),
        ("  1. First headline here", "First headline here", "1."),
        ("          + Columns", "Columns", "+"),
        ("   A plain paragraph line.", "A plain paragraph line.", ""),
        ("*", "*", ""),
    ],
)
def test_split_lines_strips_list_markers(raw: str, text: str, marker: str) -> None:
    lines = split_lines(raw)
    assert (lines.texts, lines.markers) == ((text,), (marker,))


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("   Two  spaces  inside", "Two spaces inside"),
        ("   No-break\u00a0space here", "No-break space here"),
        ("   Em\u2003space and\u3000ideographic", "Em space and ideographic"),
        ("   Unit\x1fseparator", "Unit separator"),
        ("   A tab\there", "A tab here"),
        ("   o  Bullet after two spaces", "Bullet after two spaces"),
    ],
)
def test_split_lines_normalises_whitespace(raw: str, text: str) -> None:
    assert split_lines(raw).texts == (text,)


def test_split_lines_rejoins_wrapped_paragraphs() -> None:
    words = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda " * 12).split()
    rows, row = [], "  "
    for word in words:
        if len(row) + 1 + len(word) > 60:
            rows.append(row)
            row = "  " + word
        else:
            row = f"{row} {word}" if row.strip() else f"  {word}"
    rows.append(row)
    page = "\n".join([*rows, "", "  Short second paragraph."])
    lines = split_lines(page)
    assert lines.texts == (" ".join(words), "Short second paragraph.")


def test_split_lines_keeps_unwrapped_short_lines_apart() -> None:
    page = "Home\nNews\nSport\n\nA paragraph of text that is long enough to read."
    assert split_lines(page).texts == (
        "Home",
        "News",
        "Sport",
        "A paragraph of text that is long enough to read.",
    )


def test_split_lines_marks_blank_line_before() -> None:
    lines = split_lines("One\nTwo\n\nThree")
    assert lines.blank_before == (True, False, True)


@pytest.mark.parametrize(
    ("first", "day", "title"),
    [
        (" date 2021-02-05 Some headline", "2021-02-05", "Some headline"),
        ("date 2020-12-31", "2020-12-31", None),
    ],
)
def test_split_header_reads_crawler_line(first: str, day: str, title: str | None) -> None:
    header, rest = split_header(f"{first}\nbody line")
    assert header is not None
    assert header.date is not None and header.date.isoformat() == day
    assert header.title == title
    assert rest == "body line"


def test_split_header_absent_leaves_text() -> None:
    assert split_header("Dated text\nmore") == (None, "Dated text\nmore")


def _normalised(line: str) -> str:
    """What a dump line reads as: list marker aside, its whitespace collapsed."""
    return " ".join(line.split())


@given(
    st.lists(
        st.text(
            alphabet=st.sampled_from([*"ab. ", "\u00a0", "\u200b", "\x1f", "é", "’"]),
            min_size=1,
        ),
        max_size=12,
    )
)
def test_split_lines_normalises_the_whitespace_of_every_line(lines: list[str]) -> None:
    # no line starts with a list marker and blank lines keep them from being read as one
    # wrapped paragraph: every kept line is the whitespace-collapsed form of a dump line,
    # whatever else the page holds
    page = "\n\n".join(f"Z{line}Z" for line in lines)
    assert split_lines(page).texts == tuple(_normalised(f"Z{line}Z") for line in lines)
