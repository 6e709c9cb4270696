"""A fast rule-based sentence splitter for news English (no spaCy).

A sentence ends at ``.``, ``!`` or ``?`` (with any closing quotes or brackets after it) that is
followed by white space and then a capital letter, a digit or an opening quote, or at a period
between a lower-case word and a capitalised one with no space at all (a space lost in the
page: "the twin murder.During questioning"). The ending is
not a boundary when the word before the period is:

- a title that precedes a name ("Mr.", "Gen.", "Lt.", "St."), or an abbreviation followed
  by a number ("No. 5", "Feb. 4"),
- a single capital letter (an initial: "J. Smith"),
- a dotted abbreviation ("U.S.", "U.N.", "a.m.") or a company suffix ("Inc."), unless the
  next word is one that starts sentences ("The", "He", ...): "talks with the U.S. The
  minister said" splits, "the U.S. Navy" does not.

A line break inside a paragraph always ends a sentence. Quotes such as ``"We will go," he
said.`` stay one sentence because a comma is not an ending.

The split is one left-to-right pass: the candidate endings and the words before them are
found by two scans that only move forward, so a paragraph of a million characters costs a
thousand times one of a thousand. ``select_for_coding`` bounds how many sentences of one
article go on to be parsed and coded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dyads.errors import ArticleTooLong
from dyads.records import PARAGRAPH_SEPARATOR, Article


@dataclass(frozen=True, slots=True, kw_only=True)
class Sentence:
    index: int  # 0-based in the article
    paragraph: int  # 1-based paragraph number
    start: int  # offsets into Article.body (paragraphs joined by "\n\n")
    end: int
    text: str


# Candidate endings: terminal punctuation, closing quotes/brackets, white space, then what may
# start a sentence (capital, digit, opening quote or bracket).
# The match starts only at the first mark of a run ("?!", "...") and its quantifiers are
# possessive: giving back a mark or a quote could never let it succeed (what follows would not
# be white space), and without both a run of thousands of periods is rescanned from every one.
_CANDIDATE = re.compile(
    r"(?<![.!?])[.!?]++[\"'”’)\]]*+(?=\s++[\"'“‘(\[]?[A-Z0-9À-Ý])"
    # a space lost between two sentences: "the twin murder.During questioning the accused"
    r"|(?<=[a-z]{3})(?<!www)\.(?=[A-Z][a-z]{2,}\b(?![.@]\w))"
)
_LINE_BREAK = re.compile(r"\s*\n\s*")
# A word before an ending, abbreviation dots and apostrophes included ("U.S", "Mr", "O'Neil").
_WORD = re.compile(r"[\w.'’-]+")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Titles that precede a name: a period after them never ends a sentence.
_TITLES = _words(
    "mr mrs ms dr prof gen lt col maj capt sgt cmdr adm rep sen gov pres rev fr st mt ft"
)
# Abbreviations that precede a number ("No. 5", "Feb. 4"): no boundary when a digit follows.
_BEFORE_NUMBER = _words(
    "no nos vol art sec fig approx est jan feb mar apr jun jul aug sep sept oct nov dec"
)
# Abbreviations that also end sentences ("Apple Inc. The company"); treated like "U.S.".
_MAYBE_FINAL = _words("inc corp ltd co bros etc jr sr vs dept ave blvd rd")
# Words that begin sentences; after a dotted abbreviation ("U.S.") they mark a real boundary.
_SENTENCE_STARTERS = _words(
    """the a an he she it they we i this that these those there his her its their in on at
    but and however meanwhile after before when while last earlier later according some
    many officials police"""
)


# A sentence ends in one of these, maybe followed by closing quotes or brackets.
_SENTENCE_ENDS = ".!?"
_CLOSERS = "\"'”’»)]"


def ends_like_sentence(text: str) -> bool:
    """Whether ``text`` ends with ". ! ?", maybe followed by closing quotes or brackets: a
    full sentence, not a headline, a caption or a fragment."""
    trimmed = text.rstrip().rstrip(_CLOSERS)
    return trimmed != "" and trimmed[-1] in _SENTENCE_ENDS


def split_sentences(article: Article) -> tuple[Sentence, ...]:
    """The sentences of the article body, with offsets into ``Article.body``."""
    sentences: list[Sentence] = []
    offset = 0
    for number, paragraph in enumerate(article.paragraphs, start=1):
        for start, end in _paragraph_spans(paragraph):
            sentences.append(
                Sentence(
                    index=len(sentences),
                    paragraph=number,
                    start=offset + start,
                    end=offset + end,
                    text=paragraph[start:end],
                )
            )
        offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    return tuple(sentences)


def _paragraph_spans(paragraph: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets inside one paragraph, white space trimmed."""
    cuts = [0]
    for match in _LINE_BREAK.finditer(paragraph):
        cuts.append(match.start())
        cuts.append(match.end())
    cuts.append(len(paragraph))
    words = _WordsBefore(paragraph)
    spans: list[tuple[int, int]] = []
    for start, end in zip(cuts[::2], cuts[1::2], strict=True):
        spans.extend(_line_spans(paragraph, start, end, words))
    return spans


