"""Polite HTTP: one asynchronous client, robots.txt, a gate per host, conditional GET,
redirects followed by hand, and backoff on 429 and 5xx.

Every request names dyads (and the operator's contact, ``Settings.watch_contact``) in its
User-Agent, asks the host's robots.txt first (``protego``, cached for a day as RFC 9309
allows) and waits its turn at the host's gate: at most ``watch_host_concurrency`` requests
at once, starts at least ``watch_host_delay`` seconds apart, or the robots.txt Crawl-delay
when that is longer. Redirects are followed one hop at a time, so every hop passes robots
and the gate of its own host, and a loop is seen for what it is. A 429 or 503 whose
Retry-After is short is waited out at the gate (other requests to that host wait too); a
longer one closes the host until then, and requests to it fail at once as transient.
"""

from __future__ import annotations

import asyncio
import importlib.util
import logging
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

from dyads.settings import Settings
from dyads.version import __version__
from dyads.watch.base import (
    Answer,
    FetchError,
    HttpStatus,
    NetworkError,
    NotAPage,
    RobotsDisallowed,
    WatchError,
)
from dyads.watch.urls import host_of

if TYPE_CHECKING:
    import httpx
    from protego import Protego

logger = logging.getLogger(__name__)

ROBOTS_AGENT = "dyads"  # the token robots.txt rules name us by
# RFC 9309 (2.4): a crawler should not use a cached robots.txt for more than 24 hours.
ROBOTS_TTL = 24 * 3600.0
# An unreachable robots.txt (5xx, timeout) closes the site (RFC 9309 2.3.1.4); it is asked
# again after a minute rather than on every request of the round.
ROBOTS_FAILURE_TTL = 60.0
# Hops of a redirect chain: browsers give up at 20; news sites use 1-3 (http -> https ->
# canonical), so 10 leaves room and ends loops that do not revisit a URL exactly.
MAX_REDIRECTS = 10
# Waits of a 429/503 that says when to come back: two retries, then a later round.
RETRIES = 2
FEED_TYPES = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9"
PAGE_TYPES = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def user_agent(settings: Settings) -> str:
    contact = settings.watch_contact.strip()
    about = f"news event coder; +{contact}" if contact else "news event coder"
    return f"dyads/{__version__} ({about})"


class HostGate:
    """Turns at one host: a few requests at once, the sending of each spaced ``delay`` from
    the sending of the one before.

    A turn holds the gate until its request is on the wire (``Sent``, called from httpcore's
    trace when the request headers are written, or when the turn ends first). Spacing turns
    alone would not do: on a busy machine, or while a first connection opens, a request can
    be written well after its turn, and the host would then see two requests together.
    """

    def __init__(self, *, concurrency: int, delay: float, clock: Callable[[], float]) -> None:
        self._slots = asyncio.Semaphore(concurrency)
        self._lock = asyncio.Lock()
        self._clock = clock
        self._next_start = 0.0  # no request before this (a short Retry-After)
        self._last_sent = -delay  # when the last request was written
        self.delay = delay
        self.closed_until = 0.0

    @asynccontextmanager
    async def turn(self, *, url: str) -> AsyncIterator[Callable[[], None]]:
        async with self._slots:
            await self._lock.acquire()
            sent = _Sent(self)
            try:
                now = self._clock()
                if self.closed_until > now:
                    raise HttpStatus(
                        f"{url}: the host asked to wait {self.closed_until - now:.0f} s more",
                        status=429,
                        retry_after=self.closed_until - now,
                    )
                wait = max(self._next_start, self._last_sent + self.delay) - now
                if wait > 0:
                    await asyncio.sleep(wait)
                yield sent
            finally:
                sent()

    def _release(self) -> None:
        self._last_sent = self._clock()
        self._lock.release()

    def hold(self, seconds: float) -> None:
        """No request starts for ``seconds`` (a short Retry-After)."""
        self._next_start = max(self._next_start, self._clock() + seconds)

    def close(self, seconds: float) -> None:
        """Requests fail at once for ``seconds`` (a Retry-After too long to wait out)."""
        self.closed_until = max(self.closed_until, self._clock() + seconds)


