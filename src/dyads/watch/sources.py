"""Feed bodies to entries: RSS 2.0, RSS 1.0 (RDF) and Atom through feedparser; sitemaps,
news sitemaps (``<news:news>``) and sitemap indexes through a small lxml reader.

A sitemap is told from a feed by its root element (``urlset`` or ``sitemapindex``), so one
feed list holds both and nobody says which is which. Entry URLs are made absolute against
the feed's own URL and normalised (``dyads.watch.urls``), so that one article listed with
different tracking parameters is one item.
"""

from __future__ import annotations

import calendar
import logging
import re
import time
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urljoin

from dyads.watch.base import Entry, FeedKind, ParsedFeed, UnreadableFeed
from dyads.watch.urls import normalise

logger = logging.getLogger(__name__)

# The root element sits within the first bytes after an XML declaration, a BOM and perhaps a
# stylesheet instruction or a comment; 2 KB covers the ones seen on news sites' sitemaps.
_SNIFF_BYTES = 2048
_SITEMAP_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(urlset|sitemapindex)[\s>]")
# feedparser's version names, by prefix: RSS 0.90 and 1.0 are the RDF ones
_FEED_VERSIONS = (
    ("rss090", FeedKind.RDF),
    ("rss10", FeedKind.RDF),
    ("rss", FeedKind.RSS),
    ("atom", FeedKind.ATOM),
)


def parse_feed(body: bytes, *, url: str, content_type: str = "") -> ParsedFeed:
    """The entries of a feed or sitemap body fetched from ``url``; ``UnreadableFeed`` when
    it is neither, or so broken that nothing can be read from it."""
    match = _SITEMAP_ROOT.search(body[:_SNIFF_BYTES])
    if match is not None:
        return _parse_sitemap(body, url=url, index=match.group(1) == b"sitemapindex")
    return _parse_syndication(body, url=url, content_type=content_type)


def _parse_syndication(body: bytes, *, url: str, content_type: str) -> ParsedFeed:
    import feedparser

    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(body, response_headers=headers, sanitize_html=False)
    version = str(parsed.get("version") or "")
    kind = next((k for prefix, k in _FEED_VERSIONS if version.startswith(prefix)), None)
    if kind is None:
        problem = parsed.get("bozo_exception")
        reason = f"malformed XML: {problem}" if problem else "no RSS, RDF or Atom root element"
        raise UnreadableFeed(f"{url}: not a feed or sitemap ({reason})")
    entries = tuple(e for e in (_syndication_entry(item, url) for item in parsed.entries) if e)
    if parsed.get("bozo"):
        # feedparser reads on past a fault; what it found before is kept, but a broken feed
        # that yields nothing is an error the feed's health should show
        if not entries:
            problem = parsed.get("bozo_exception")
            raise UnreadableFeed(f"{url}: not a feed or sitemap (malformed XML: {problem})")
        logger.info("%s: read past a fault: %s", url, parsed.get("bozo_exception"))
    return ParsedFeed(kind=kind, entries=_unique(entries))


def _syndication_entry(item: Any, feed_url: str) -> Entry | None:
    link = item.get("link") or _alternate_link(item)
    if not link:
        return None
    absolute = urljoin(feed_url, str(link).strip())
    key = normalise(absolute)
    if key is None:
        return None
    stamp = item.get("published_parsed") or item.get("updated_parsed")
    title = item.get("title")
    return Entry(
        url=absolute,
        key=key,
        title=str(title).strip() or None if title else None,
        published=_from_struct(stamp) if stamp else None,
    )


def _alternate_link(item: Any) -> str | None:
    for link in item.get("links") or ():
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return str(link["href"])
    return None


def _from_struct(stamp: time.struct_time) -> datetime:
    """feedparser's dates are UTC ``struct_time`` values."""
    return datetime.fromtimestamp(calendar.timegm(stamp), tz=UTC)


def _parse_sitemap(body: bytes, *, url: str, index: bool) -> ParsedFeed:
    from lxml import etree  # type: ignore[import-untyped]

    # No DTDs, entities or network: a sitemap is plain data, and a hostile one must not make
    # the parser read files or expand entities without end.
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise UnreadableFeed(f"{url}: not a feed or sitemap (malformed XML: {exc})") from None
    if index:
        sitemaps = [_sitemap_ref(node, url) for node in root.iterfind("{*}sitemap")]
        ordered = sorted(
            (s for s in sitemaps if s is not None), key=lambda s: s[1] or "", reverse=True
        )
        return ParsedFeed(kind=FeedKind.SITEMAP_INDEX, sitemaps=tuple(u for u, _ in ordered))
    entries = (_sitemap_entry(node, url) for node in root.iterfind("{*}url"))
    return ParsedFeed(kind=FeedKind.SITEMAP, entries=_unique(tuple(e for e in entries if e)))


def _sitemap_ref(node: Any, base: str) -> tuple[str, str | None] | None:
    loc = node.findtext("{*}loc")
    if not loc or not loc.strip():
        return None
    return urljoin(base, loc.strip()), (node.findtext("{*}lastmod") or "").strip() or None


def _sitemap_entry(node: Any, base: str) -> Entry | None:
    loc = node.findtext("{*}loc")
    if not loc or not loc.strip():
        return None
    absolute = urljoin(base, loc.strip())
    key = normalise(absolute)
    if key is None:
        return None
    news = node.find("{*}news")
    title = news.findtext("{*}title") if news is not None else None
    stamp = news.findtext("{*}publication_date") if news is not None else None
    stamp = stamp or node.findtext("{*}lastmod")
    return Entry(
        url=absolute,
        key=key,
        title=title.strip() or None if title else None,
        published=_w3c_datetime(stamp),
    )


def _w3c_datetime(text: str | None) -> datetime | None:
    """A sitemap's W3C datetime (``2026-12-06``, ``2026-12-06T10:05:00+01:00``); a bare date
    is taken as midnight UTC, a time without a zone as UTC."""
    if not text or not text.strip():
        return None
    value = text.strip()
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            day = date.fromisoformat(value[:10])
        except ValueError:
            return None
        parsed = datetime(day.year, day.month, day.day)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _unique(entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """Entries in feed order, each normalised URL once (the first listing wins)."""
    seen: set[str] = set()
    out = []
    for entry in entries:
        if entry.key not in seen:
            seen.add(entry.key)
            out.append(entry)
    return tuple(out)
