"""A news site for the watcher's tests and benchmark: a real HTTP server on 127.0.0.1 in a
thread, serving feeds in every format and invented article pages, with faults on demand
(slow answers, error statuses, Retry-After, redirect loops, wrong charsets).

The articles are written here: short wire-style reports in plain English whose actors and
verbs the coder knows, so that each page yields events.
"""

from __future__ import annotations

import gzip
import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

PAIRS = (
    ("Turkey", "Kazakhstan"), ("France", "Germany"), ("Japan", "India"),
    ("Brazil", "Argentina"), ("Kenya", "Ethiopia"), ("Canada", "Mexico"),
    ("Poland", "Ukraine"), ("Egypt", "Sudan"), ("Chile", "Peru"), ("Norway", "Sweden"),
)  # fmt: skip
VERBS = (
    ("met", "to discuss trade and energy links"),
    ("signed an agreement with", "on defence cooperation"),
    ("criticised", "over a border dispute"),
    ("pledged aid to", "after severe floods"),
)
BASE_TIME = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
SO_TIMESTAMPNS = getattr(socket, "SO_TIMESTAMPNS", 35)  # Linux; Python names it from 3.12


@dataclass(frozen=True, slots=True, kw_only=True)
class Story:
    """One invented article: where it lives on the site and what it says."""

    path: str
    title: str
    published: datetime
    paragraphs: tuple[str, ...]