def _line_spans(text: str, start: int, end: int, words: _WordsBefore) -> list[tuple[int, int]]:
    spans = []
    begin = start
    for match in _CANDIDATE.finditer(text, start, end):
        if _is_boundary(text, match.start(), match.end(), words):
            spans.append((begin, match.end()))
            begin = match.end()
    spans.append((begin, end))
    return [trimmed for span in spans if (trimmed := _trim(text, *span))]


class _WordsBefore:
    """The word that runs up to a position, for positions asked in increasing order.

    The words of the paragraph are scanned once, left to right, as the positions advance;
    looking back from each ending instead rescans the paragraph and costs its square.
    """

    __slots__ = ("_word", "_words")

    def __init__(self, text: str) -> None:
        self._words = _WORD.finditer(text)
        self._word = next(self._words, None)

    def ending_at(self, end: int) -> str | None:
        """The word that contains ``text[end - 1]``, cut at ``end``; None when that is no
        word character."""
        while self._word is not None and self._word.end() < end:
            self._word = next(self._words, None)
        word = self._word
        if word is None or word.start() >= end:
            return None
        return word.string[word.start() : end]


def _is_boundary(text: str, mark: int, after: int, words: _WordsBefore) -> bool:
    """Whether the punctuation at ``text[mark:after]`` ends a sentence."""
    word = _word_before(text, mark, after, words)
    if word is None:
        return True
    if len(word) == 1 and word.isupper():
        return False  # an initial: "J. Smith"
    lowered = word.lower()
    if lowered in _TITLES:
        return False
    following = _next_word(text, after)
    if lowered in _BEFORE_NUMBER:
        return not following[:1].isdigit()
    if (
        "." in word or lowered in _MAYBE_FINAL
    ):  # "U.S", "a.m", "U.N": boundary only before a word that starts sentences
        return following.lower() in _SENTENCE_STARTERS
    return True


def _word_before(text: str, mark: int, after: int, words: _WordsBefore) -> str | None:
    """The word that a single period at ``mark`` follows, without quotes and hyphens around
    it; None when the ending is not one period or follows no word (it ends a sentence)."""
    if text[mark] != "." or text[mark:after].startswith(".."):
        return None
    # A period first on its line ("Mr\n. Smith") reads the word at the end of the line before.
    end = mark - 1 if mark > 0 and text[mark - 1] == "\n" else mark
    found = words.ending_at(end)
    return None if found is None else found.strip("'’-")


# The word after an ending is looked for in the next 40 characters only: white space, an
# opening quote and a word as long as any in the lists above fit in far less.
_NEXT_WORD = re.compile(r"\s*[\"'“‘(\[]?([\w'’-]+)")
_NEXT_WORD_WINDOW = 40


def _next_word(text: str, position: int) -> str:
    found = _NEXT_WORD.match(text, position, position + _NEXT_WORD_WINDOW)
    return found.group(1) if found else ""


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def bounded_for_coding(sentences: Sequence[Sentence], *, limit: int) -> Sequence[Sentence]:
    """``sentences`` (those chosen for parsing and coding), or ``ArticleTooLong`` when they
    are more than ``limit`` (``Settings.max_coded_sentences``)."""
    if len(sentences) > limit:
        raise ArticleTooLong(
            f"{len(sentences):,} sentences to code, over the limit of {limit:,} "
            "(DYADS_MAX_CODED_SENTENCES): a page this long holds many stories, not one article"
        )
    return sentences
