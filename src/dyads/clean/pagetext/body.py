"""Find the article body among a page's lines.

Each line gets a weight: prose lines count for their words, everything else against. The body
is the run of lines with the largest total weight (the maximum-sum segment), which keeps the
short lines between paragraphs (a subheading, a list item, "10 p.m.") and leaves out the
teaser ledes that sit past a menu or a "MOST POPULAR" box. Inside that run, lines that are
plainly not article text (box headings and their items, captions, share buttons) are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dyads.clean.meta import is_timestamp_line
from dyads.clean.pagetext.features import PageFeatures
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
# A line that is only a date ("Nov. 18, 2019 7:04 pm ET"): in an article it closes the head
# (title, standfirst, byline, date) before the first paragraph; in a teaser list it sits under
# every item. Either way the body does not run across it. Nearly a box heading's wall: on the
# dev half of the Zyte lynx dumps -10 to -25 all help (F1 +0.004 to +0.006), -25 the most,
# and no page lost.
_TIMESTAMP_WEIGHT = -25.0
_TIMESTAMP_MAX_WORDS = 8
# Every form ``is_timestamp_line`` reads prints the year in full (19xx or 20xx): lines
# without such a number skip the costlier test (keep in step with ``timestamps._FORMS``);
# a substring test passes most lines over before the expression.
_DATE_HINT = re.compile(r"(?:19|20)\d\d")
# A short non-prose line (menu entry, headline, label): a base cost plus half a word each,
# capped, so that a run of 20 menu entries outweighs a 40-word teaser lede beyond it.
_SHORT_BASE = 2.0
_SHORT_PER_WORD = 1.0
_SHORT_MAX_WORDS = 8
# A headline printed twice (link text and image alt, or list and teaser) is a teaser.
_REPEATED_WEIGHT = -6.0
# A prose list item counts half: link lists of full-sentence headlines exist.
_LIST_PROSE_SHARE = 0.5
# A prose line printed twice on the page is a teaser lede (in a list and in a box, or a
# summary above its own article elsewhere): it counts a tenth, enough to keep a repeated
# first paragraph at the start of the body but not to pull a teaser list in (dev half:
# F1 +0.005 against counting it in full).
_REPEATED_PROSE_SHARE = 0.1
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
        BlockKind.TEASER,  # a strip of teasers run together on one line
    }
)

# the weight of each kind of marker line
_MARKER_WEIGHTS = {
    **{kind: _MARKER_WEIGHT for kind in _LINE_MARKERS},
    BlockKind.CAPTION: _CAPTION_WEIGHT,
}


@dataclass(frozen=True, slots=True, kw_only=True)
class BodySpan:
    start: int  # first line of the maximum-sum run
    end: int  # one past its last line
    lines: tuple[int, ...]  # indices of the body lines kept inside the run
    score: float  # total weight of the run
    prose_words: int  # words on the kept prose lines


def line_weights(feats: PageFeatures, markers: tuple[str, ...]) -> list[float]:
    """How much each line says "this is the article" (positive) or "this is not" (negative).

    A box heading, a marker line (cookie, share bar, ...), a caption and an image label have
    fixed weights; a prose line counts its words (half in a list); a repeated headline is a
    teaser; any other short line costs a little more per word.
    """
    out: list[float] = []
    for heading, marker, junk, prose, words, repeated, listed in zip(
        feats.heading,
        feats.marker,
        feats.junk,
        feats.prose,
        feats.words,
        feats.repeated,
        markers,
        strict=True,
    ):
        if heading is not None:
            out.append(_HEADING_WEIGHT)
        elif marker is not None and (weight := _MARKER_WEIGHTS.get(marker)) is not None:
            out.append(weight)
        elif junk:
            out.append(_JUNK_WEIGHT)
        elif prose:
            share = _REPEATED_PROSE_SHARE if repeated else 1.0
            out.append(words * share * (_LIST_PROSE_SHARE if listed else 1.0))
        elif repeated:
            out.append(_REPEATED_WEIGHT)
        else:
            out.append(-(_SHORT_BASE + _SHORT_PER_WORD * min(words, _SHORT_MAX_WORDS)))
    return out


def _headline(feats: PageFeatures, i: int) -> bool:
    return (
        not feats.prose[i]
        and not feats.junk[i]
        and feats.heading[i] is None
        and feats.marker[i] is None
        and _HEADLINE_MIN_WORDS <= feats.words[i] <= _HEADLINE_MAX_WORDS
    )


def timestamp_walls(weights: list[float], feats: PageFeatures, texts: tuple[str, ...]) -> None:
    """Lines that are only a date or a date and time weigh as walls."""
    for i in [
        i
        for i, (n, prose, weight) in enumerate(zip(feats.words, feats.prose, weights, strict=True))
        if n <= _TIMESTAMP_MAX_WORDS and weight < 0 and not prose
    ]:
        text = texts[i]
        if (
            ("20" in text or "19" in text)
            and _DATE_HINT.search(text) is not None
            and is_timestamp_line(text)
        ):
            weights[i] = min(weights[i], _TIMESTAMP_WEIGHT)


def teaser_ledes(feats: PageFeatures) -> list[int]:
    """Prose lines cut short with an ellipsis right under a headline: ledes in a teaser list.

    Image labels between the headline and the lede are looked through.
    """
    out: list[int] = []
    junk, prose = feats.junk, feats.prose
    for i in feats.cut:
        if not prose[i] or junk[i]:
            continue
        previous = i - 1
        while previous >= 0 and junk[previous]:
            previous -= 1
        if previous >= 0 and _headline(feats, previous):
            out.append(i)
    return out


def smooth(weights: list[float], feats: PageFeatures) -> None:
    """Lean each weight towards its neighbours: the body is contiguous prose.

    A prose line with no prose on either side (a teaser lede between headlines, a stray
    caption) counts less; a short line between two prose lines (a subheading, a dateline)
    costs less. Image labels are skipped when looking for neighbours; a prose line that is a
    marker (a copyright notice, a share prompt) or names a box is no neighbour of the body.
    """
    kept = [i for i, junk in enumerate(feats.junk) if not junk]
    # a long contact note beside the © line is no paragraph of a body (dev half: F1 +0.011)
    is_prose, marker, heading = feats.prose, feats.marker, feats.heading
    prose = [is_prose[i] and marker[i] is None and heading[i] is None for i in kept]
    before = False
    last = len(kept) - 1
    for n, i in enumerate(kept):
        here = prose[n]
        after = prose[n + 1] if n < last else False
        if here:
            if not before and not after:
                weights[i] *= _ISOLATED_PROSE_SHARE
        elif before and after and weights[i] < 0:
            weights[i] *= _ENCLOSED_SHORT_SHARE
        before = here


def max_sum_run(weights: list[float]) -> tuple[int, int, float]:
    """The half-open range with the largest sum (Kadane's algorithm); empty when all < 0."""
    best = (0, 0, 0.0)
    best_total = 0.0
    start, total = 0, 0.0
    for i, weight in enumerate(weights):
        if total <= 0:
            start, total = i, 0.0
        total += weight
        if total > best_total:
            best_total = total
            best = (start, i + 1, total)
    return best


def _kept(feats: PageFeatures, start: int, end: int) -> list[int]:
    """Lines of the run that are article text: not a box, caption, marker or label."""
    kept: list[int] = []
    in_box = False
    headings, markers, proses, junks, repeats = (
        feats.heading,
        feats.marker,
        feats.prose,
        feats.junk,
        feats.repeated,
    )
    for i in range(start, end):
        if headings[i] is not None:
            in_box = True
            continue
        marker = markers[i]
        prose = proses[i]
        if prose and marker is None:
            in_box = False
        if in_box or junks[i] or marker is not None:
            continue
        if repeats[i] and not prose:
            continue
        kept.append(i)
    return kept


def _cut_at_terminal(feats: PageFeatures, start: int, end: int) -> int:
    """End the run at a comments heading that opens a thread (comment heads follow it)."""
    run = feats.heading[start:end]
    if not any(kind in run for kind in _TERMINAL_KINDS):
        return end
    words = 0
    for i in range(start, end):
        if feats.heading[i] in _TERMINAL_KINDS and words >= _TERMINAL_AFTER_WORDS:
            heads = sum(1 for j in range(i + 1, end) if feats.marker[j] in _TERMINAL_KINDS)
            if heads >= _THREAD_MIN_HEADS:
                return i
        if feats.prose[i]:
            words += feats.words[i]
    return end


def select_body(feats: PageFeatures, markers: tuple[str, ...], texts: tuple[str, ...]) -> BodySpan:
    weights = line_weights(feats, markers)
    for i in teaser_ledes(feats):
        weights[i] *= _LEDE_SHARE
    timestamp_walls(weights, feats, texts)
    smooth(weights, feats)
    start, end, score = max_sum_run(weights)
    end = _cut_at_terminal(feats, start, end)
    kept = _kept(feats, start, end)
    counts, prose = feats.words, feats.prose
    words = sum(counts[i] for i in kept if prose[i])
    return BodySpan(start=start, end=end, lines=tuple(kept), score=score, prose_words=words)