def story(n: int, *, prefix: str = "/news") -> Story:
    actor, recipient = PAIRS[n % len(PAIRS)]
    verb, topic = VERBS[(n // len(PAIRS)) % len(VERBS)]
    paragraphs = (
        f"The foreign minister of {actor} {verb} {recipient} on Tuesday {topic}, "
        f"officials said in the capital. Report number {n} was filed late in the day.",
        f"Talks between the two governments are expected to continue next month, a "
        f"spokesman for the ministry in {actor} told reporters after the meeting.",
        f"Diplomats from both countries said that the talks had been long planned and that "
        f"a joint statement on item {n} would follow within a week.",
    )
    return Story(
        path=f"{prefix}/{n:05d}.html",
        title=f"{actor} and {recipient}: report {n}",
        published=BASE_TIME + timedelta(minutes=n),
        paragraphs=paragraphs,
    )


def article_html(item: Story, *, charset: str = "utf-8") -> str:
    body = "\n".join(f"<p>{escape(p)}</p>" for p in item.paragraphs)
    return (
        f'<!doctype html>\n<html lang="en"><head><meta charset="{charset}">'
        f"<title>{escape(item.title)}</title></head><body>"
        f'<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
        f"<article><h1>{escape(item.title)}</h1>"
        f'<time datetime="{item.published.isoformat()}">{item.published:%d %B %Y}</time>'
        f"{body}</article><footer>Copyright Example News</footer></body></html>"
    )


def _rfc822(when: datetime) -> str:
    return format_datetime(when, usegmt=True)


def rss2(base: str, items: list[Story], *, query: str = "") -> bytes:
    entries = "".join(
        f"<item><title>{escape(s.title)}</title><link>{base}{s.path}{escape(query)}</link>"
        f"<guid>{base}{s.path}</guid><pubDate>{_rfc822(s.published)}</pubDate></item>"
        for s in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Example News</title><link>{base}/</link><description>World news</description>"
        f"{entries}</channel></rss>"
    ).encode()


def rdf(base: str, items: list[Story]) -> bytes:
    entries = "".join(
        f'<item rdf:about="{base}{s.path}"><title>{escape(s.title)}</title>'
        f"<link>{base}{s.path}</link><dc:date>{s.published.isoformat()}</dc:date></item>"
        for s in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<channel rdf:about="{base}/"><title>Example News</title><link>{base}/</link>'
        f"<description>World news</description></channel>{entries}</rdf:RDF>"
    ).encode()


def atom(base: str, items: list[Story]) -> bytes:
    entries = "".join(
        f"<entry><title>{escape(s.title)}</title>"
        f'<link rel="alternate" href="{s.path}"/><id>tag:example,{s.path}</id>'
        f"<updated>{s.published.isoformat()}</updated></entry>"
        for s in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:base="{base}/"><title>Example News'
        f"</title><id>tag:example,feed</id><updated>{BASE_TIME.isoformat()}</updated>"
        f"{entries}</feed>"
    ).encode()


def news_sitemap(base: str, items: list[Story]) -> bytes:
    entries = "".join(
        f"<url><loc>{base}{s.path}</loc><news:news><news:publication><news:name>Example"
        f"</news:name><news:language>en</news:language></news:publication>"
        f"<news:publication_date>{s.published.isoformat()}</news:publication_date>"
        f"<news:title>{escape(s.title)}</news:title></news:news></url>"
        for s in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        f"{entries}</urlset>"
    ).encode()


def sitemap_index(base: str, paths: list[tuple[str, str]]) -> bytes:
    """An index of (path, lastmod) sitemaps."""
    entries = "".join(
        f"<sitemap><loc>{base}{path}</loc><lastmod>{lastmod}</lastmod></sitemap>"
        for path, lastmod in paths
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}'
        "</sitemapindex>"
    ).encode()


@dataclass(slots=True, kw_only=True)
class Route:
    """What the site answers at one path."""

    body: bytes | Callable[[], bytes] = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None  # answered with 304 to a matching If-None-Match
    last_modified: datetime | None = None  # ... and to an If-Modified-Since not before it
    script: list[tuple[int, dict[str, str]]] = field(default_factory=list)  # answered first
    delay: float = 0.0  # seconds before answering (a slow host)
    redirect: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Hit:
    at: float  # when the request's bytes reached the server (seconds since the epoch)
    path: str
    user_agent: str
    status: int


class FeedSite:
    """The server: ``site.route(path, ...)`` sets an answer, ``site.url(path)`` names it,
    ``site.hits`` lists every request seen."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[Hit] = []
        self.active = 0  # requests being answered now
        self.max_active = 0  # ... and at most, since the start
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        # set on the listening socket, so that the connections it accepts stamp even the
        # bytes that arrive before a handler thread runs
        self._server.socket.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def start(self) -> FeedSite:
        self._thread.start()
        return self

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def route(self, path: str, **answer: object) -> Route:
        route = Route(**answer)  # type: ignore[arg-type]
        self.routes[path] = route
        return route

    def publish(self, items: list[Story], *, charset: str = "utf-8") -> None:
        """Serve each story's page at its path."""
        for item in items:
            html = article_html(item, charset=charset).encode(charset)
            self.route(item.path, body=html, content_type=f"text/html; charset={charset}")

    def count(self, path: str) -> int:
        with self._lock:
            return sum(1 for hit in self.hits if hit.path == path)

    def record(self, hit: Hit) -> None:
        with self._lock:
            self.hits.append(hit)

    def enter(self) -> None:
        with self._lock:
            self.active += 1
            self.max_active = max(self.max_active, self.active)

    def leave(self) -> None:
        with self._lock:
            self.active -= 1


def _handler(site: FeedSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        arrived = 0.0
        answering = False

        def log_message(self, *args: object) -> None:  # quiet: the tests read site.hits
            pass

        def handle_one_request(self) -> None:
            # the kernel stamps each request's bytes as they arrive: on a busy machine this
            # thread may run much later, and its own clock would bunch requests together
            try:
                _, ancillary, _, _ = self.connection.recvmsg(1, 256, socket.MSG_PEEK)
            except OSError:
                ancillary = []
            stamps = [data for level, kind, data in ancillary if kind == SO_TIMESTAMPNS]
            if stamps:
                seconds, nanoseconds = struct.unpack("qq", stamps[0][:16])
                self.arrived = seconds + nanoseconds / 1e9
            else:
                self.arrived = time.time()
            super().handle_one_request()

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            route = site.routes.get(path)
            site.enter()
            self.answering = True
            try:
                self._answer(route)
            finally:
                self._done()

        def _done(self) -> None:
            # the request stops counting as active before its answer goes out: a client that
            # has its answer may send the next request before this thread runs again
            if self.answering:
                self.answering = False
                site.leave()

        def _answer(self, route: Route | None) -> int:
            if route is None:
                return self._send(404, b"not found", {"Content-Type": "text/plain"})
            if route.delay:
                time.sleep(route.delay)
            if route.script:
                status, headers = route.script.pop(0)
                return self._send(status, b"try later", {"Content-Type": "text/plain", **headers})
            if route.redirect is not None:
                return self._send(302, b"", {"Location": route.redirect})
            headers = {"Content-Type": route.content_type, **route.headers}
            if route.etag:
                headers["ETag"] = route.etag
                if self.headers.get("If-None-Match") == route.etag:
                    return self._send(304, b"", headers)
            if route.last_modified is not None:
                headers["Last-Modified"] = format_datetime(route.last_modified, usegmt=True)
                since = self.headers.get("If-Modified-Since")
                if since and since == headers["Last-Modified"]:
                    return self._send(304, b"", headers)
            body = route.body() if callable(route.body) else route.body
            if "gzip" in self.headers.get("Accept-Encoding", "") and len(body) > 200:
                body = gzip.compress(body)
                headers["Content-Encoding"] = "gzip"
            return self._send(route.status, body, headers)

        def _send(self, status: int, body: bytes, headers: dict[str, str]) -> int:
            # recorded before the answer goes out: a client that has its answer finds the hit
            site.record(
                Hit(
                    at=self.arrived,
                    path=self.path.split("?", 1)[0],
                    user_agent=self.headers.get("User-Agent", ""),
                    status=status,
                )
            )
            self._done()
            try:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                if status != 304:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if status != 304:
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout): nothing to answer
            return status

    return Handler


class Clock:
    """A settable clock for the watcher's schedule: rounds happen when a test says, and the
    feeds' next polls are checked as values, never waited for."""

    def __init__(self) -> None:
        self.now = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)
