"""The one-pass splitter against the splitter it replaced, and the work it does.

``_reference_spans`` is the earlier splitter, kept whole: it looked back from every candidate
ending with a search from the start of the paragraph, so a long paragraph cost the square
of its length. The new one must split every paragraph exactly as it did.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyads.nlp import sentences
from dyads.nlp.sentences import split_sentences
from tests.conftest import make_article

# --- the splitter before the one-pass rewrite, as it was ----------------------------------

_OLD_CANDIDATE = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9À-Ý])")
_OLD_LINE_BREAK = re.compile(r"\s*\n\s*")
_OLD_WORD_BEFORE = re.compile(r"([\w.'’-]+)$")
_OLD_NEXT_WORD = re.compile(r"\s*[\"'“‘(\[]?([\w'’-]+)")


def _reference_spans(paragraph: str) -> list[tuple[int, int]]:
    cuts = [0]
    for match in _OLD_LINE_BREAK.finditer(paragraph):
        cuts.append(match.start())
        cuts.append(match.end())
    cuts.append(len(paragraph))
    spans: list[tuple[int, int]] = []
    for start, end in zip(cuts[::2], cuts[1::2], strict=True):
        spans.extend(_reference_line(paragraph, start, end))
    return spans


def _reference_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    begin = start
    for match in _OLD_CANDIDATE.finditer(text, start, end):
        if _reference_boundary(text, match.start(), match.end()):
            spans.append((begin, match.end()))
            begin = match.end()
    spans.append((begin, end))
    return [trimmed for span in spans if (trimmed := _reference_trim(text, *span))]


def _reference_boundary(text: str, mark: int, after: int) -> bool:
    found = _OLD_WORD_BEFORE.search(text, 0, mark)
    if text[mark] != "." or text[mark:after].startswith("..") or found is None:
        return True
    word = found.group(1).strip("'’-")
    if len(word) == 1 and word.isupper():
        return False
    lowered = word.lower()
    if lowered in sentences._TITLES:
        return False
    following = _reference_next_word(text, after)
    if lowered in sentences._BEFORE_NUMBER:
        return not following[:1].isdigit()
    if "." in word or lowered in sentences._MAYBE_FINAL:
        return following.lower() in sentences._SENTENCE_STARTERS
    return True


def _reference_next_word(text: str, position: int) -> str:
    found = _OLD_NEXT_WORD.match(text[position : position + 40])
    return found.group(1) if found else ""


def _reference_trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


# --- generated paragraphs ------------------------------------------------------------------

# Pieces that reach every rule: titles, number abbreviations, dotted abbreviations, company
# suffixes, initials, sentence starters, quotes, brackets, runs of marks, line breaks (a
# period first on its line included), accented capitals and digits.
_PIECES = (
    "Mr", "Gen", "St", "No", "Feb", "U.S", "U.N", "a.m", "Inc", "Co", "J", "The", "He",
    "police", "talks", "Ankara", "Émile", "Ève", "ended", "5", "2021", "O'Neil", "-", "'",
    "’", "\"", "“", "”", "(", ")", "[", "]", ".", ". ", "..", "...", "!", "?", "?!", ".\"",
    " ", "  ", "\n", "\n. ", " \n ", ",", "_", "é", "x",
)  # fmt: skip
_PARAGRAPHS = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(paragraph=_PARAGRAPHS)
def test_split_sentences_matches_the_reference_splitter(paragraph: str) -> None:
    assert sentences._paragraph_spans(paragraph) == _reference_spans(paragraph)


@settings(max_examples=200, deadline=None)
@given(paragraph=st.text(alphabet=".!?\"')( \nAaJM1U’é-", max_size=80))
def test_split_sentences_matches_the_reference_on_dense_punctuation(paragraph: str) -> None:
    assert sentences._paragraph_spans(paragraph) == _reference_spans(paragraph)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Talks with Mr\n. Vell went on. They ended.",
        "It ended" + "." * 5_000 + " Then it began.",
        "The envoy left!?!" + "?" * 3_000 + " Nobody stayed.",
        "x" * 3_000 + ". Next one.",
    ],
)
def test_split_sentences_matches_the_reference_on_edge_cases(paragraph: str) -> None:
    assert sentences._paragraph_spans(paragraph) == _reference_spans(paragraph)


# --- the work grows with the paragraph, not with its square ---------------------------------

# 170 characters, the length of the sentence that first showed the square growth.
LONG_SENTENCE = (
    "The foreign minister of Turkey met his counterpart from Kazakhstan in Ankara on "
    "Tuesday and the two men discussed trade, border security and a new rail link, aides said. "
)


@dataclass(slots=True)
class _Tally:
    characters: int = 0  # characters handed to regular-expression calls
    calls: int = 0


class _CountingPattern:
    """A compiled pattern that counts its calls and the characters each may scan."""

    def __init__(self, pattern: re.Pattern[str], tally: _Tally) -> None:
        self._pattern = pattern
        self._tally = tally

    def _count(self, text: str, pos: int, endpos: int) -> None:
        self._tally.calls += 1
        self._tally.characters += max(0, min(endpos, len(text)) - pos)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        self._count(text, pos, endpos)
        return self._pattern.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        self._count(text, pos, endpos)
        return self._pattern.match(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[Any]:
        self._count(text, pos, endpos)
        return self._pattern.finditer(text, pos, endpos)


def _count_new(monkeypatch: pytest.MonkeyPatch, count: int) -> _Tally:
    tally = _Tally()
    with monkeypatch.context() as patch:
        for name in ("_CANDIDATE", "_LINE_BREAK", "_WORD", "_NEXT_WORD"):
            patch.setattr(sentences, name, _CountingPattern(getattr(sentences, name), tally))
        found = split_sentences(make_article((LONG_SENTENCE * count,)))
    assert len(found) == count
    return tally


def _count_reference(monkeypatch: pytest.MonkeyPatch, count: int) -> _Tally:
    tally = _Tally()
    module = sys.modules[__name__]
    with monkeypatch.context() as patch:
        for name in ("_OLD_CANDIDATE", "_OLD_LINE_BREAK", "_OLD_WORD_BEFORE", "_OLD_NEXT_WORD"):
            patch.setattr(module, name, _CountingPattern(getattr(module, name), tally))
        assert len(_reference_spans(LONG_SENTENCE * count)) == count
    return tally


def test_split_sentences_work_grows_linearly_with_one_long_paragraph(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    small, large = _count_new(monkeypatch, 1_000), _count_new(monkeypatch, 4_000)
    ratio = large.characters / small.characters
    sys.stderr.write(
        f"splitter: {small.characters} characters scanned in {small.calls} calls for 1,000 "
        f"sentences, {large.characters} in {large.calls} for 4,000 (ratio {ratio:.2f})\n"
    )
    assert ratio < 6
    assert large.calls / small.calls < 6


def test_split_sentences_reference_work_grew_with_the_square(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The count above sees the fault it guards against: the old splitter's grows 16-fold
    for 4 times the sentences (measured on 50 and 200 to keep the test quick)."""
    small, large = _count_reference(monkeypatch, 50), _count_reference(monkeypatch, 200)
    assert large.characters / small.characters > 12
