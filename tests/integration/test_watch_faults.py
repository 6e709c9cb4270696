"""Faults a watcher meets on the open web, each against the local news site: a slow host,
500s then recovery, 429 with Retry-After, a redirect loop, malformed XML, a wrong charset,
a page that is not an article, a feed that grows by 1,000 items. The round goes on."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from dyads.store import open_store
from dyads.store.schema import articles, documents, feed_items, rejections
from dyads.watch import state
from dyads.watch.base import Feed
from tests.feedsite import Clock, FeedSite, Story, article_html, rss2, story
from tests.integration.test_watch_rounds import EVERY, add, quick, scalar, watch_once

pytestmark = pytest.mark.integration


@pytest.fixture
def store(tmp_path: Path) -> Any:
    return f"sqlite:///{tmp_path / 'store.db'}"


def feed_named(engine: Engine, name: str) -> Feed:
    return state.find_feed(engine, name)


def item_status(engine: Engine, site: FeedSite, item: Story) -> tuple[str, int]:
    with engine.connect() as conn:
        row = conn.execute(
            select(feed_items.c.status, feed_items.c.attempts).where(
                feed_items.c.url == site.url(item.path)
            )
        ).one()
    return row.status, row.attempts


def test_watch_a_slow_host_times_out_and_the_others_go_on(feed_site: FeedSite, store: str) -> None:
    clock, good = Clock(), [story(n) for n in range(3)]
    feed_site.publish(good)
    feed_site.route("/rss.xml", body=rss2(feed_site.base, good))
    slow = FeedSite().start()
    try:
        slow.route("/rss.xml", body=rss2(slow.base, [story(9)]), delay=4.0)
        engine = open_store(store)
        add(engine, feed_site, "/rss.xml", clock)
        state.add_feed(engine, url=slow.url("/rss.xml"), name="slow", every=EVERY, now=clock())
        settings = quick(store).model_copy(update={"watch_timeout": 1.0})
        report = watch_once(engine, settings, clock)
    finally:
        slow.close()
    assert (report.feeds_polled, report.feeds_failed, report.stored) == (2, 1, 3)
    lagging = feed_named(engine, "slow")
    assert lagging.errors_in_row == 1 and lagging.last_status is None
    assert lagging.last_error is not None and "timed out" in lagging.last_error
    engine.dispose()


def test_watch_500s_then_recovery(feed_site: FeedSite, store: str) -> None:
    clock, items = Clock(), [story(n) for n in range(3)]
    feed_site.publish(items)
    feed_site.route("/rss.xml", body=rss2(feed_site.base, items), script=[(500, {}), (502, {})])
    feed_site.routes[items[0].path].script.append((503, {}))  # the page fails once too
    engine = open_store(store)
    add(engine, feed_site, "/rss.xml", clock)

    first = watch_once(engine, quick(store), clock)
    failing = feed_named(engine, "/rss.xml")
    clock.advance(EVERY)
    second = watch_once(engine, quick(store), clock)
    failing_more = feed_named(engine, "/rss.xml")
    clock.advance(2 * EVERY)  # the backoff doubled the wait
    third = watch_once(engine, quick(store), clock)
    recovered = feed_named(engine, "/rss.xml")
    clock.advance(EVERY)
    fourth = watch_once(engine, quick(store), clock)  # the page that failed is tried again

    assert [r.feeds_failed for r in (first, second, third, fourth)] == [1, 1, 0, 0]
    assert (failing.errors_in_row, failing.last_status) == (1, 500)
    assert (failing_more.errors_in_row, failing_more.last_status) == (2, 502)
    assert failing_more.next_fetch_at - failing_more.last_fetch_at == timedelta(seconds=2 * EVERY)
    assert (recovered.errors_in_row, recovered.last_status, recovered.last_error) == (0, 200, None)
    assert (third.new_items, third.stored, third.retry) == (3, 2, 1)
    assert (fourth.new_items, fourth.stored) == (1, 1)
    assert item_status(engine, feed_site, items[0]) == ("stored", 2)
    assert scalar(engine, select(func.count()).select_from(documents)) == 3
    with engine.connect() as conn:
        [reason] = conn.execute(select(rejections.c.stage, rejections.c.message)).all()
    assert reason == ("fetch", "HTTP 503")
    engine.dispose()


def test_watch_a_page_that_keeps_failing_is_given_up(feed_site: FeedSite, store: str) -> None:
    clock, item = Clock(), story(1)
    feed_site.route(item.path, status=500, body=b"broken")
    feed_site.route("/rss.xml", body=rss2(feed_site.base, [item]))
    engine = open_store(store)
    add(engine, feed_site, "/rss.xml", clock)
    settings = quick(store)
    reports = []
    for _ in range(settings.watch_max_attempts + 1):
        reports.append(watch_once(engine, settings, clock))
        clock.advance(EVERY)
    assert [r.retry for r in reports] == [1, 1, 0, 0]
    assert [r.rejected for r in reports] == [0, 0, 1, 0]
    assert item_status(engine, feed_site, item) == ("rejected", 3)
    assert feed_site.count(item.path) == settings.watch_max_attempts
    engine.dispose()


def test_watch_429_with_retry_after(feed_site: FeedSite, store: str) -> None:
    clock, items = Clock(), [story(n) for n in range(2)]
    feed_site.publish(items)
    feed_site.routes[items[0].path].script.append((429, {"Retry-After": "1"}))
    feed_site.route("/rss.xml", body=rss2(feed_site.base, items))
    engine = open_store(store)
    add(engine, feed_site, "/rss.xml", clock)
    report = watch_once(engine, quick(store), clock)
    assert (report.stored, report.retry, report.rejected) == (2, 0, 0)
    assert [h.status for h in feed_site.hits if h.path == items[0].path] == [429, 200]
    engine.dispose()


def test_watch_a_long_retry_after_puts_the_feed_off(feed_site: FeedSite, store: str) -> None:
    clock = Clock()
    feed_site.route("/rss.xml", script=[(429, {"Retry-After": "7200"})])
    engine = open_store(store)
    add(engine, feed_site, "/rss.xml", clock)
    first = watch_once(engine, quick(store), clock)
    feed = feed_named(engine, "/rss.xml")
    clock.advance(EVERY)
    second = watch_once(engine, quick(store), clock)
    assert first.feeds_failed == 1 and feed.last_status == 429
    assert feed.next_fetch_at - feed.last_fetch_at == timedelta(seconds=7200)
    assert second.feeds_polled == 0
    assert feed_site.count("/rss.xml") == 1
    engine.dispose()


def test_watch_a_redirect_loop_is_rejected(feed_site: FeedSite, store: str) -> None:
    clock, good, looping = Clock(), story(1), story(2)
    feed_site.publish([good, story(3)])
    feed_site.route(looping.path, redirect=feed_site.url("/loop"))
    feed_site.route("/loop", redirect=feed_site.url(looping.path))
    feed_site.route("/rss.xml", body=rss2(feed_site.base, [looping, good]))
    engine = open_store(store)
    add(engine, feed_site, "/rss.xml", clock)
    report = watch_once(engine, quick(store), clock)
    clock.advance(EVERY)
    feed_site.route("/rss.xml", body=rss2(feed_site.base, [looping, good, story(3)]))
    later = watch_once(engine, quick(store), clock)
    assert (report.stored, report.rejected) == (1, 1)
    assert item_status(engine, feed_site, looping) == ("rejected", 1)
    assert (later.new_items, later.stored) == (1, 1)  # story 3: the loop is not followed again
    assert feed_site.count(looping.path) == 1
    with engine.connect() as conn:
        [(error, message)] = conn.execute(select(rejections.c.error, rejections.c.message)).all()
    assert error == "NetworkError" and message.startswith("redirect loop")
    engine.dispose()


def test_watch_malformed_xml_is_a_feed_error(feed_site: FeedSite, store: str) -> None:
    clock, good = Clock(), story(1)
    feed_site.publish([good])
    feed_site.route("/good.xml", body=rss2(feed_site.base, [good]))
    broken = rss2(feed_site.base, [story(2)])
    feed_site.route("/bad.xml", body=broken[: broken.index(b"<link>") + 10])  # cut in a link
    engine = open_store(store)
    add(engine, feed_site, "/good.xml", clock)
    add(engine, feed_site, "/bad.xml", clock)
    report = watch_once(engine, quick(store), clock)
    bad = feed_named(engine, "/bad.xml")
    assert (report.feeds_failed, report.stored) == (1, 1)
    assert (bad.errors_in_row, bad.last_status) == (1, 200)
    assert bad.last_error is not None and "malformed XML" in bad.last_error
    engine.dispose()


FRENCH = Story(
    path="/news/elysee.html",
    title="Élysée talks",
    published=story(0).published,
    paragraphs=(
        "The president of France met the chancellor of Germany at the Élysée Palace on "
        "Tuesday to discuss energy prices, officials said in Paris.",
        "Both leaders agreed to meet again in Berlin next month, a spokesman said after the "
        "talks, which lasted three hours and ended with a joint statement on gas supplies.",
    ),
)


@pytest.mark.parametrize(
    ("encoding", "header"),
    [("cp1252", "utf-8"), ("utf-8", "iso-8859-1")],
    ids=["cp1252-said-utf8", "utf8-said-latin1"],
)
def test_watch_a_wrong_charset_is_read_right(
    feed_site: FeedSite, store: str, encoding: str, header: str
) -> None:
    clock = Clock()
    html = article_html(FRENCH, charset=encoding).encode(encoding)
    feed_site.route(FRENCH.path, body=html, content_type=f"text/html; charset={header}")
    feed_site.route("/rss.xml", body=rss2(feed_site.base, [FRENCH]))
    engine = open_store(store)
    add(engine, feed_site, "/rss.xml", clock)
    report = watch_once(engine, quick(store), clock)
    assert report.stored == 1
    with engine.connect() as conn:
        body = conn.execute(select(articles.c.body)).scalar_one()
        encoding_used = conn.execute(select(documents.c.encoding)).scalar_one()
    assert "Élysée Palace" in body
    assert encoding_used == encoding
    engine.dispose()


def test_watch_a_page_that_is_not_an_article(feed_site: FeedSite, store: str) -> None:
    clock, good = Clock(), story(1)
    feed_site.publish([good])
    feed_site.route(
        "/live/index.html",
        body=b"<!doctype html><html><body><nav><a href='/'>Home</a> <a href='/a'>Sport</a>"
        b"</nav><ul><li><a href='/b'>Weather</a></li></ul></body></html>",
    )
    feed_site.route("/photo.jpg", body=b"\xff\xd8\xff\xe0JFIF", content_type="image/jpeg")
    listed = rss2(feed_site.base, [good]).replace(
        b"</channel>",
        f"<item><title>Live</title><link>{feed_site.url('/live/index.html')}</link></item>"
        f"<item><title>Photo</title><link>{feed_site.url('/photo.jpg')}</link></item>"
        "</channel>".encode(),
    )
    feed_site.route("/rss.xml", body=listed)
    engine = open_store(store)
    add(engine, feed_site, "/rss.xml", clock)
    report = watch_once(engine, quick(store), clock)
    assert (report.new_items, report.stored, report.rejected) == (3, 1, 2)
    with engine.connect() as conn:
        reasons = dict(conn.execute(select(rejections.c.source, rejections.c.error)).all())
    assert reasons == {
        feed_site.url("/live/index.html"): "NoArticleFound",
        feed_site.url("/photo.jpg"): "NotAPage",
    }
    engine.dispose()


@pytest.mark.slow
def test_watch_a_feed_that_grows_by_1000_items(feed_site: FeedSite, store: str) -> None:
    clock, items = Clock(), [story(n) for n in range(1010)]
    feed_site.publish(items)
    feed_site.route("/rss.xml", body=rss2(feed_site.base, items[:10]))
    engine = open_store(store)
    add(engine, feed_site, "/rss.xml", clock)
    first = watch_once(engine, quick(store), clock)
    feed_site.route("/rss.xml", body=rss2(feed_site.base, items[::-1]))  # newest first
    clock.advance(EVERY)
    grown = watch_once(engine, quick(store), clock)
    assert (first.new_items, grown.new_items, grown.stored) == (10, 1000, 1000)
    assert all(feed_site.count(item.path) == 1 for item in items)
    assert scalar(engine, select(func.count()).select_from(documents)) == 1010
    assert state.item_counts(engine) == {"stored": 1010}
    assert feed_named(engine, "/rss.xml").items_total == 1010
    engine.dispose()
