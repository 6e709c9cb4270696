"""Feed bodies to entries, URL keys, durations and Retry-After values (no network)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from dyads.cli.feeds import duration
from dyads.watch.base import FeedKind, UnreadableFeed
from dyads.watch.fetch import retry_after
from dyads.watch.sources import parse_feed
from dyads.watch.urls import host_of, normalise
from tests.feedsite import atom, news_sitemap, rdf, rss2, sitemap_index, story

BASE = "https://news.example.org"


@pytest.mark.parametrize(
    ("build", "kind"),
    [
        (rss2, FeedKind.RSS),
        (rdf, FeedKind.RDF),
        (atom, FeedKind.ATOM),
        (news_sitemap, FeedKind.SITEMAP),
    ],
)
def test_parse_feed_reads_every_format(build: Callable[[str, list], bytes], kind: FeedKind) -> None:
    items = [story(n) for n in range(3)]
    parsed = parse_feed(build(BASE, items), url=f"{BASE}/feed")
    assert parsed.kind is kind
    assert [e.url for e in parsed.entries] == [f"{BASE}{s.path}" for s in items]
    assert [e.title for e in parsed.entries] == [s.title for s in items]
    assert [e.published for e in parsed.entries] == [s.published for s in items]


def test_parse_feed_sitemap_index_lists_its_sitemaps_newest_first() -> None:
    body = sitemap_index(
        BASE, [("/sitemap-1.xml", "2026-12-01"), ("/sitemap-3.xml", "2026-12-03"),
               ("/sitemap-2.xml", "2026-12-02")]
    )  # fmt: skip
    parsed = parse_feed(body, url=f"{BASE}/sitemap.xml")
    assert parsed.kind is FeedKind.SITEMAP_INDEX
    assert parsed.sitemaps == tuple(f"{BASE}/sitemap-{n}.xml" for n in (3, 2, 1))
    assert parsed.entries == ()


def test_parse_feed_tracking_parameters_make_one_item() -> None:
    items = [story(1)]
    tracked = rss2(BASE, items, query="?utm_source=rss&utm_medium=feed")
    plain = rss2(BASE, items)
    [one] = parse_feed(tracked, url=BASE).entries
    [two] = parse_feed(plain, url=BASE).entries
    assert one.url != two.url
    assert one.key == two.key == "https://news.example.org/news/00001.html"


@pytest.mark.parametrize(
    "body",
    [
        b"<?xml version='1.0'?><rss version='2.0'><channel><item><title>Broken &",
        b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<url><loc>https://a.example/1</loc></url",
        b"<!doctype html><html><body><p>Not a feed at all.</p></body></html>",
        b"",
    ],
    ids=["truncated-rss", "truncated-sitemap", "html-page", "empty"],
)
def test_parse_feed_unreadable_bodies_are_named(body: bytes) -> None:
    with pytest.raises(UnreadableFeed, match="not a feed or sitemap"):
        parse_feed(body, url=f"{BASE}/feed")


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://News.Example.org/a?utm_source=x&id=3#top", "https://news.example.org/a?id=3"),
        ("http://news.example.org:80/a?fbclid=1", "https://news.example.org/a"),
        ("https://news.example.org/a?b=2&a=1", "https://news.example.org/a?a=1&b=2"),
        ("https://news.example.org", "https://news.example.org/"),
        ("mailto:desk@example.org", None),
        ("/relative/path", None),
    ],
)
def test_normalise_gives_one_key_per_article(url: str, key: str | None) -> None:
    assert normalise(url) == key


def test_host_of_keeps_scheme_host_and_port() -> None:
    assert host_of("http://127.0.0.1:8080/a/b?c") == "http://127.0.0.1:8080"


@pytest.mark.parametrize(
    ("text", "seconds"), [("90", 90), ("15s", 15), ("10m", 600), ("2h", 7200), ("1d", 86400)]
)
def test_duration_reads_units(text: str, seconds: int) -> None:
    assert duration(text) == seconds


def test_retry_after_reads_seconds_and_http_dates() -> None:
    assert retry_after("120") == 120.0
    assert retry_after(None) is None
    assert retry_after("soon") is None
    past = datetime(2001, 1, 1, tzinfo=UTC).strftime("%a, %d %b %Y %H:%M:%S GMT")
    assert retry_after(past) == 0.0
