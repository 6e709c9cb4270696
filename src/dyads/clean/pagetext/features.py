"""Per-line features: is a line prose, a heading of a named box, a caption, a marker line?

Every feature reads only the shape of the line (length, punctuation, list markers, case,
repetition on the page) or the block lexicon, so it works on pages in any language that
separates words with spaces and ends sentences with punctuation.

Features are computed for a whole page at once and kept column by column: the page's text is
case-folded and searched for marker phrases in one pass, and the costlier tests run only on
the lines that can pass them (box headings are short; few lines hold a marker phrase).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice, repeat

from dyads.clean.pagetext.headings import heading_kind, heading_kinds
from dyads.clean.pagetext.lexicon import MARKERS
from dyads.clean.pagetext.lines import PageLines, line_starts, lines_holding
from dyads.records import BlockKind

__all__ = [
    "PageFeatures",
    "heading_kind",
    "is_prose",
    "line_features",
    "marker_kind",
    "word_count",
]

# A sentence ends in one of these, maybe followed by closing quotes or brackets; or the line
# ends in a closing quote.
_SENTENCE_ENDS = ".!?…。！？:;"
_CLOSERS = "\"'”’»)]"
_QUOTE_ENDS = ('"', "”", "»")
_INNER_SENTENCE = re.compile(r"\w[.!?][\"”’»)]* [\"“„«(]?[A-ZÀ-ÞА-Я]")
_BRACKETED = re.compile(r"^\[[^\]]*\]$|^\[[^\]]*\]( \[[^\]]*\])+$|^(IFRAME|BUTTON|INPUT)\b")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# Every ASCII byte, for taking them out of a UTF-8 encoding (``bytes.translate``).
_ASCII_BYTES = bytes(range(128))
_LETTER = re.compile(r"[^\W\d_]")
# A lede cut short by the site ends in an ellipsis.
_ELLIPSES = ("...", "…")

# A heading of a named box is short: "MOST POPULAR", "Mehr zum Thema", "Comments (12)".
_HEADING_MAX_WORDS = 6
# A prose line has at least this many words and ends like a sentence; shorter finished
# sentences ("He declined to comment.") still count, a 3-word label with a full stop does not.
_PROSE_MIN_WORDS = 5
# A line with this many words is prose even when it does not end like a sentence (a long
# paragraph cut by the page, a lede without its full stop): headlines and menus stay shorter.
_LONG_LINE_WORDS = 30
# A share bar ("Share this article on Facebook") and a sign-up prompt ("Sign up for our
# newsletter to get ...") are short: a longer line holding their phrases is running text.
# Calibrated on the dev half of the Zyte lynx dumps (F1 +0.004; caps of 12-20 and 30-40
# words score the same, the larger ones are kept).
_MARKER_MAX_WORDS = {BlockKind.SHARE: 20, BlockKind.SUBSCRIBE: 40}
# CJK text has no spaces: count two characters as one word, the usual ratio for news prose.
_CJK_CHARS_PER_WORD = 2

# (kind, its trigger substrings as one alternation, its pattern)
_MARKERS = tuple(
    (kind, re.compile("|".join(re.escape(t) for t in triggers)), re.compile(pattern))
    for kind, triggers, pattern in MARKERS
)
# every trigger substring in one alternation: most lines have none and are done in one search
_TRIGGERS = re.compile(
    "|".join(
        re.escape(t) for t in sorted({t for _, ts, _ in MARKERS for t in ts}, key=len, reverse=True)
    )
)
# Substrings one of which every match of a marker pattern holds, looked for in the whole page
# at once, and the line shapes that cover the patterns anchored at the start or end of the
# line (a short line, "3 days ago", "Share this", "... said:"). A line with none of them has
# no marker; the others are tested in full. Derived from the patterns in ``lexicon.MARKERS``
# (a unit test checks the lexicon's own examples).
_NEEDLES = (
    *((BlockKind.COOKIE, n) for n in ("cookie", "datenschutzerklärung")),
    *(
        (BlockKind.FOOTER, n)
        for n in ("©", "(c)", "all rights reserved", "alle rechte vorbehalten")
    ),
    *((BlockKind.SHARE, n) for n in ("share on", "share via", "teilen auf", "facebook", "twitter")),
    *(
        (BlockKind.SUBSCRIBE, n)
        for n in ("sign up for", "subscri", "abonnieren", "log in to", "sign in to")
    ),
    *(
        (BlockKind.CAPTION, n)
        for n in (
            *("photo", "image", "getty", "reuters/", "afp", "shutterstock", "foto: ", "bild: "),
            *("dpa", "picture alliance"),
        )
    ),
)
_SHARE_STARTS = ("share", "tweet", "pin", "email", "e-mail", "print", "teilen", "drucken", "senden")
_SIGNS = ("+", "-")
# the kinds with patterns anchored at the start or end of the line (or the whole line)
_ANCHORED = (BlockKind.COMMENTS, BlockKind.SHARE, BlockKind.ADVERTISEMENT, BlockKind.CAPTION)
# "... said:" heads a comment; "... (Jane Doe/Reuters)" closes a caption with its credit
_SHAPE_ENDS = ("said:", "says:", ")", ").")
# whole-line markers: "Reply", "[Advertisement]", "ins: :ins"
_COMMENT_LINES = frozenset({"reply", "avatar", "antworten", "report", "flag"})
_ADVERT_LINES = frozenset(
    f"{opening}{word}{closing}"
    for word in ("ins: :ins", "ins::ins", "advertisement", "anzeige")
    for opening in ("", "[")
    for closing in ("", "]")
)
_WHOLE_LINES = _COMMENT_LINES | _ADVERT_LINES


# Kinds as bits, so that a line's possible kinds are an int (enum members hash slowly).
_BIT_MARKERS = tuple(
    (1 << n, kind, triggers, pattern) for n, (kind, triggers, pattern) in enumerate(_MARKERS)
)
_KIND_BITS = {kind: bit for bit, kind, _, _ in _BIT_MARKERS}
_NEEDLE_BITS = tuple((_KIND_BITS[kind], needle) for kind, needle in _NEEDLES)
_COMMENTS_BIT, _SHARE_BIT, _ADVERT_BIT, _CAPTION_BIT = (_KIND_BITS[kind] for kind in _ANCHORED)
# What an anchored shape's line starts (first three characters) or ends with: the others
# skip ``_anchored_bits``.
_ANCHOR_HEADS = frozenset(p[:3] for p in (*_SHARE_STARTS, *_WHOLE_LINES, "file - ", "rating: "))
_ANCHOR_TAILS = frozenset(end[-2:] for end in _SHAPE_ENDS if len(end) > 1)
# the same as tuples for ``str.startswith`` and ``str.endswith`` (a sign may start a count)
_ANCHOR_STARTS = (*sorted(_ANCHOR_HEADS), *_SIGNS)
_ANCHOR_ENDS = (*sorted(_ANCHOR_TAILS), ")")
_CONTROLS = ("IFRAME", "BUTTON", "INPUT")
_CONTROL_FIRST = frozenset(c[0] for c in _CONTROLS)


@dataclass(frozen=True, slots=True, kw_only=True)
class PageFeatures:
    """The features of every line of a page, column by column (index ``i`` is line ``i``)."""

    folded: tuple[str, ...]  # the case-folded text
    words: tuple[int, ...]
    prose: tuple[bool, ...]  # shaped like a sentence of running text
    heading: tuple[BlockKind | None, ...]  # the line names a box ("Related", "MOST POPULAR")
    marker: tuple[BlockKind | None, ...]  # the line is boilerplate (cookie, ©, share, caption)
    repeated: tuple[bool, ...]  # the same text appears elsewhere on the page
    junk: tuple[bool, ...]  # an image label, form control or other line with no text of its own
    cut: tuple[int, ...]  # the lines that end in an ellipsis ("..."), in page order


def word_count(text: str) -> int:
    words = text.count(" ") + 1
    cjk = len(_CJK.findall(text))
    return max(words, cjk // _CJK_CHARS_PER_WORD)


def marker_kind(folded: str) -> BlockKind | None:
    """The kind of boilerplate a case-folded line is by its content (cookie notice, ©, caption)."""
    if _TRIGGERS.search(folded) is None:
        return None
    return _marker_kind_triggered(folded)


def _marker_kind_triggered(folded: str) -> BlockKind | None:
    for kind, triggers, pattern in _MARKERS:
        if triggers.search(folded) and pattern.search(folded):
            return kind
    return None


def _ends_sentence(text: str) -> bool:
    trimmed = text.rstrip(_CLOSERS)
    return (trimmed != "" and trimmed[-1] in _SENTENCE_ENDS) or text.endswith(_QUOTE_ENDS)


def is_prose(text: str, words: int) -> bool:
    if words >= _LONG_LINE_WORDS:
        return True
    if words < _PROSE_MIN_WORDS:
        return False
    return _ends_sentence(text) or _INNER_SENTENCE.search(text) is not None


def _anchored_bits(fold: str) -> int:
    """The bits of the anchored kinds whose patterns a line of an anchored shape can match.

    A line of no such shape has none. Of the anchored patterns, a comment head starts with
    a number, "rating: " or a comment word or ends with "said:"; a share bar starts with
    its verb; an advertisement is the whole line; a caption starts with "file - " or closes
    with a credit that has a "/" (its other patterns hold a needle of ``_NEEDLES``).
    """
    first = fold[:1]
    comments = (
        first.isdecimal()
        or fold.endswith(("said:", "says:"))
        or fold.startswith("rating: ")
        or (first in _SIGNS and fold[1:2].isdecimal())
        or fold in _COMMENT_LINES
    )
    share = fold.startswith(_SHARE_STARTS)
    advert = fold in _ADVERT_LINES
    file_photo = fold.startswith("file - ")
    if not (comments or share or advert or file_photo or fold.endswith((")", ")."))):
        return 0
    bits = 0
    if comments:
        bits |= _COMMENTS_BIT
    if share:
        bits |= _SHARE_BIT
    if advert:
        bits |= _ADVERT_BIT
    if file_photo or "/" in fold:
        bits |= _CAPTION_BIT
    return bits


def _possible(
    folded: list[str], distinct: Iterable[str], whole: str, starts: list[int]
) -> dict[str, int]:
    """The lines that can hold a marker, each with the bits of the kinds it can be.

    ``distinct`` holds each line of ``folded`` once; ``whole`` is ``folded`` joined by
    newlines, line ``i`` starting at ``starts[i]``. Lines are keyed by their text: equal
    lines are the same kind.
    """
    heads, tails = _ANCHOR_STARTS, _ANCHOR_ENDS
    possible = {
        fold: bits
        for fold in distinct
        if (fold.startswith(heads) or fold.endswith(tails) or fold[:1].isdecimal())
        and (bits := _anchored_bits(fold))
    }
    for bit, needle in _NEEDLE_BITS:
        for i in lines_holding(whole, starts, needle):
            fold = folded[i]
            possible[fold] = possible.get(fold, 0) | bit
    return possible


def _marker_kinds(
    folded: list[str], distinct: Iterable[str], whole: str, starts: list[int], cjk: bool
) -> dict[str, BlockKind]:
    """The marker kind of each line that has one; only the lines that can are tested in full.

    Share and sign-up phrases in a line too long to be a button or a prompt ("... $2.53 a
    share on revenue of ...", "readers who subscribe to ...") are running text. Case
    folding keeps a line's spaces and CJK characters, so its folded text has its words.
    """
    out: dict[str, BlockKind] = {}
    for fold, bits in _possible(folded, distinct, whole, starts).items():
        for bit, kind, triggers, pattern in _BIT_MARKERS:
            if bits & bit and triggers.search(fold) and pattern.search(fold):
                cap = _MARKER_MAX_WORDS.get(kind)
                if cap is None or (word_count(fold) if cjk else fold.count(" ") + 1) <= cap:
                    out[fold] = kind
                break
    return out


def _cut_lines(whole: str, starts: list[int]) -> tuple[int, ...]:
    """The lines of ``whole`` (line ``i`` starting at ``starts[i]``) that end in an ellipsis.

    Found in the page at once: few lines have one.
    """
    cut = {i for ellipsis in _ELLIPSES for i in lines_holding(whole, starts, ellipsis + "\n")}
    if whole.endswith(_ELLIPSES):
        cut.add(len(starts) - 1)
    return tuple(sorted(cut))


def _prose_column(texts: tuple[str, ...], words: list[int], junk: list[bool]) -> list[bool]:
    """``is_prose`` of every line, its cheap cases decided inline.

    A line ending in a full stop ends a sentence; only lines ending in a closing quote or
    bracket need ``_ends_sentence`` (its other cases are false), and only lines with a full
    stop, question or exclamation mark can hold the end of an inner sentence.
    """
    ends, closers = _SENTENCE_ENDS, _CLOSERS
    return [
        not bad
        and n >= _PROSE_MIN_WORDS
        and (
            n >= _LONG_LINE_WORDS
            or text[-1] in ends
            or (text[-1] in closers and _ends_sentence(text))
            or (
                ("." in text or "?" in text or "!" in text)
                and _INNER_SENTENCE.search(text) is not None
            )
        )
        for text, n, bad in zip(texts, words, junk, strict=True)
    ]


def _junk_column(texts: tuple[str, ...]) -> list[bool]:
    """Image labels, form controls, lines without a letter."""
    return [
        (_LETTER.search(text) is None or _BRACKETED.match(text) is not None)
        if not text[:1].isalpha()
        else (
            text[0] in _CONTROL_FIRST
            and text.startswith(_CONTROLS)
            and _BRACKETED.match(text) is not None
        )
        for text in texts
    ]


def _fold_page(text: str) -> tuple[str, bool]:
    """``text.casefold()``, and whether ``text`` holds CJK characters.

    A page is mostly ASCII, whose case folding is lowering, which its UTF-8 bytes do in one
    pass (bytes lower only ASCII letters; every byte of another character's encoding is
    above 127). Its other characters are few (quotes, dashes, accented letters): taken out
    of the encoding together, they tell whether each folds to itself, in which case the
    lowered bytes are the folded page, and whether any is CJK.
    """
    encoded = text.encode("utf-8", "surrogatepass")
    others = encoded.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    cjk = bool(others) and _CJK.search(others) is not None
    # folding maps each character to one or more: the folded string equals the string
    # only when every character folds to itself
    if others.casefold() == others:
        return encoded.lower().decode("utf-8", "surrogatepass"), cjk
    return text.casefold(), cjk


# A kicker of a teaser: two or more words in capitals before the headline it heads ("TALL
# STORY Astronaut apologises", "MOVE TO MARS? Nasa finds").
# (No "\b" before it: a pattern that opens with a character class is searched for fast,
# and a word that runs into the kicker is ruled out after the match.)
_KICKER = re.compile(r"[A-Z][A-Z'’\-]+[?!]?(?: [A-Z][A-Z'’\-]+[?!]?)+ (?=['‘]?[A-Z][a-z])")
# A line with this many kickers is a strip of teasers run together ("more on space OUT OF
# THIS WORLD Space rock found ... TALL STORY Astronaut apologises ..."): an article's
# paragraph names an agency or two in capitals, not three headlines' kickers.
_STRIP_KICKERS = 3


def is_teaser_strip(text: str) -> bool:
    """Whether one paragraph is a strip of teasers run together (``_STRIP_KICKERS``)."""
    kickers = (m for m in _KICKER.finditer(text) if _word_start(text, m.start()))
    return len(list(islice(kickers, _STRIP_KICKERS))) >= _STRIP_KICKERS


def _word_start(text: str, at: int) -> bool:
    return at == 0 or not text[at - 1].isalnum()


def _teaser_strips(texts: tuple[str, ...], joined: str) -> list[int]:
    """The lines of ``texts`` (``joined``: them joined by newlines) that are strips of
    teasers, each headline after its kicker in capitals; the page is searched once."""
    starts = line_starts(texts)
    per_line: Counter[int] = Counter(
        bisect_right(starts, m.start()) - 1
        for m in _KICKER.finditer(joined)
        if _word_start(joined, m.start())
    )
    return [i for i, n in per_line.items() if n >= _STRIP_KICKERS]


def line_features(lines: PageLines) -> PageFeatures:
    texts = lines.texts
    if not texts:
        return PageFeatures(
            folded=(), words=(), prose=(), heading=(), marker=(), repeated=(), junk=(), cut=()
        )
    page = "\n".join(texts)
    whole, cjk = _fold_page(page)
    folded = whole.split("\n")
    # the per-line tests that read only the folded text run once per distinct line
    counts = Counter(folded)
    repeated = {fold for fold, count in counts.items() if count > 1}
    words = (
        [word_count(text) for text in texts]
        if cjk
        else [n + 1 for n in map(str.count, texts, repeat(" "))]
    )
    junk = _junk_column(texts)
    starts = line_starts(folded)
    headings = heading_kinds(counts)
    markers = _marker_kinds(folded, counts, whole, starts, cjk)
    for i in _teaser_strips(texts, page):
        markers.setdefault(folded[i], BlockKind.TEASER)
    return PageFeatures(
        folded=tuple(folded),
        words=tuple(words),
        prose=tuple(_prose_column(texts, words, junk)),
        heading=tuple(map(headings.get, folded)),
        marker=tuple(map(markers.get, folded)),
        repeated=tuple(map(repeated.__contains__, folded)),
        junk=tuple(junk),
        # case folding keeps full stops and ellipses and makes none
        cut=_cut_lines(whole, starts),
    )
