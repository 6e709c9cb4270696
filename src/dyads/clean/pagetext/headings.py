"""Box headings: the short line that names a box ("MOST POPULAR", "Mehr zum Thema").

A line is a heading when, case-folded and stripped of digits and punctuation, it is one of
the lexicon's heading phrases, starts with one and adds at most a few characters ("Related
Articles", "Comments (12)"), or ends with a phrase of several words after a few characters
("Top Rated Comments"). Phrases are looked up by their first and last four characters, so a
line is compared only with the few phrases it could be.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from dyads.clean.pagetext.lexicon import HEADINGS
from dyads.records import BlockKind

_HEADING_NOISE = re.compile(r"[^\w\s'’]+|\d+|_+")
# ``_HEADING_NOISE`` on ASCII text as a table: every noise character becomes a space (a run
# of them then splits the same way as the one space the expression puts in its place).
_ASCII_NOISE = {c: " " for c in range(128) if _HEADING_NOISE.fullmatch(chr(c))}
# The noise characters (and the space) a line most often starts or ends with: ASCII
# punctuation and digits, ellipses, guillemets, bullets, dashes, quotes. ``heading_kinds``
# strips them before looking at the ends of a line, as the key does ("Comments (12)",
# "Weitere Artikel …"); only characters ``_HEADING_NOISE`` takes are kept here.
_END_NOISE = " " + "".join(
    c for c in (*map(chr, range(128)), *"…»«‹›•·–—“”‘„©®™") if _HEADING_NOISE.fullmatch(c)
)
# A heading of a named box is short: "MOST POPULAR", "Mehr zum Thema", "Comments (12)".
_HEADING_MAX_WORDS = 6
# A heading may carry a few characters after its phrase: "Related Articles", "Comments (12)".
_HEADING_TAIL_CHARS = 12
# Phrases are indexed by this many characters at their start (and end); every phrase in the
# lexicon is at least this long (a unit test keeps it so).
_KEY_CHARS = 4


def _tables() -> tuple[
    dict[str, BlockKind], dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]
]:
    kinds: dict[str, BlockKind] = {}
    for kind, phrases in HEADINGS:
        for phrase in phrases:
            kinds.setdefault(phrase, kind)
    # longest first: a line starting with "most popular" is not read as "most ..."
    ordered = sorted(kinds, key=len, reverse=True)
    starts: dict[str, list[str]] = {}
    for phrase in ordered:
        starts.setdefault(phrase[:_KEY_CHARS], []).append(phrase)
    # "Top Rated Comments", "Join the discussion": a comment heading or a phrase of several
    # words may also end the line; a single word such as "share" may not ("market share")
    ends: dict[str, list[str]] = {}
    for phrase in ordered:
        if " " in phrase or kinds[phrase] is BlockKind.COMMENTS:
            ends.setdefault(phrase[-_KEY_CHARS:], []).append(" " + phrase)
    return (
        kinds,
        {k: tuple(v) for k, v in starts.items()},
        {k: tuple(v) for k, v in ends.items()},
    )


_KINDS, _STARTS, _ENDS = _tables()


def _key_kind(key: str) -> BlockKind | None:
    kind = _KINDS.get(key)
    if kind is not None:
        return kind
    for phrase in _STARTS.get(key[:_KEY_CHARS], ()):
        if key.startswith(phrase):
            # the longest phrase the line starts with decides
            if len(key) <= len(phrase) + _HEADING_TAIL_CHARS:
                return _KINDS[phrase]
            break
    for tail in _ENDS.get(key[-_KEY_CHARS:], ()):
        if key.endswith(tail):
            # the longest phrase the line ends with decides
            if len(key) - len(tail) <= _HEADING_TAIL_CHARS:
                return _KINDS[tail[1:]]
            break
    return None


def heading_kind_folded(folded: str) -> BlockKind | None:
    """The kind of box a short case-folded line names, or None."""
    first, last = folded[:_KEY_CHARS], folded[-_KEY_CHARS:]
    # letters and single spaces are kept as they are: a line whose first and last characters
    # are such and start and end no phrase names no box (most menu entries and headlines)
    if (
        first not in _STARTS
        and last not in _ENDS
        and (first.isalpha() or first.replace(" ", "").isalpha())
        and (last.isalpha() or last.replace(" ", "").isalpha())
    ):
        return None
    if (
        folded.replace(" ", "").isalpha()
        and "  " not in folded
        and not folded.startswith(" ")
        and not folded.endswith(" ")
    ):
        # letters and single spaces between them: the line is its own key
        return _key_kind(folded)
    if folded.isascii():
        key = " ".join(folded.translate(_ASCII_NOISE).split())
    else:
        key = " ".join(_HEADING_NOISE.sub(" ", folded).split())
    return _key_kind(key) if key else None


def heading_kind(text: str) -> BlockKind | None:
    """The kind of box a short line names, or None."""
    if text.count(" ") >= _HEADING_MAX_WORDS:
        return None
    return heading_kind_folded(text.casefold())


def heading_kinds(folds: Iterable[str]) -> dict[str, BlockKind]:
    """``heading_kind_folded`` of whitespace-normalised lines, only those that name a box.

    A page's lines are passed once each (a menu printed twice is read once). Lines with
    many spaces are too long to be headings. Noise at either end of a line only becomes
    spaces the key drops, so the line is looked at without it; a line that is nothing but
    such noise has no key. A line whose first and last characters are then letters and
    single spaces that start and end no phrase is passed over: its key starts and ends
    with the same characters (the first and the last are letters, so the noise inside
    turns into no key's end), or is shorter than a phrase's index. When the line is only
    letters and single spaces, it is its own key; a key that starts and ends no phrase is
    none either.
    """
    starts, ends, keep, noisy = _STARTS, _ENDS, _KEY_CHARS, _END_NOISE
    todo = [
        (fold, core)
        for fold in folds
        if fold.count(" ") < _HEADING_MAX_WORDS
        and (core := fold.strip(noisy))
        and not (
            (first := core[:keep]) not in starts
            and (last := core[-keep:]) not in ends
            and (first.isalpha() or first.replace(" ", "").isalpha())
            and (last.isalpha() or last.replace(" ", "").isalpha())
        )
    ]
    out: dict[str, BlockKind] = {}
    noise, table = _HEADING_NOISE, _ASCII_NOISE
    for fold, core in todo:
        if core.replace(" ", "").isalpha():
            key = core
        else:
            spaced = fold.translate(table) if fold.isascii() else noise.sub(" ", fold)
            key = " ".join(spaced.split())
        # a key that starts and ends no phrase is none
        if key and (key[:keep] in starts or key[-keep:] in ends):
            kind = _key_kind(key)
            if kind is not None:
                out[fold] = kind
    return out
