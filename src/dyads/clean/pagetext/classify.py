"""Name the blocks of a page that are not the article, and list their items.

Lines left out of the body are grouped into blocks: a new block starts at a box heading
("MOST POPULAR"), at a labelled teaser ("WORLD <headline>" followed by the headline again) and
wherever the body interrupts. A block takes the kind of its heading; without one, the kind its
lines' content says (cookie notice, ©, share bar, caption), else its place on the page.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from dyads.clean.pagetext.features import PageFeatures
from dyads.records import BlockKind, BoilerplateBlock

# A teaser label is a short section name in capitals ("WORLD", "ECONOMY", "US NEWS").
_LABEL_WORD = re.compile(r"^[A-ZÀ-ÞА-Я][A-ZÀ-ÞА-Я&'’\-]+$")
_LABEL_MAX_WORDS = 3
# How far ahead the headline of a labelled teaser is printed again (the next line, or the
# one after an image label).
_TEASER_LOOKAHEAD = 3
# Kinds whose items are headlines: a prose line after a headline is its lede, not an item.
_HEADLINE_KINDS = frozenset({BlockKind.TEASER, BlockKind.MOST_POPULAR, BlockKind.RECOMMENDED})
# Line kinds that never belong to the box above them.
_OWN_BLOCK_MARKERS = frozenset({BlockKind.FOOTER, BlockKind.COOKIE})


@dataclass(slots=True)
class _Group:
    kind: BlockKind | None
    heading: str | None
    before_body: bool
    lines: list[int] = field(default_factory=list)


def teaser_label(texts: tuple[str, ...], folded: tuple[str, ...], i: int) -> tuple[str, str] | None:
    """``(label, headline)`` when line ``i`` is "LABEL headline" and the headline follows."""
    text = texts[i]
    following = folded[i + 1 : i + 1 + _TEASER_LOOKAHEAD]
    # the headline after the label ends the line (a cheap test before splitting it)
    if not folded[i].endswith(following):
        return None
    if not text[:1].isupper() or not text.split(" ", 1)[0].isupper():
        return None
    words = text.split(" ")
    ahead = set(following)
    for n in range(1, min(_LABEL_MAX_WORDS, len(words) - 1) + 1):
        if not _LABEL_WORD.match(words[n - 1]):
            return None
        rest = " ".join(words[n:])
        if rest.casefold() in ahead:
            return " ".join(words[:n]), rest
    return None


def _groups(
    texts: tuple[str, ...],
    feats: PageFeatures,
    skip: frozenset[int],
    body_start: int,
) -> list[_Group]:
    groups: list[_Group] = []
    current: _Group | None = None
    markers, folded, headings = feats.marker, feats.folded, feats.heading
    for i, text in enumerate(texts):
        if i in skip:
            current = None
            continue
        # a label's first two characters are capitals (a cheap test before the full one)
        label = teaser_label(texts, folded, i) if text[:2].isupper() else None
        heading = headings[i]
        if label is not None:
            current = _Group(BlockKind.TEASER, label[0], i < body_start)
            groups.append(current)
        elif heading is not None:
            current = _Group(heading, text, i < body_start)
            groups.append(current)
            continue
        elif current is None or (
            # a footer or cookie line opens its own block unless the block is of that kind
            markers[i] in _OWN_BLOCK_MARKERS and current.kind is not markers[i]
        ):
            current = _Group(None, None, i < body_start)
            groups.append(current)
        current.lines.append(i)
    return groups


def _content_kind(group: _Group, feats: PageFeatures) -> BlockKind:
    markers = feats.marker
    marked = [marker for i in group.lines if (marker := markers[i]) is not None]
    if marked:
        kind, count = Counter(marked).most_common(1)[0]
        if count * 2 >= len(group.lines):
            return kind
    if group.lines and all(feats.repeated[i] for i in group.lines):
        return BlockKind.TEASER
    if group.before_body:
        return BlockKind.NAVIGATION
    return BlockKind.OTHER


def _items(
    group: _Group, kind: BlockKind, texts: tuple[str, ...], feats: PageFeatures
) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    headline_seen = False
    headlines = kind in _HEADLINE_KINDS
    folded, prose, repeated = feats.folded, feats.prose, feats.repeated
    for n, i in enumerate(group.lines):
        text, fold = texts[i], folded[i]
        if n == 0 and kind is BlockKind.TEASER and group.heading and text.startswith(group.heading):
            text = text[len(group.heading) :].strip()
            fold = text.casefold()
        if headlines and prose[i] and headline_seen and not repeated[i]:
            continue  # the lede under a headline
        headline_seen = True
        seen.setdefault(fold, text)
    return tuple(seen.values())


def boilerplate_blocks(
    texts: tuple[str, ...],
    feats: PageFeatures,
    *,
    skip: Iterable[int],
    body_start: int,
) -> tuple[BoilerplateBlock, ...]:
    """Every line not in ``skip`` (the body and the metadata lines), grouped and named."""
    out: list[BoilerplateBlock] = []
    for group in _groups(texts, feats, frozenset(skip), body_start):
        kind = group.kind or _content_kind(group, feats)
        items = _items(group, kind, texts, feats)
        if items or group.heading:
            out.append(BoilerplateBlock(kind=kind, items=items, heading=group.heading))
    return tuple(out)
