"""``Watcher`` rounds against a local news site: every feed format, new items between
rounds, 304 answers, restarts. Real HTTP on 127.0.0.1, the real pipeline and store."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import Engine

from dyads.settings import Settings
from dyads.store import open_store
from dyads.store.schema import articles, documents, events, feed_items, fetch_log
from dyads.watch import Watcher, WatchOptions, state
from dyads.watch.base import RoundReport
from tests.feedsite import (
    Clock,
    FeedSite,
    atom,
    news_sitemap,
    rdf,
    rss2,
    sitemap_index,
    story,
)

pytestmark = pytest.mark.integration

EVERY = 600
CLEAN = ("clean",)


def quick(url: str) -> Settings:
    """No pause between requests to the one local host: the tests count, not wait."""
    return Settings(db=url, watch_host_delay=0.0, watch_timeout=30.0)


def watch_once(
    engine: Engine, settings: Settings, clock: Clock, stages: tuple[str, ...] = CLEAN
) -> RoundReport:
    watcher = Watcher(
        engine=engine,
        settings=settings,
        options=WatchOptions(once=True, stages=stages),
        clock=clock,
    )
    [report] = watcher.run().rounds
    return report


def add(engine: Engine, site: FeedSite, path: str, clock: Clock, **kwargs: Any) -> str:
    return state.add_feed(
        engine, url=site.url(path), name=path, every=EVERY, now=clock(), **kwargs
    ).id


def scalar(engine: Engine, query: Any) -> Any:
    with engine.connect() as conn:
        return conn.execute(query).scalar()


def test_watch_reads_every_feed_format(feed_site: FeedSite, store_url: str) -> None:
    site, base, clock = feed_site, feed_site.base, Clock()
    stories = [story(n) for n in range(17)]
    site.publish(stories)
    site.route("/rss.xml", body=rss2(base, stories[0:3]), content_type="application/rss+xml")
    site.route("/rdf.xml", body=rdf(base, stories[3:6]), content_type="application/rdf+xml")
    site.route("/atom.xml", body=atom(base, stories[6:9]), content_type="application/atom+xml")
    site.route("/news.xml", body=news_sitemap(base, stories[9:12]), content_type="text/xml")
    site.route(
        "/sitemap.xml",
        body=sitemap_index(base, [("/day-1.xml", "2026-12-01"), ("/day-2.xml", "2026-12-02")]),
        content_type="application/xml",
    )
    site.route("/day-2.xml", body=news_sitemap(base, stories[12:15]), content_type="text/xml")
    site.route("/day-1.xml", body=news_sitemap(base, stories[15:17]), content_type="text/xml")
    engine = open_store(store_url)
    for path in ("/rss.xml", "/rdf.xml", "/atom.xml", "/news.xml", "/sitemap.xml"):
        add(engine, site, path, clock)

    report = watch_once(engine, quick(store_url), clock, stages=("clean", "code"))

    assert (report.feeds_polled, report.feeds_failed, report.new_items) == (5, 0, 17)
    assert (report.stored, report.rejected, report.skipped) == (17, 0, 0)
    assert report.events == scalar(engine, select(func.sum(events.c.num_mentions)))
    assert report.events >= 17  # each report is coded to at least one event
    assert all(site.count(s.path) == 1 for s in stories)
    with engine.connect() as conn:
        titles = set(conn.execute(select(articles.c.title)).scalars())
        urls = set(conn.execute(select(documents.c.url)).scalars())
        pairs = set(conn.execute(text("SELECT actor_country, recipient_country FROM event_dyads")))
    assert titles == {s.title for s in stories}
    assert urls == {site.url(s.path) for s in stories}
    assert ("TUR", "KAZ") in pairs
    health = {feed.name: feed for feed in state.list_feeds(engine)}
    assert {name: f.last_new_items for name, f in health.items()} == {
        "/rss.xml": 3, "/rdf.xml": 3, "/atom.xml": 3, "/news.xml": 3, "/sitemap.xml": 5,
    }  # fmt: skip
    assert all(f.last_status == 200 and f.errors_in_row == 0 for f in health.values())
    assert state.item_counts(engine) == {"stored": 17}
    engine.dispose()


def test_watch_new_items_between_rounds_and_304_answers(feed_site: FeedSite, tmp_path: Any) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    site, clock = feed_site, Clock()
    stories = [story(n) for n in range(5)]
    site.publish(stories)
    site.route("/rss.xml", body=rss2(site.base, stories[:3]), etag='"v1"')
    engine = open_store(url)
    feed = add(engine, site, "/rss.xml", clock)

    first = watch_once(engine, quick(url), clock)
    clock.advance(EVERY)
    second = watch_once(engine, quick(url), clock)  # nothing new: the server answers 304
    site.route("/rss.xml", body=rss2(site.base, stories), etag='"v2"')
    clock.advance(EVERY)
    third = watch_once(engine, quick(url), clock)

    assert [r.new_items for r in (first, second, third)] == [3, 0, 2]
    assert [r.stored for r in (first, second, third)] == [3, 0, 2]
    assert all(site.count(s.path) == 1 for s in stories)  # no page fetched twice
    with engine.connect() as conn:
        log = conn.execute(
            select(fetch_log.c.status, fetch_log.c.outcome, fetch_log.c.new_items)
            .where(fetch_log.c.feed_id == feed)
            .order_by(fetch_log.c.id)
        ).all()
    assert [tuple(row) for row in log] == [
        (200, "new", 3),
        (304, "not-modified", 0),
        (200, "new", 2),
    ]
    [health] = state.list_feeds(engine)
    assert (health.items_total, health.etag, health.last_new_items) == (5, '"v2"', 2)
    engine.dispose()


def test_watch_a_feed_not_yet_due_is_not_polled(feed_site: FeedSite, tmp_path: Any) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    site, clock = feed_site, Clock()
    site.publish([story(1)])
    site.route("/rss.xml", body=rss2(site.base, [story(1)]))
    engine = open_store(url)
    add(engine, site, "/rss.xml", clock)
    watch_once(engine, quick(url), clock)
    clock.advance(EVERY - 1)
    early = watch_once(engine, quick(url), clock)
    clock.advance(1)
    due = watch_once(engine, quick(url), clock)
    assert (early.feeds_polled, due.feeds_polled) == (0, 1)
    assert site.count("/rss.xml") == 2
    assert due.new_items == 0  # the same body: not parsed again, nothing fetched
    engine.dispose()


def test_watch_one_article_in_two_feeds_is_fetched_once(feed_site: FeedSite, tmp_path: Any) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    site, clock = feed_site, Clock()
    stories = [story(n) for n in range(4)]
    site.publish(stories)
    site.route("/a.xml", body=rss2(site.base, stories[:3], query="?utm_source=a"))
    site.route("/b.xml", body=atom(site.base, stories[1:]))
    engine = open_store(url)
    add(engine, site, "/a.xml", clock)
    add(engine, site, "/b.xml", clock)
    report = watch_once(engine, quick(url), clock)
    assert (report.new_items, report.stored) == (4, 4)
    assert all(site.count(s.path) == 1 for s in stories)
    assert scalar(engine, select(func.count()).select_from(feed_items)) == 4
    engine.dispose()


def test_watch_same_page_at_two_urls_is_stored_once(feed_site: FeedSite, tmp_path: Any) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    site, clock = feed_site, Clock()
    original = story(7)
    site.publish([original])
    copy = story(7, prefix="/amp")
    site.route(copy.path, body=site.routes[original.path].body)
    site.route("/rss.xml", body=rss2(site.base, [original, copy]))
    engine = open_store(url)
    add(engine, site, "/rss.xml", clock)
    report = watch_once(engine, quick(url), clock)
    assert (report.new_items, report.stored, report.skipped) == (2, 1, 1)
    assert scalar(engine, select(func.count()).select_from(documents)) == 1
    with engine.connect() as conn:
        hashes = set(conn.execute(select(feed_items.c.document_id)).scalars())
    assert len(hashes) == 1  # both items carry the one content hash
    engine.dispose()


def test_watch_restarted_fetches_only_what_is_new(feed_site: FeedSite, tmp_path: Any) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    site, clock = feed_site, Clock()
    stories = [story(n) for n in range(6)]
    site.publish(stories)
    site.route("/rss.xml", body=rss2(site.base, stories[:4]))  # no validators: always 200
    engine = open_store(url)
    add(engine, site, "/rss.xml", clock)
    watch_once(engine, quick(url), clock)
    engine.dispose()
    site.route("/rss.xml", body=rss2(site.base, stories))
    clock.advance(EVERY)
    engine = open_store(url)  # a new process, as it were: nothing but the store carries over
    report = watch_once(engine, quick(url), clock)
    assert (report.new_items, report.stored) == (2, 2)
    assert all(site.count(s.path) == 1 for s in stories)
    engine.dispose()


def test_watch_a_fetching_failure_is_raised_after_the_items_in_hand(
    feed_site: FeedSite, tmp_path: Any
) -> None:
    import importlib.util

    from dyads.watch.base import WatchError

    if importlib.util.find_spec("h2") is not None:
        pytest.skip("h2 is installed here, so HTTP/2 cannot fail for want of it")
    url = f"sqlite:///{tmp_path / 'store.db'}"
    engine = open_store(url)
    clock = Clock()
    add(engine, feed_site, "/rss.xml", clock)
    settings = quick(url).model_copy(update={"watch_http2": True})  # h2 is not installed
    options = WatchOptions(once=True)
    watcher = Watcher(engine=engine, settings=settings, options=options, clock=clock)
    with pytest.raises(WatchError, match="needs the h2 package"):
        watcher.run()
    assert feed_site.hits == []
    engine.dispose()
