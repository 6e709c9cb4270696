"""Per-line features: is a line prose, a heading of a named box, a caption, a marker line?

Every feature reads only the shape of the line (length, punctuation, list markers, case,
repetition on the page) or the block lexicon, so it works on pages in any language that
separates words with spaces and ends sentences with punctuation.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from dyads.clean.pagetext.lexicon import HEADINGS, MARKERS
from dyads.clean.pagetext.lines import Line
from dyads.records import BlockKind

_SENTENCE_END = re.compile(r"[.!?…。！？:;][\"'”’»)\]]*$|[\"”»]$")
_INNER_SENTENCE = re.compile(r"\w[.!?][\"”’»)]* [\"“„«(]?[A-ZÀ-ÞА-Я]")
_HEADING_NOISE = re.compile(r"[^\w\s'’]+|\d+|_+")
_BRACKETED = re.compile(r"^\[[^\]]*\]$|^\[[^\]]*\]( \[[^\]]*\])+$|^(IFRAME|BUTTON|INPUT)\b")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_LETTER = re.compile(r"[^\W\d_]")

# A heading of a named box is short: "MOST POPULAR", "Mehr zum Thema", "Comments (12)".
_HEADING_MAX_WORDS = 6
# A prose line has at least this many words and ends like a sentence; shorter finished
# sentences ("He declined to comment.") still count, a 3-word label with a full stop does not.
_PROSE_MIN_WORDS = 5
# A line with this many words is prose even when it does not end like a sentence (a long
# paragraph cut by the page, a lede without its full stop): headlines and menus stay shorter.
_LONG_LINE_WORDS = 30
# CJK text has no spaces: count two characters as one word, the usual ratio for news prose.
_CJK_CHARS_PER_WORD = 2


@dataclass(frozen=True, slots=True, kw_only=True)
class LineFeatures:
    words: int
    prose: bool  # shaped like a sentence of running text
    heading: BlockKind | None  # the line names a box ("Related", "MOST POPULAR")
    marker: BlockKind | None  # the line itself is boilerplate (cookie, ©, share, caption)
    repeated: bool  # the same text appears elsewhere on the page
    junk: bool  # an image label, form control or other line with no text of its own


def word_count(text: str) -> int:
    words = text.count(" ") + 1
    cjk = len(_CJK.findall(text))
    return max(words, cjk // _CJK_CHARS_PER_WORD)


def _heading_table() -> tuple[dict[str, BlockKind], re.Pattern[str], re.Pattern[str]]:
    kinds: dict[str, BlockKind] = {}
    for kind, phrases in HEADINGS:
        for phrase in phrases:
            kinds.setdefault(phrase, kind)
    ordered = sorted(kinds, key=len, reverse=True)
    prefix = re.compile("^(?:" + "|".join(re.escape(p) for p in ordered) + ")")
    # "Top Rated Comments", "Join the discussion": a comment heading or a phrase of several
    # words may also end the line; a single word such as "share" may not ("market share")
    tails = [p for p in ordered if " " in p or kinds[p] is BlockKind.COMMENTS]
    suffix = re.compile("(?:^|\\s)(?:" + "|".join(re.escape(p) for p in tails) + ")$")
    return kinds, prefix, suffix


_HEADING_KINDS, _HEADING_PREFIX, _HEADING_SUFFIX = _heading_table()
# A heading may carry a few characters after its phrase: "Related Articles", "Comments (12)".
_HEADING_TAIL_CHARS = 12
_MARKERS = tuple((kind, triggers, re.compile(pattern)) for kind, triggers, pattern in MARKERS)
# every trigger substring in one alternation: most lines have none and are done in one search
_TRIGGERS = re.compile(
    "|".join(
        re.escape(t) for t in sorted({t for _, ts, _ in MARKERS for t in ts}, key=len, reverse=True)
    )
)


def heading_kind(text: str) -> BlockKind | None:
    """The kind of box a short line names, or None."""
    if text.count(" ") >= _HEADING_MAX_WORDS:
        return None
    key = " ".join(_HEADING_NOISE.sub(" ", text.casefold()).split())
    if not key:
        return None
    kind = _HEADING_KINDS.get(key)
    if kind is not None:
        return kind
    found = _HEADING_PREFIX.match(key)
    if found is not None and len(key) <= found.end() + _HEADING_TAIL_CHARS:
        return _HEADING_KINDS[found.group(0)]
    found = _HEADING_SUFFIX.search(key)
    if found is not None and found.start() <= _HEADING_TAIL_CHARS:
        return _HEADING_KINDS[found.group(0).strip()]
    return None


def marker_kind(folded: str) -> BlockKind | None:
    """The kind of boilerplate a case-folded line is by its content (cookie notice, ©, caption)."""
    if _TRIGGERS.search(folded) is None:
        return None
    for kind, triggers, pattern in _MARKERS:
        if any(t in folded for t in triggers) and pattern.search(folded):
            return kind
    return None


def is_prose(text: str, words: int) -> bool:
    if words >= _LONG_LINE_WORDS:
        return True
    if words < _PROSE_MIN_WORDS:
        return False
    return bool(_SENTENCE_END.search(text) or _INNER_SENTENCE.search(text))


def line_features(lines: tuple[Line, ...]) -> tuple[LineFeatures, ...]:
    folded = [line.text.casefold() for line in lines]
    counts = Counter(folded)
    out = []
    for line, fold in zip(lines, folded, strict=True):
        text = line.text
        words = word_count(text)
        junk = bool(_BRACKETED.match(text)) or not _LETTER.search(text)
        out.append(
            LineFeatures(
                words=words,
                prose=not junk and is_prose(text, words),
                heading=heading_kind(text),
                marker=marker_kind(fold),
                repeated=counts[fold] > 1,
                junk=junk,
            )
        )
    return tuple(out)
