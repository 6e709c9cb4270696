"""The crawler header line some saved dumps start with: `` date 2021-02-05 <title>``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_HEADER = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})(?:\s+(?P<title>\S.*?))?\s*$")


@dataclass(frozen=True, slots=True, kw_only=True)
class CrawlerHeader:
    date: date | None
    title: str | None


def split_header(text: str) -> tuple[CrawlerHeader | None, str]:
    """``(header, rest)`` when the first line is a crawler header, else ``(None, text)``."""
    first, newline, rest = text.partition("\n")
    match = _HEADER.match(first)
    if match is None:
        return None, text
    try:
        day: date | None = date.fromisoformat(match.group("date"))
    except ValueError:
        day = None
    return CrawlerHeader(date=day, title=match.group("title")), rest if newline else ""
