"""Split a page dump into logical lines: list markers taken off, wrapped paragraphs rejoined.

Text browsers print a paragraph either on one line (``lynx -width=1024``, ``w3m -cols 5000``)
or wrapped at a fixed width (``lynx -width=80`` and most saved dumps). A wrapped line is
recognised by the greedy line breaker's own rule: the first word of the next line would not
have fitted on it. That rule needs no language knowledge and never joins two short lines.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

# A list marker as lynx prints it (``*``, ``+``, ``o``, ``#`` by nesting level, ``-``) or as
# w3m does (``•``, ``◦``, ``□``, ``▪``, ``◆``), or a number / letter ("1.", "2)", "a.").
_MARKER = re.compile(r"^(?P<marker>[*+o#\-•◦□▪◆·]|\d{1,3}[.)]|[a-z][.)])\s+(?=\S)")
_SPACE = re.compile(r"\s+")
_WORD_START = re.compile(r"^\S+")

# A wrapped dump has several lines filled to within _FULL_SLACK columns of its widest line
# (lynx -width=80 pages: dozens; lynx -width=1024 pages: one per paragraph over 1024
# characters). Fewer such lines means the page was not wrapped and its widest line is alone.
_MIN_FULL_LINES = 2
_FULL_SLACK = 8
# Columns a greedy breaker may leave unused at the end of a line before the next word:
# lynx keeps one column free at the right edge, so a line ends at most two columns short.
_BREAK_SLACK = 2


@dataclass(frozen=True, slots=True, kw_only=True)
class Line:
    """One logical line of a page: a paragraph, a heading, a list item."""

    index: int  # 0-based position among the page's non-blank logical lines
    text: str  # whitespace-normalised, without its list marker
    indent: int  # column of the first printed character
    marker: str = ""  # list marker as printed ("*", "•", "1."), empty for none
    blank_before: bool = False  # a blank line (or the page start) precedes it


def _wrap_width(raw_lines: list[str]) -> int | None:
    """The column at which the dump was wrapped, or None when paragraphs are unwrapped."""
    lengths = [len(line) for line in raw_lines if " " in line.strip()]
    if not lengths:
        return None
    widest = max(lengths)
    full = sorted(n for n in lengths if n >= widest - _FULL_SLACK)
    if len(full) < _MIN_FULL_LINES:
        return None
    # the usual right edge, not the one line that overran it (a word wider than the slack)
    return full[len(full) * 3 // 4]


def _continues(prev: str, prev_text_col: int, line: str, width: int) -> bool:
    """Whether ``line`` is the wrapped continuation of ``prev``."""
    stripped = line.lstrip()
    indent = len(line) - len(stripped)
    if indent != prev_text_col or _MARKER.match(stripped):
        return False
    first = _WORD_START.match(stripped)
    if first is None:
        return False
    return len(prev) + 1 + len(first.group(0)) > width - _BREAK_SLACK


def _text_column(line: str) -> int:
    stripped = line.lstrip()
    indent = len(line) - len(stripped)
    found = _MARKER.match(stripped)
    return indent + (found.end() if found else 0)


def _physical_groups(raw_lines: list[str], width: int | None) -> list[tuple[list[str], bool]]:
    """Physical lines grouped into logical ones, each with "a blank line precedes it"."""
    groups: list[tuple[list[str], bool]] = []
    blank = True
    for raw in raw_lines:
        if not raw.strip():
            blank = True
            continue
        if (
            width is not None
            and groups
            and not blank
            and _continues(groups[-1][0][-1], _text_column(groups[-1][0][0]), raw, width)
        ):
            groups[-1][0].append(raw)
            continue
        groups.append(([raw], blank))
        blank = False
    return groups


def split_lines(text: str) -> tuple[Line, ...]:
    """The logical lines of ``text`` in page order, blank lines dropped."""
    raw_lines = [line.rstrip().replace("\t", "    ") for line in text.splitlines()]
    width = _wrap_width(raw_lines)
    out: list[Line] = []
    for parts, blank in _physical_groups(raw_lines, width):
        first = parts[0]
        stripped = first.lstrip()
        indent = len(first) - len(stripped)
        joined = _SPACE.sub(" ", " ".join(p.strip() for p in parts)).strip()
        found = _MARKER.match(joined)
        marker = ""
        if found and len(joined) > found.end():
            marker = found.group("marker")
            joined = joined[found.end() :]
        out.append(
            Line(index=len(out), text=joined, indent=indent, marker=marker, blank_before=blank)
        )
    return tuple(out)


def repeated_texts(lines: tuple[Line, ...]) -> Counter[str]:
    """How often each line's case-folded text occurs on the page."""
    return Counter(line.text.casefold() for line in lines)
