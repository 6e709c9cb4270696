"""What an HTML page says about itself outside the article text, read in one lxml pass.

``page_blocks`` names the boilerplate blocks a page marks up as such (``<nav>``, ``<footer>``,
and elements whose class or id says related, recommended, popular, share, cookie, comments,
newsletter) and keeps their link texts as items. ``published_hint`` reads the publication time
from the meta tags and ``<time>`` elements, which carry the time of day that trafilatura's
date (a day) drops.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from dyads.clean.timestamps import parse_timestamp
from dyads.records import BlockKind, BoilerplateBlock

__all__ = ["MarkedBlock", "outside_body", "page_blocks", "published_hint"]

# Class/id words that name a block, most specific first (an element "related-share" is
# related). Matched anywhere inside class and id values, case-insensitively.
_MARKERS: tuple[tuple[re.Pattern[str], BlockKind], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), kind)
    for pattern, kind in (
        (r"most[-_ ]?(?:popular|read|viewed|shared)|popular|trending", BlockKind.MOST_POPULAR),
        (r"recommend|you[-_ ]?may[-_ ]?like|outbrain|taboola", BlockKind.RECOMMENDED),
        (r"related|more[-_ ]?(?:stories|news|from)|read[-_ ]?more", BlockKind.RELATED),
        (r"cookie|consent|gdpr", BlockKind.COOKIE),
        (r"\bshare|sharing|social", BlockKind.SHARE),
        (r"newsletter|subscribe|signup|sign-up", BlockKind.SUBSCRIBE),
        (r"\bcomments?\b|comment[-_]?(?:list|section|area|s-)|disqus", BlockKind.COMMENTS),
        (r"\bnav\b|navbar|navigation|menu|breadcrumb", BlockKind.NAVIGATION),
        (r"\bfooter\b|site[-_]?footer", BlockKind.FOOTER),
    )
)
# One search over class and id finds the few marked elements; the per-kind loop runs on those.
_ANY_MARKER = re.compile("|".join(pattern.pattern for pattern, _ in _MARKERS), re.IGNORECASE)
_TAG_KINDS = {"nav": BlockKind.NAVIGATION, "footer": BlockKind.FOOTER}
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# Elements that hold the page or the article itself, whatever their class says.
_NEVER_BLOCKS = frozenset({"html", "body", "main", "article", "script", "style", "noscript"})
# A link text is an item when it has a word in it; longer than this it is a paragraph.
_MAX_ITEM_CHARS = 300
# How much of the body's longest paragraph must appear in a block for the block to be taken
# for the article's wrapper (a "post has-related" div): enough characters to be unique.
_BODY_PROBE_CHARS = 120
_SPACE = re.compile(r"\s+")
_VISIBLE_TEXT = "descendant-or-self::text()[not(ancestor::script) and not(ancestor::style)]"


@dataclass(frozen=True, slots=True, kw_only=True)
class MarkedBlock:
    """A block the markup names, with its whole visible text to check against the body."""

    block: BoilerplateBlock
    text: str


def _text(element: Any) -> str:
    return _SPACE.sub(" ", "".join(element.itertext())).strip()


def _kind_of(element: Any) -> BlockKind | None:
    tag = element.tag
    if tag in _TAG_KINDS:
        return _TAG_KINDS[tag]
    marks = f"{element.get('class') or ''} {element.get('id') or ''}".strip()
    if not marks or tag in _NEVER_BLOCKS or not _ANY_MARKER.search(marks):
        return None
    for pattern, kind in _MARKERS:
        if pattern.search(marks):
            return kind
    return None


def _block(element: Any, kind: BlockKind) -> MarkedBlock | None:
    items = []
    for link in element.iter("a"):
        text = _text(link)
        if text and len(text) <= _MAX_ITEM_CHARS and any(ch.isalpha() for ch in text):
            items.append(text)
    if not items:
        return None
    heading = next((_text(h) for h in element.iter(*_HEADINGS) if _text(h)), None)
    block = BoilerplateBlock(kind=kind, items=tuple(dict.fromkeys(items)), heading=heading)
    visible = _SPACE.sub(" ", "".join(element.xpath(_VISIBLE_TEXT)))
    return MarkedBlock(block=block, text=visible)


def _marked(root: Any) -> Iterator[tuple[Any, BlockKind]]:
    """Outermost marked elements, in document order (a block's inner blocks are its own)."""
    stack = [root]
    while stack:
        element = stack.pop()
        if not isinstance(element.tag, str) or element.tag in ("script", "style"):
            continue
        kind = _kind_of(element)
        if kind is not None:
            yield element, kind
            continue
        stack.extend(reversed(element))


def page_blocks(root: Any) -> tuple[MarkedBlock, ...]:
    """The blocks an lxml HTML tree marks up as boilerplate, with their link texts as items.

    Read the tree before an extractor prunes it; check the result against the extracted
    body with ``outside_body``.
    """
    found = (_block(element, kind) for element, kind in _marked(root))
    return tuple(marked for marked in found if marked is not None)


def outside_body(
    marked: tuple[MarkedBlock, ...], paragraphs: tuple[str, ...]
) -> tuple[BoilerplateBlock, ...]:
    """The marked blocks that do not hold the article body (its longest paragraph)."""
    longest = max(paragraphs, key=len, default="")
    probe = _SPACE.sub(" ", longest).strip()[:_BODY_PROBE_CHARS]
    if len(probe) < _BODY_PROBE_CHARS // 2:
        return tuple(item.block for item in marked)
    return tuple(item.block for item in marked if probe not in item.text)


@dataclass(frozen=True, slots=True, kw_only=True)
class _Hint:
    xpath: str
    attribute: str


# Where pages put their publication time, most reliable first (Open Graph / schema.org
# conventions; the attribute holds an ISO 8601 value).
_HINTS = (
    _Hint(xpath="//meta[@property='article:published_time']", attribute="content"),
    _Hint(xpath="//meta[@itemprop='datePublished']", attribute="content"),
    _Hint(xpath="//meta[@name='pubdate' or @name='date']", attribute="content"),
    _Hint(xpath="//*[@itemprop='datePublished']", attribute="datetime"),
    _Hint(xpath="//time[@datetime]", attribute="datetime"),
)


def published_hint(root: Any) -> datetime | date | None:
    """The publication time the page's markup states, with its zone when it gives one."""
    for hint in _HINTS:
        for element in root.xpath(hint.xpath):
            value = element.get(hint.attribute)
            parsed = parse_timestamp(value) if value else None
            if parsed is not None:
                return parsed
    return None
