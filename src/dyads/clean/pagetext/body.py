"""Find the article body among a page's lines.

Each line gets a weight: prose lines count for their words, everything else against. The body
is the run of lines with the largest total weight (the maximum-sum segment), which keeps the
short lines between paragraphs (a subheading, a list item, "10 p.m.") and leaves out the
teaser ledes that sit past a menu or a "MOST POPULAR" box. Inside that run, lines that are
plainly not article text (box headings and their items, captions, share buttons) are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from dyads.clean.pagetext.features import LineFeatures
from dyads.records import BlockKind

# Weights are in words of prose. Calibrated on one random half of the Zyte lynx dumps and
# checked on the other half; see bench/score_extraction.py.
# A box heading ("Related", "MOST POPULAR") is a wall: the body seldom runs through one, and
# when it does, the paragraphs on the far side outweigh it easily.
_HEADING_WEIGHT = -30.0
# A cookie notice, copyright line, share bar or sign-up prompt.
_MARKER_WEIGHT = -10.0
# A caption sits between paragraphs of the body and must not split it.
_CAPTION_WEIGHT = -3.0
# An image label or form control: frequent inside bodies, carries nothing.
_JUNK_WEIGHT = -1.0
# A short non-prose line (menu entry, headline, label): a base cost plus half a word each,
# capped, so that a run of 20 menu entries outweighs a 40-word teaser lede beyond it.
_SHORT_BASE = 2.0
_SHORT_PER_WORD = 1.0
_SHORT_MAX_WORDS = 8
# A headline printed twice (link text and image alt, or list and teaser) is a teaser.
_REPEATED_WEIGHT = -6.0
# A prose list item counts half: link lists of full-sentence headlines exist.
_LIST_PROSE_SHARE = 0.5
# A lede in a list of teasers (headline, lede, headline, lede, ...) counts a quarter: such
# lists hold as much prose as a short article, but an article alternates so only where every
# paragraph has a subheading.
_LEDE_SHARE = 0.25
# Smoothing (see ``smooth``): an isolated prose line counts this share of its words, a short
# line between two prose lines costs this share of its weight.
_ISOLATED_PROSE_SHARE = 0.5
_ENCLOSED_SHORT_SHARE = 0.5
# A headline above a lede: a short line that is not a sentence.
_HEADLINE_MIN_WORDS = 2
_HEADLINE_MAX_WORDS = 20
# Box headings after which the article does not resume: once this many words of prose are in
# the run, the run ends at such a heading (a comment thread can outweigh a short article).
# Only comments: "Most Popular" or "Recommended" boxes are printed before the article too.
_TERMINAL_KINDS = frozenset({BlockKind.COMMENTS})
_TERMINAL_AFTER_WORDS = 40
# A comment form ("Comment (required)") is not a thread; two comment heads ("... said:",
# "2 days ago", "Rating: 9 Votes") after the heading are.
_THREAD_MIN_HEADS = 2

_LINE_MARKERS = frozenset(
    {
        BlockKind.COOKIE,
        BlockKind.FOOTER,
        BlockKind.SHARE,
        BlockKind.SUBSCRIBE,
        BlockKind.ADVERTISEMENT,
        BlockKind.COMMENTS,
    }
)


@dataclass(frozen=True, slots=True, kw_only=True)
class BodySpan:
    start: int  # first line of the maximum-sum run
    end: int  # one past its last line
    lines: tuple[int, ...]  # indices of the body lines kept inside the run
    score: float  # total weight of the run
    prose_words: int  # words on the kept prose lines


def _fixed_weight(feat: LineFeatures) -> float | None:
    """The weight of a heading, marker, caption or label line; None for other lines."""
    if feat.heading is not None:
        return _HEADING_WEIGHT
    if feat.marker in _LINE_MARKERS:
        return _MARKER_WEIGHT
    if feat.marker is BlockKind.CAPTION:
        return _CAPTION_WEIGHT
    return _JUNK_WEIGHT if feat.junk else None


def line_weight(feat: LineFeatures, *, listed: bool) -> float:
    """How much a line says "this is the article" (positive) or "this is not" (negative)."""
    fixed = _fixed_weight(feat)
    if fixed is not None:
        return fixed
    if feat.prose:
        return feat.words * (_LIST_PROSE_SHARE if listed else 1.0)
    if feat.repeated:
        return _REPEATED_WEIGHT
    return -(_SHORT_BASE + _SHORT_PER_WORD * min(feat.words, _SHORT_MAX_WORDS))


def _headline(feat: LineFeatures) -> bool:
    return (
        not feat.prose
        and not feat.junk
        and feat.heading is None
        and feat.marker is None
        and _HEADLINE_MIN_WORDS <= feat.words <= _HEADLINE_MAX_WORDS
    )


def teaser_ledes(feats: tuple[LineFeatures, ...], texts: tuple[str, ...]) -> frozenset[int]:
    """Prose lines that are ledes in a teaser list: each one follows a headline, as does the
    prose line before or after it; or they are cut short with an ellipsis."""
    under_headline: list[int] = []  # prose lines that follow a headline
    prose: list[int] = []
    previous: int | None = None
    for i, feat in enumerate(feats):
        if feat.junk:
            continue
        if feat.prose:
            prose.append(i)
            if previous is not None and _headline(feats[previous]):
                under_headline.append(i)
        previous = i
    marked = set(under_headline)
    return frozenset(i for i in marked if texts[i].endswith(("...", "…")))


def smooth(weights: list[float], feats: tuple[LineFeatures, ...]) -> None:
    """Lean each weight towards its neighbours: the body is contiguous prose.

    A prose line with no prose on either side (a teaser lede between headlines, a stray
    caption) counts less; a short line between two prose lines (a subheading, a dateline)
    costs less. Image labels are skipped when looking for neighbours.
    """
    kept = [i for i, feat in enumerate(feats) if not feat.junk]
    prose = [feats[i].prose for i in kept]
    for n, i in enumerate(kept):
        before = prose[n - 1] if n > 0 else False
        after = prose[n + 1] if n + 1 < len(kept) else False
        if prose[n] and not before and not after:
            weights[i] *= _ISOLATED_PROSE_SHARE
        elif not prose[n] and before and after and weights[i] < 0:
            weights[i] *= _ENCLOSED_SHORT_SHARE


def max_sum_run(weights: list[float]) -> tuple[int, int, float]:
    """The half-open range with the largest sum (Kadane's algorithm); empty when all < 0."""
    best = (0, 0, 0.0)
    start, total = 0, 0.0
    for i, weight in enumerate(weights):
        if total <= 0:
            start, total = i, 0.0
        total += weight
        if total > best[2]:
            best = (start, i + 1, total)
    return best


def _kept(feats: tuple[LineFeatures, ...], start: int, end: int) -> list[int]:
    """Lines of the run that are article text: not a box, caption, marker or label."""
    kept: list[int] = []
    in_box = False
    for i in range(start, end):
        feat = feats[i]
        if feat.heading is not None:
            in_box = True
            continue
        if feat.prose and feat.marker is None:
            in_box = False
        if in_box or feat.junk or feat.marker is not None:
            continue
        if feat.repeated and not feat.prose:
            continue
        kept.append(i)
    return kept


def _cut_at_terminal(feats: tuple[LineFeatures, ...], start: int, end: int) -> int:
    """End the run at a comments heading that opens a thread (comment heads follow it)."""
    words = 0
    for i in range(start, end):
        feat = feats[i]
        if feat.heading in _TERMINAL_KINDS and words >= _TERMINAL_AFTER_WORDS:
            heads = sum(1 for j in range(i + 1, end) if feats[j].marker in _TERMINAL_KINDS)
            if heads >= _THREAD_MIN_HEADS:
                return i
        if feat.prose:
            words += feat.words
    return end


def select_body(
    feats: tuple[LineFeatures, ...], markers: tuple[str, ...], texts: tuple[str, ...]
) -> BodySpan:
    weights = [line_weight(f, listed=bool(m)) for f, m in zip(feats, markers, strict=True)]
    for i in teaser_ledes(feats, texts):
        weights[i] *= _LEDE_SHARE
    smooth(weights, feats)
    start, end, score = max_sum_run(weights)
    end = _cut_at_terminal(feats, start, end)
    kept = _kept(feats, start, end)
    words = sum(feats[i].words for i in kept if feats[i].prose)
    return BodySpan(start=start, end=end, lines=tuple(kept), score=score, prose_words=words)