class _Sent:
    """Called once the turn's request is written (again: nothing): the next turn may begin."""

    def __init__(self, gate: HostGate) -> None:
        self._gate: HostGate | None = gate

    def __call__(self) -> None:
        gate, self._gate = self._gate, None
        if gate is not None:
            gate._release()


@dataclass(slots=True)
class _Robots:
    rules: Protego | None  # None: everything allowed (no robots.txt)
    until: float  # when to ask again
    failure: str | None = None  # the site is closed while its robots.txt cannot be read


class Fetcher:
    """The watcher's HTTP side; use as ``async with Fetcher(settings=...) as fetcher``."""

    def __init__(self, *, settings: Settings, clock: Callable[[], float] = time.monotonic) -> None:
        self.settings = settings
        self.clock = clock
        self.requests = 0  # every request sent, robots.txt and redirect hops included
        self._gates: dict[str, HostGate] = {}
        self._robots: dict[str, _Robots] = {}
        self._robots_locks: dict[str, asyncio.Lock] = {}
        self._client: httpx.AsyncClient | None = None

    async def __aenter__(self) -> Fetcher:
        import httpx

        if self.settings.watch_http2 and importlib.util.find_spec("h2") is None:
            raise WatchError("DYADS_WATCH_HTTP2 needs the h2 package: pip install 'httpx[http2]'")
        self._client = httpx.AsyncClient(
            headers={"User-Agent": user_agent(self.settings)},
            timeout=httpx.Timeout(self.settings.watch_timeout),
            follow_redirects=False,
            http2=self.settings.watch_http2,
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._client is not None:
            await self._client.aclose()

    async def get(
        self, url: str, *, accept: str, etag: str | None = None, modified: str | None = None
    ) -> Answer:
        """The answer to GET ``url`` (a 304 when the validators still hold); ``FetchError``
        for anything that is not a usable answer."""
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        for attempt in range(RETRIES + 1):
            try:
                return await self._follow(url, headers)
            except HttpStatus as exc:
                wait = exc.retry_after
                short = wait is not None and wait <= self.settings.watch_max_retry_wait
                if not (exc.transient and short and attempt < RETRIES):
                    raise
                logger.info("%s: HTTP %d, retrying in %.1f s", url, exc.status, wait)
        raise AssertionError("unreachable: the last attempt returns or raises")

    async def page(self, url: str) -> Answer:
        """An article page: an HTML answer, or ``NotAPage``."""
        answer = await self.get(url, accept=PAGE_TYPES)
        if answer.content_type and answer.content_type not in HTML_TYPES:
            raise NotAPage(f"{url}: not an HTML page ({answer.content_type})")
        return answer

    async def _follow(self, url: str, headers: dict[str, str]) -> Answer:
        visited = [url]
        while True:
            response, body = await self._one(visited[-1], headers)
            if response.next_request is None or not response.is_redirect:
                return self._answer(visited[-1], response, body)
            target = str(response.next_request.url)
            if target in visited:
                chain = " -> ".join([*visited, target])
                raise NetworkError(f"{url}: redirect loop ({chain})", transient=False)
            if len(visited) > MAX_REDIRECTS:
                raise NetworkError(f"{url}: more than {MAX_REDIRECTS} redirects", transient=False)
            visited.append(target)

    async def _one(self, url: str, headers: dict[str, str]) -> tuple[httpx.Response, bytes]:
        """One request, no redirect followed, after robots.txt and the host's gate."""
        import httpx

        await self._check_robots(url)
        gate = self._gate(url)
        async with gate.turn(url=url) as sent:
            try:
                return await self._send(url, headers, sent)
            except httpx.TimeoutException:
                timeout = self.settings.watch_timeout
                raise NetworkError(f"{url}: timed out after {timeout} s") from None
            except httpx.HTTPError as exc:
                raise NetworkError(f"{url}: {type(exc).__name__}: {exc}") from None

    async def _send(
        self, url: str, headers: dict[str, str], sent: Callable[[], None]
    ) -> tuple[httpx.Response, bytes]:
        assert self._client is not None, "Fetcher used outside 'async with'"
        limit = self.settings.max_input_bytes
        self.requests += 1

        async def trace(event: str, _info: object) -> None:
            if event.endswith("send_request_headers.complete"):  # http11. or http2.
                sent()

        stream = self._client.stream("GET", url, headers=headers, extensions={"trace": trace})
        async with stream as response:
            chunks: list[bytes] = []
            size = 0
            if not response.is_redirect and response.status_code < 300:
                async for chunk in response.aiter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise NotAPage(f"{url}: larger than {limit} bytes")
                    chunks.append(chunk)
        return response, b"".join(chunks)

    def _answer(self, url: str, response: httpx.Response, body: bytes) -> Answer:
        status = response.status_code
        if status >= 400:
            wait = retry_after(response.headers.get("Retry-After"))
            if wait is not None and status in (429, 503):
                gate = self._gate(url)
                if wait <= self.settings.watch_max_retry_wait:
                    gate.hold(wait)
                else:
                    gate.close(wait)
            raise HttpStatus(f"{url}: HTTP {status}", status=status, retry_after=wait)
        if status != 304 and not 200 <= status < 300:
            raise HttpStatus(f"{url}: unexpected HTTP {status}", status=status)
        media, _, _ = response.headers.get("Content-Type", "").partition(";")
        return Answer(
            url=str(response.url),
            status=status,
            body=body,
            content_type=media.strip().lower(),
            charset=response.charset_encoding,
            etag=response.headers.get("ETag"),
            last_modified=response.headers.get("Last-Modified"),
        )

    def _gate(self, url: str) -> HostGate:
        host = host_of(url)
        gate = self._gates.get(host)
        if gate is None:
            gate = HostGate(
                concurrency=self.settings.watch_host_concurrency,
                delay=self.settings.watch_host_delay,
                clock=self.clock,
            )
            self._gates[host] = gate
        return gate

    async def _check_robots(self, url: str) -> None:
        host = host_of(url)
        lock = self._robots_locks.setdefault(host, asyncio.Lock())
        async with lock:  # one robots.txt request per host, however many pages wait on it
            robots = self._robots.get(host)
            if robots is None or robots.until <= self.clock():
                robots = await self._read_robots(host)
                self._robots[host] = robots
        if robots.failure is not None:
            raise NetworkError(f"{url}: {robots.failure}")
        if robots.rules is not None and not robots.rules.can_fetch(url, ROBOTS_AGENT):
            raise RobotsDisallowed(f"{url}: robots.txt disallows it to {ROBOTS_AGENT}")

    async def _read_robots(self, host: str) -> _Robots:
        import httpx
        from protego import Protego

        url = f"{host}/robots.txt"
        gate = self._gate(url)
        try:
            async with gate.turn(url=url) as sent:
                response, body = await self._send(url, {"Accept": "text/plain"}, sent)
        except (httpx.HTTPError, FetchError) as exc:
            return self._robots_failure(f"robots.txt unreachable ({type(exc).__name__})")
        status = response.status_code
        if status >= 500 or status == 429:
            return self._robots_failure(f"robots.txt answers HTTP {status}")
        if status >= 300:  # 4xx (and a redirect we do not chase): no rules, all allowed
            return _Robots(rules=None, until=self.clock() + ROBOTS_TTL)
        rules = Protego.parse(body.decode("utf-8", errors="replace"))
        delay = rules.crawl_delay(ROBOTS_AGENT)
        if delay is not None:
            gate.delay = max(self.settings.watch_host_delay, _capped(delay, self.settings))
            logger.info("%s: Crawl-delay %.1f s", host, gate.delay)
        return _Robots(rules=rules, until=self.clock() + ROBOTS_TTL)

    def _robots_failure(self, reason: str) -> _Robots:
        return _Robots(rules=None, until=self.clock() + ROBOTS_FAILURE_TTL, failure=reason)


def _capped(delay: float, settings: Settings) -> float:
    return min(float(delay), settings.watch_max_crawl_delay)


def retry_after(value: str | None) -> float | None:
    """Seconds a Retry-After header asks for (delay-seconds or an HTTP date), or None."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
