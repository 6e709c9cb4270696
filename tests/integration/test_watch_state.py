"""The watcher's tables on SQLite and PostgreSQL: feeds, items, recovery after a kill."""

from __future__ import annotations

import pytest

from dyads.records import CodedArticle
from dyads.store import open_store
from dyads.store.writer import StoreWriter
from dyads.watch import state
from dyads.watch.base import Entry, FeedExists, FeedNotFound, PageItem
from dyads.watch.state import FetchRecord
from tests.conftest import make_article, make_document
from tests.feedsite import Clock

pytestmark = pytest.mark.integration

URL = "https://news.example.org/rss.xml"


def entry(n: int) -> Entry:
    url = f"https://news.example.org/story/{n}"
    return Entry(url=url, key=url, title=f"Story {n}")


def test_state_feeds_are_added_found_and_removed(store_url: str) -> None:
    engine = open_store(store_url)
    clock = Clock()
    feed = state.add_feed(engine, url=URL, name="wire", every=300, now=clock())
    with pytest.raises(FeedExists):
        state.add_feed(engine, url=URL + "#latest", name=None, every=60, now=clock())
    assert state.find_feed(engine, "wire") == state.find_feed(engine, feed.id[:8]) == feed
    assert state.due_feeds(engine, now=clock()) == [feed]
    state.record_fetch(
        engine, feed, FetchRecord(status=200, outcome="new", new_items=1),
        now=clock(), every=300, pending=[entry(1)],
    )  # fmt: skip
    assert state.due_feeds(engine, now=clock()) == []
    assert state.remove_feed(engine, "wire").id == feed.id
    with pytest.raises(FeedNotFound):
        state.find_feed(engine, "wire")
    assert state.item_counts(engine) == {"pending": 1}  # its items stay seen
    assert state.leftovers(engine) == []  # ... but are no longer fetched
    engine.dispose()


def test_state_recover_settles_the_items_in_hand(store_url: str) -> None:
    engine = open_store(store_url)
    clock = Clock()
    feed = state.add_feed(engine, url=URL, name=None, every=300, now=clock())
    entries = [entry(n) for n in range(3)]
    record = FetchRecord(status=200, outcome="new", new_items=3)
    state.record_fetch(engine, feed, record, now=clock(), every=300, pending=entries)
    stored, lost = make_document("A stored page."), make_document("A page never stored.")
    for item, document in zip(entries[:2], (stored, lost), strict=True):
        page = PageItem(feed_id=feed.id, entry=item, round=1, payload=document)
        state.mark_fetched(engine, page, document_id=document.id, now=clock())
    writer = StoreWriter(engine)
    run = writer.start_run(command="tests", inputs=[], settings={})
    article = make_article(("A stored page.",), id=stored.id, document_id=stored.id)
    writer.write_batch([CodedArticle(article=article)], run_id=run)

    assert state.recover(engine, now=clock()) == (1, 1)
    assert state.item_counts(engine) == {"stored": 1, "pending": 2}
    assert sorted(e.key for _, e, _ in state.leftovers(engine)) == [
        entries[1].key, entries[2].key,
    ]  # fmt: skip
    engine.dispose()
