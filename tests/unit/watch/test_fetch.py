"""The watcher's HTTP side against a real server on 127.0.0.1 (real httpx, no mocks)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from dyads.settings import Settings
from dyads.watch.base import Answer, HttpStatus, NetworkError, NotAPage, RobotsDisallowed
from dyads.watch.fetch import FEED_TYPES, Fetcher
from tests.feedsite import FeedSite, article_html, rss2, story

# Short politeness and timeouts keep these tests quick; the logic is the same.
# The timeout is generous: on a loaded machine a local answer can take seconds.
FAST = Settings(watch_host_delay=0.0, watch_timeout=30.0, watch_contact="desk@example.org")


def fetch(url: str, settings: Settings = FAST, **kwargs: Any) -> Answer:
    async def go() -> Answer:
        async with Fetcher(settings=settings) as fetcher:
            return await fetcher.get(url, accept=FEED_TYPES, **kwargs)

    return asyncio.run(go())


def fetch_page(url: str, settings: Settings = FAST) -> Answer:
    async def go() -> Answer:
        async with Fetcher(settings=settings) as fetcher:
            return await fetcher.page(url)

    return asyncio.run(go())


def test_fetcher_names_dyads_and_the_contact_in_its_user_agent(feed_site: FeedSite) -> None:
    feed_site.route("/rss.xml", body=rss2(feed_site.base, [story(1)]))
    fetch(feed_site.url("/rss.xml"))
    agents = {hit.user_agent for hit in feed_site.hits}  # robots.txt and the feed
    assert len(feed_site.hits) == 2
    [agent] = agents
    assert agent.startswith("dyads/") and "+desk@example.org" in agent


def test_fetcher_conditional_get_gets_304(feed_site: FeedSite) -> None:
    feed_site.route("/rss.xml", body=rss2(feed_site.base, [story(1)]), etag='"v1"')
    first = fetch(feed_site.url("/rss.xml"))
    again = fetch(feed_site.url("/rss.xml"), etag=first.etag)
    assert first.status == 200 and first.etag == '"v1"'
    assert again.not_modified and again.body == b""


def test_fetcher_if_modified_since_gets_304(feed_site: FeedSite) -> None:
    when = story(1).published
    feed_site.route("/rss.xml", body=rss2(feed_site.base, [story(1)]), last_modified=when)
    first = fetch(feed_site.url("/rss.xml"))
    again = fetch(feed_site.url("/rss.xml"), modified=first.last_modified)
    assert first.last_modified is not None
    assert again.status == 304


def test_fetcher_gzip_is_undone(feed_site: FeedSite) -> None:
    body = rss2(feed_site.base, [story(n) for n in range(20)])
    feed_site.route("/rss.xml", body=body, content_type="application/rss+xml")
    assert fetch(feed_site.url("/rss.xml")).body == body


def test_fetcher_follows_redirects_and_stops_a_loop(feed_site: FeedSite) -> None:
    feed_site.route("/old", redirect=feed_site.url("/new"))
    feed_site.route("/new", body=b"<rss version='2.0'></rss>", content_type="text/xml")
    feed_site.route("/a", redirect=feed_site.url("/b"))
    feed_site.route("/b", redirect=feed_site.url("/a"))
    assert fetch(feed_site.url("/old")).url == feed_site.url("/new")
    with pytest.raises(NetworkError, match="redirect loop") as caught:
        fetch(feed_site.url("/a"))
    assert not caught.value.transient
    assert feed_site.count("/a") == 1 and feed_site.count("/b") == 1


def test_fetcher_waits_out_a_short_retry_after(feed_site: FeedSite) -> None:
    feed_site.route(
        "/busy", body=b"<rss version='2.0'></rss>", script=[(429, {"Retry-After": "1"})]
    )
    answer = fetch(feed_site.url("/busy"))
    assert answer.status == 200
    assert [h.status for h in feed_site.hits if h.path == "/busy"] == [429, 200]


def test_fetcher_a_long_retry_after_closes_the_host(feed_site: FeedSite) -> None:
    feed_site.route("/busy", script=[(503, {"Retry-After": "3600"})])
    feed_site.route("/other", body=b"<rss version='2.0'></rss>")

    async def go() -> tuple[HttpStatus, HttpStatus]:
        async with Fetcher(settings=FAST) as fetcher:
            with pytest.raises(HttpStatus) as first:
                await fetcher.get(feed_site.url("/busy"), accept=FEED_TYPES)
            with pytest.raises(HttpStatus) as second:
                await fetcher.get(feed_site.url("/other"), accept=FEED_TYPES)
            return first.value, second.value

    first, second = asyncio.run(go())
    assert first.status == 503 and first.transient and first.retry_after == 3600
    assert second.transient and second.retry_after is not None and second.retry_after > 3000
    assert feed_site.count("/other") == 0  # the closed host was not asked


def test_fetcher_500_is_transient_and_404_is_not(feed_site: FeedSite) -> None:
    feed_site.route("/broken", status=500, body=b"oops")
    with pytest.raises(HttpStatus) as server_error:
        fetch(feed_site.url("/broken"))
    with pytest.raises(HttpStatus) as missing:
        fetch(feed_site.url("/missing"))
    assert server_error.value.transient and server_error.value.status == 500
    assert not missing.value.transient and missing.value.status == 404
    assert feed_site.count("/broken") == 1  # a 500 without Retry-After waits for a later round


def test_fetcher_a_slow_host_times_out(feed_site: FeedSite) -> None:
    feed_site.route("/slow", body=b"<rss version='2.0'></rss>", delay=4.0)
    with pytest.raises(NetworkError, match="timed out") as caught:
        fetch(feed_site.url("/slow"), settings=FAST.model_copy(update={"watch_timeout": 1.0}))
    assert caught.value.transient


def test_fetcher_honours_robots_txt(feed_site: FeedSite) -> None:
    robots = b"User-agent: dyads\nDisallow: /private/\nCrawl-delay: 0.5\n"
    feed_site.route("/robots.txt", body=robots, content_type="text/plain")
    feed_site.route("/private/feed.xml", body=b"<rss version='2.0'></rss>")
    feed_site.route("/public/feed.xml", body=b"<rss version='2.0'></rss>")

    async def go() -> float:
        async with Fetcher(settings=FAST) as fetcher:
            with pytest.raises(RobotsDisallowed):
                await fetcher.get(feed_site.url("/private/feed.xml"), accept=FEED_TYPES)
            await fetcher.get(feed_site.url("/public/feed.xml"), accept=FEED_TYPES)
            return fetcher._gate(feed_site.url("/")).delay

    assert asyncio.run(go()) == 0.5  # the Crawl-delay spaces the host's requests
    assert feed_site.count("/private/feed.xml") == 0
    assert feed_site.count("/robots.txt") == 1  # asked once, then cached


def test_fetcher_an_unreadable_robots_txt_closes_the_site(feed_site: FeedSite) -> None:
    feed_site.route("/robots.txt", status=503, body=b"down")
    feed_site.route("/feed.xml", body=b"<rss version='2.0'></rss>")
    with pytest.raises(NetworkError, match=r"robots\.txt answers HTTP 503") as caught:
        fetch(feed_site.url("/feed.xml"))
    assert caught.value.transient
    assert feed_site.count("/feed.xml") == 0


def test_fetcher_page_must_be_html(feed_site: FeedSite) -> None:
    feed_site.route("/report.pdf", body=b"%PDF-1.7 ...", content_type="application/pdf")
    feed_site.route("/page.html", body=article_html(story(1)).encode())
    with pytest.raises(NotAPage, match="application/pdf"):
        fetch_page(feed_site.url("/report.pdf"))
    assert fetch_page(feed_site.url("/page.html")).charset == "utf-8"


@pytest.mark.parametrize("concurrency", [1, 2])
def test_fetcher_holds_to_the_requests_per_host(feed_site: FeedSite, concurrency: int) -> None:
    for n in range(6):
        feed_site.route(f"/p{n}", body=b"<rss version='2.0'></rss>", delay=0.2)
    settings = FAST.model_copy(update={"watch_host_concurrency": concurrency})

    async def go() -> None:
        async with Fetcher(settings=settings) as fetcher:
            urls = [feed_site.url(f"/p{n}") for n in range(6)]
            await asyncio.gather(*(fetcher.get(u, accept=FEED_TYPES) for u in urls))

    asyncio.run(go())
    assert sum(feed_site.count(f"/p{n}") for n in range(6)) == 6
    assert feed_site.max_active == concurrency  # requests the server was answering at once
