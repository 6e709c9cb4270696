"""The article's head: title, timestamp, byline and dateline lines around the body start."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from dyads.clean.meta import dateline_line, is_timestamp_line, parse_byline, parse_timestamp
from dyads.clean.pagetext.features import PageFeatures
from dyads.clean.pagetext.lines import PageLines
from dyads.records import BlockKind, Dateline

# Lines before the body searched for the head: headline, byline, date and dateline sit within
# a dozen lines of the first paragraph on the pages we score on (share bars and captions
# between them included); further up is the site's menu.
_HEAD_WINDOW = 15
# The first body lines searched for a stray byline or timestamp line.
_BODY_PEEK = 3
# A headline has a few words and at most a short paragraph's worth.
_TITLE_MIN_WORDS = 3
_TITLE_MAX_WORDS = 30
# "Posted on March 3, 2021 by ...", "Published ...", "5 min read": post metadata, not titles
_POSTED = re.compile(r"^(posted|published|updated|last updated|\d+ min read)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True, kw_only=True)
class Head:
    title: str | None = None
    published: datetime | date | None = None
    byline: str | None = None
    dateline: Dateline | None = None
    lines: tuple[tuple[int, BlockKind], ...] = ()  # the lines the head was read from


def _title_candidate(lines: PageLines, feats: PageFeatures, i: int) -> bool:
    text = lines.texts[i]
    return (
        _TITLE_MIN_WORDS <= feats.words[i] <= _TITLE_MAX_WORDS
        and not lines.markers[i]
        and not feats.prose[i]
        and feats.heading[i] is None
        and feats.marker[i] is None
        and not feats.junk[i]
        and not _POSTED.match(text)
        and not is_timestamp_line(text)
        and parse_byline(text) is None
        and dateline_line(text) is None
    )


def find_title(lines: PageLines, feats: PageFeatures, start: int, hint: str | None) -> str | None:
    """The headline: the hint when the page prints it, else the nearest heading-like line."""
    if hint:
        return hint.strip()
    window = range(start - 1, max(-1, start - 1 - _HEAD_WINDOW), -1)
    candidates = [i for i in window if _title_candidate(lines, feats, i)]
    if not candidates:
        return None
    repeated = [i for i in candidates if feats.repeated[i]]
    if repeated:
        return lines.texts[repeated[0]]
    # the headline is the longest heading-like line near the body (labels and names are short)
    return lines.texts[max(candidates, key=lambda i: feats.words[i])]


def read_head(
    lines: PageLines,
    feats: PageFeatures,
    body: tuple[int, ...],
    title_hint: str | None,
) -> Head:
    """Read the head from the lines before the body and its first few lines."""
    start = body[0] if body else len(lines)
    title = find_title(lines, feats, start, title_hint)
    folded = title.casefold() if title else None
    published: datetime | date | None = None
    byline: str | None = None
    dateline: Dateline | None = None
    used: list[tuple[int, BlockKind]] = []
    scan = [*range(max(0, start - _HEAD_WINDOW), start), *body[:_BODY_PEEK]]
    for i in scan:
        text = lines.texts[i]
        if folded is not None and feats.folded[i] == folded:
            used.append((i, BlockKind.TITLE))
        elif published is None and is_timestamp_line(text):
            published = parse_timestamp(text)
            used.append((i, BlockKind.TIMESTAMP))
        elif byline is None and (name := parse_byline(text)) is not None:
            byline = name
            used.append((i, BlockKind.BYLINE))
        elif i < start and i >= start - 2 and (found := dateline_line(text)) is not None:
            dateline = found
            used.append((i, BlockKind.DATELINE))
    return Head(
        title=title, published=published, byline=byline, dateline=dateline, lines=tuple(used)
    )
