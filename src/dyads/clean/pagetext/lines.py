"""Split a page dump into logical lines: list markers taken off, wrapped paragraphs rejoined.

Text browsers print a paragraph either on one line (``lynx -width=1024``, ``w3m -cols 5000``)
or wrapped at a fixed width (``lynx -width=80`` and most saved dumps). A wrapped line is
recognised by the greedy line breaker's own rule: the first word of the next line would not
have fitted on it. That rule needs no language knowledge and never joins two short lines.

The lines are kept column by column (all texts, all markers, ...) rather than as one object
per line: a page has hundreds of lines and the cleaner reads each column in one pass.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate, compress, count
from operator import add, not_

# A list marker as lynx prints it (``*``, ``+``, ``o``, ``#`` by nesting level, ``-``) or as
# w3m does (``•``, ``◦``, ``□``, ``▪``, ``◆``), or a number / letter ("1.", "2)", "a.").
_MARKER = re.compile(r"^(?P<marker>[*+o#\-•◦□▪◆·]|\d{1,3}[.)]|[a-z][.)])\s+(?=\S)")
# The characters a marker can start with besides digits: lines starting otherwise skip the
# regular expression.
_MARKER_FIRST = frozenset("*+o#-•◦□▪◆·abcdefghijklmnopqrstuvwxyz")
# The markers of one character (the first alternative of ``_MARKER``).
_BULLETS = frozenset("*+o#-•◦□▪◆·")
# What follows a marker's first character in a whitespace-normalised line (digits aside).
_AFTER_MARKER = frozenset(" .)")
_WORD_START = re.compile(r"^\S+")
# The newline and the printable ASCII characters: every other character of a page is
# looked at once when deciding which lines need their whitespace normalised.
_PLAIN_BYTES = b"\n" + bytes(range(0x20, 0x7F))
_HIGH_BYTES = bytes(range(0x80, 0x100))

# A wrapped dump has several lines filled to within _FULL_SLACK columns of its widest line
# (lynx -width=80 pages: dozens; lynx -width=1024 pages: one per paragraph over 1024
# characters). Fewer such lines means the page was not wrapped and its widest line is alone.
_MIN_FULL_LINES = 2
_FULL_SLACK = 8
# Columns a greedy breaker may leave unused at the end of a line before the next word:
# lynx keeps one column free at the right edge, so a line ends at most two columns short.
_BREAK_SLACK = 2


@dataclass(frozen=True, slots=True, kw_only=True)
class PageLines:
    """The logical lines of a page (paragraphs, headings, list items), column by column.

    Line ``i`` is ``texts[i]`` (whitespace-normalised, without its list marker), printed after
    the list marker ``markers[i]`` ("*", "•", "1.", empty for none); ``blank_before[i]`` says
    whether a blank line (or the page start) precedes it.
    """

    texts: tuple[str, ...]
    markers: tuple[str, ...]
    blank_before: tuple[bool, ...]

    def __len__(self) -> int:
        return len(self.texts)


def _wrap_width(raw_lines: list[str]) -> int | None:
    """The column at which the dump was wrapped, or None when paragraphs are unwrapped.

    Only lines with a space inside count (a long URL or rule is not a wrapped paragraph);
    they are read longest first, so only the few near the widest are looked at.
    """
    widest: int | None = None
    full: list[int] = []
    for line in sorted(raw_lines, key=len, reverse=True):
        length = len(line)
        if widest is not None and length < widest - _FULL_SLACK:
            break
        if " " in line.strip():
            if widest is None:
                widest = length
            full.append(length)
    if len(full) < _MIN_FULL_LINES:
        return None
    full.reverse()
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


def _rejoin_wrapped(raw_lines: list[str], width: int) -> list[str]:
    """Wrapped physical lines joined into logical ones; blank lines stay as empty strings."""
    groups: list[list[str]] = []
    out: list[str] = []
    blank = True
    for raw in raw_lines:
        if not raw:
            blank = True
            continue
        if (
            groups
            and not blank
            and _continues(groups[-1][-1], _text_column(groups[-1][0]), raw, width)
        ):
            groups[-1].append(raw)
            continue
        if blank:
            groups.append([""])
        groups.append([raw])
        blank = False
    for parts in groups:
        out.append(" ".join(parts))
    return out


def line_starts(lines: Sequence[str]) -> list[int]:
    """Where each line starts in ``"\\n".join(lines)``: the lengths of the lines before it
    and a newline after each."""
    return list(map(add, accumulate(map(len, lines[:-1]), initial=0), count()))


def lines_holding(joined: str, starts: list[int], needle: str) -> Iterator[int]:
    """The lines of ``joined`` (line ``i`` starting at ``starts[i]``) that hold ``needle``,
    each once, in page order: the page is searched, not each line."""
    at = joined.find(needle)
    while at >= 0:
        i = bisect_right(starts, at) - 1
        yield i
        at = joined.find(needle, starts[i + 1]) if i + 1 < len(starts) else -1


def _respace(texts: list[str]) -> None:
    """Normalise the whitespace of the lines that need it, in place.

    Every whitespace character but the space is unprintable: a printable line without two
    spaces in a row is already normalised (most lines, often all of a page's), the others
    are re-spaced. Whether the page holds an unprintable character is read from the few
    characters that are not printable ASCII; a printable page only needs the lines with
    two spaces in a row, which a search of the page finds.
    """
    joined = "\n".join(texts)
    odd = joined.encode("utf-8", "surrogatepass").translate(None, _PLAIN_BYTES)
    if odd and not odd.decode("utf-8", "surrogatepass").isprintable():
        # without an ASCII control character on the page, its ASCII lines are printable
        plain = not odd.translate(None, _HIGH_BYTES)
        texts[:] = [
            text
            if "  " not in text and ((plain and text.isascii()) or text.isprintable())
            else " ".join(text.split())
            for text in texts
        ]
        return
    if "  " in joined:
        for i in lines_holding(joined, line_starts(texts), "  "):
            texts[i] = " ".join(texts[i].split())


def split_lines(text: str) -> PageLines:
    """The logical lines of ``text`` in page order, blank lines dropped."""
    raw_lines = list(map(str.rstrip, text.replace("\t", "    ").splitlines()))
    width = _wrap_width(raw_lines)
    if width is not None:
        raw_lines = _rejoin_wrapped(raw_lines, width)
    texts = list(map(str.lstrip, filter(None, raw_lines)))
    _respace(texts)
    # whether a blank line (or the page start) comes before each line
    blank_before = tuple(map(not_, compress(["", *raw_lines], raw_lines)))
    markers = [""] * len(texts)
    # a marker is a number, or a character followed by a space ("* ", "o ") or by "." or ")"
    for i in [
        i
        for i, joined in enumerate(texts)
        if (joined[0] in _MARKER_FIRST and joined[1:2] in _AFTER_MARKER) or joined[0].isdecimal()
    ]:
        joined = texts[i]
        if joined[1:2] == " " and joined[0] in _BULLETS:
            # a bullet and a space: the text starts after them (normalised, it is not empty)
            markers[i] = joined[0]
            texts[i] = joined[2:]
            continue
        found = _MARKER.match(joined)
        if found and len(joined) > found.end():
            markers[i] = found.group("marker")
            texts[i] = joined[found.end() :]
    return PageLines(texts=tuple(texts), markers=tuple(markers), blank_before=blank_before)
