"""What the watcher's parts speak: feeds, their entries, HTTP answers, items, round reports,
and the errors of watching.

Tree::

    DyadsError
    └── WatchError                   something about watched feeds went wrong
        ├── FeedNotFound             no watched feed has this URL, name or id
        ├── FeedExists               the feed is watched already
        ├── UnreadableFeed           a body that is no RSS, RDF, Atom feed or sitemap
        └── FetchError               a request that brought no usable answer
            ├── HttpStatus           an answer with an error status (4xx, 5xx)
            ├── RobotsDisallowed     the site's robots.txt forbids the URL to dyads
            ├── NotAPage             the answer is not an HTML page (or is too large)
            └── NetworkError         timeout, refused connection, redirect loop, bad TLS

A ``FetchError`` says whether it is ``transient`` (a timeout, a 429 or 5xx: worth trying
again later) and, when the server said so, ``retry_after`` in seconds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from dyads.errors import DyadsError
from dyads.records import Document, Rejection


class WatchError(DyadsError):
    """Something about watched feeds went wrong."""


class FeedNotFound(WatchError):
    pass


class FeedExists(WatchError):
    pass


class UnreadableFeed(WatchError):
    pass


class FetchError(WatchError):
    """A request that brought no usable answer."""

    def __init__(self, message: str, *, transient: bool, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.transient = transient
        self.retry_after = retry_after


class HttpStatus(FetchError):
    def __init__(self, message: str, *, status: int, retry_after: float | None = None) -> None:
        super().__init__(message, transient=status == 429 or status >= 500, retry_after=retry_after)
        self.status = status


class RobotsDisallowed(FetchError):
    def __init__(self, message: str) -> None:
        super().__init__(message, transient=False)


class NotAPage(FetchError):
    def __init__(self, message: str) -> None:
        super().__init__(message, transient=False)


class NetworkError(FetchError):
    def __init__(self, message: str, *, transient: bool = True) -> None:
        super().__init__(message, transient=transient)


@dataclass(frozen=True, slots=True, kw_only=True)
class Feed:
    """A watched feed and its health, as the store keeps it."""

    id: str  # sha256 of the normalised URL
    url: str
    name: str | None = None
    every: int = 600  # seconds between polls
    added_at: datetime | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    last_fetch_at: datetime | None = None
    next_fetch_at: datetime | None = None
    last_status: int | None = None
    last_error: str | None = None
    last_new_items: int = 0
    errors_in_row: int = 0
    items_total: int = 0

    @property
    def label(self) -> str:
        return self.name or self.url


class FeedKind(StrEnum):
    RSS = "rss"  # RSS 0.9x/2.0
    RDF = "rdf"  # RSS 1.0
    ATOM = "atom"
    SITEMAP = "sitemap"  # a urlset, news sitemap or not
    SITEMAP_INDEX = "sitemap-index"


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """One item a feed lists: the page to fetch and what the feed says about it."""

    url: str  # as the feed gave it (made absolute)
    key: str  # normalised: what makes two listings of one article the same item
    title: str | None = None
    published: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ParsedFeed:
    kind: FeedKind
    entries: tuple[Entry, ...] = ()
    sitemaps: tuple[str, ...] = ()  # a sitemap index's sitemaps, newest first


@dataclass(frozen=True, slots=True, kw_only=True)
class Answer:
    """A successful HTTP answer (2xx), or a 304 to a conditional request."""

    url: str  # after redirects
    status: int
    body: bytes = b""
    content_type: str = ""  # the media type, lower case, without parameters
    charset: str | None = None  # the Content-Type header's charset
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class ItemStatus(StrEnum):
    """Where an item stands in ``feed_items``."""

    PENDING = "pending"  # listed by its feed, not fetched yet
    FETCHED = "fetched"  # handed to the pipeline; done once its document is stored
    STORED = "stored"
    SKIPPED = "skipped"  # its page was stored already (another URL, another feed)
    DROPPED = "dropped"  # a stage filtered it out on purpose
    REJECTED = "rejected"  # failed for good: the reason is in ``rejections``
    RETRY = "retry"  # failed for a passing reason: tried again when its feed lists it


@dataclass(frozen=True, slots=True, kw_only=True)
class PageItem:
    """A new entry with its fetched page (a ``Document``), or why it could not be fetched."""

    feed_id: str
    entry: Entry
    round: int
    payload: Document | Rejection
    transient: bool = False  # a rejection worth another attempt
    attempts: int = 1  # fetches so far, this one included


@dataclass(frozen=True, slots=True, kw_only=True)
class RoundReport:
    """What one round did: feeds polled, new items found, and what became of them."""

    number: int
    started_at: datetime
    feeds_polled: int = 0
    feeds_failed: int = 0
    new_items: int = 0
    stored: int = 0
    skipped: int = 0
    dropped: int = 0
    rejected: int = 0
    retry: int = 0
    events: int = 0
