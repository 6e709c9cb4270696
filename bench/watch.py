"""``dyads watch`` against a local news site: how long from publication to a queryable event,
and how hard each host is asked.

    PYTHONPATH=src .venv/bin/python bench/watch.py [--hosts 10] [--feeds-per-host 5]
        [--items 20] [--new 200] [--over 60] [--every 15s] [--delay 0.25]

Serves ``hosts`` sites on 127.0.0.1 (one port each: a host, to politeness and robots.txt),
each with ``feeds-per-host`` feeds (RSS 2.0, Atom, RSS 1.0, news sitemap in turn) of
``items`` invented reports, and starts ``dyads watch --every EVERY`` as a process of its own.
Once the first items are stored it publishes ``new`` more, evenly over ``over`` seconds on
feeds in turn, and reads the store four times a second to see when each new item's first
event can be queried (a mention of it joined to its document). Prints the delay's p50 and
p95 (goal: p95 under 60 s with ``--every 15s``), the most requests any host received within
one second against the limit the watcher holds to (``1 / delay``), and whether every item
was stored once and every page fetched once.
"""

from __future__ import annotations

import argparse
import os
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.feedsite import FeedSite, Story, atom, news_sitemap, rdf, rss2, story  # noqa: E402

BUILDERS: tuple[Callable[[str, list[Story]], bytes], ...] = (rss2, atom, rdf, news_sitemap)
POLL = 0.25  # seconds between reads of the store: the resolution of the measured delays


class Feed:
    """One feed of one site: its stories so far, served at request time."""

    def __init__(self, site: FeedSite, number: int, build: Callable[[str, list[Story]], bytes]):
        self.site = site
        self.path = f"/feed-{number}.xml"
        self.stories: list[Story] = []
        self.build = build
        self.route = site.route(self.path, body=self.body, content_type="application/xml")

    def body(self) -> bytes:
        return self.build(self.site.base, self.stories[::-1])  # newest first

    def publish(self, item: Story) -> None:
        self.site.publish([item])
        self.stories.append(item)
        self.route.etag = f'"{len(self.stories)}"'


def main() -> None:
    args = parse_args()
    sites = [FeedSite().start() for _ in range(args.hosts)]
    feeds = [
        Feed(site, n, BUILDERS[(h * args.feeds_per_host + n) % len(BUILDERS)])
        for h, site in enumerate(sites)
        for n in range(args.feeds_per_host)
    ]
    counter = iter(range(10**9))
    for f, feed in enumerate(feeds):
        for _ in range(args.items):
            feed.publish(story(next(counter), prefix=f"/f{f}"))
    initial = len(feeds) * args.items
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "watch.db"
        url = f"sqlite:///{db}"
        for feed in feeds:
            run_cli(["feeds", "--db", url, "add", feed.site.url(feed.path)])
        env = {
            **os.environ,
            "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
            "DYADS_WATCH_HOST_DELAY": str(args.delay),
        }
        log = (Path(folder) / "watch.log").open("w")
        command = [sys.executable, "-m", "dyads.cli.main", "watch", "--db", url]
        watcher = subprocess.Popen([*command, "--every", args.every], env=env, stderr=log)
        started = time.monotonic()
        wait_until(lambda: stored_items(db) >= initial, timeout=1800)
        print(f"first {initial} items stored in {time.monotonic() - started:.0f} s")
        published = publish_over(feeds, counter, args.new, args.over, db)
        delays = [seen - at for at, seen in published.values()]
        watcher.send_signal(signal.SIGTERM)
        code = watcher.wait(timeout=300)
        log.close()
        log_path = Path(folder) / "watch.log"
        report(args, sites=sites, feeds=feeds, db=db, delays=delays, code=code, log=log_path)
    for site in sites:
        site.close()


def publish_over(
    feeds: list[Feed], counter: object, count: int, seconds: float, db: Path
) -> dict[str, tuple[float, float]]:
    """Publish ``count`` stories evenly over ``seconds``; return url -> (published, queryable)."""
    pending: dict[str, float] = {}
    done: dict[str, tuple[float, float]] = {}
    start = time.monotonic()
    for n in range(count):
        due = start + n * seconds / count
        while time.monotonic() < due:
            watch_store(db, pending, done)
            time.sleep(min(POLL, max(0.0, due - time.monotonic())))
        feed = feeds[n % len(feeds)]
        item = story(next(counter), prefix=f"/f{feeds.index(feed)}")  # type: ignore[call-overload]
        feed.publish(item)
        pending[feed.site.url(item.path)] = time.monotonic()
    wait_until(lambda: not watch_store(db, pending, done), timeout=600)
    return done


def watch_store(db: Path, pending: dict[str, float], done: dict[str, tuple[float, float]]) -> int:
    """Move the pending URLs whose events can now be queried to ``done``; how many are left."""
    if pending:
        now = time.monotonic()
        for url in queryable(db, list(pending)):
            done[url] = (pending.pop(url), now)
    return len(pending)


def queryable(db: Path, urls: list[str]) -> set[str]:
    marks = ",".join("?" * len(urls))
    query = (
        "SELECT DISTINCT d.url FROM documents d JOIN articles a ON a.document_id = d.id"
        f" JOIN event_mentions m ON m.article_id = a.id WHERE d.url IN ({marks})"
    )
    with closing(sqlite3.connect(db, timeout=30)) as conn:
        return {row[0] for row in conn.execute(query, urls)}


def stored_items(db: Path) -> int:
    with closing(sqlite3.connect(db, timeout=30)) as conn:
        row = conn.execute("SELECT count(*) FROM feed_items WHERE status = 'stored'").fetchone()
    return int(row[0])


def wait_until(done: Callable[[], bool], *, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise SystemExit(f"gave up after {timeout:.0f} s")
        time.sleep(POLL)


def busiest_second(times: list[float]) -> int:
    """The most requests that fell within any one second (a sliding window)."""
    times = sorted(times)
    best, left = 0, 0
    for right, at in enumerate(times):
        while at - times[left] >= 1.0:
            left += 1
        best = max(best, right - left + 1)
    return best


def closest(times: list[float]) -> float:
    """The shortest time between two requests in a row."""
    return min((b - a for a, b in pairwise(times)), default=float("inf"))


def report(
    args: argparse.Namespace,
    *,
    sites: list[FeedSite],
    feeds: list[Feed],
    db: Path,
    delays: list[float],
    code: int,
    log: Path,
) -> None:
    delays.sort()
    p50 = statistics.median(delays)
    p95 = delays[min(len(delays) - 1, round(0.95 * len(delays)) - 1)]
    print(
        f"new items {len(delays)}: publication to queryable event p50 {p50:.1f} s, "
        f"p95 {p95:.1f} s, max {delays[-1]:.1f} s (goal p95 < 60 s, every {args.every})"
    )
    per_host = [busiest_second([h.at for h in site.hits]) for site in sites]
    gaps = [closest(sorted(h.at for h in site.hits)) for site in sites]
    print(
        f"requests per host per second: at most {max(per_host)} seen in any one second "
        f"(limit {1 / args.delay:g}: one start every {args.delay} s); closest two requests "
        f"to one host {min(gaps):.3f} s apart; requests {sum(len(s.hits) for s in sites)}"
    )
    pages = [s for feed in feeds for s in feed.stories]
    fetched = [feed.site.count(s.path) for feed in feeds for s in feed.stories]
    with closing(sqlite3.connect(db)) as conn:
        documents, distinct = conn.execute(
            "SELECT count(*), count(DISTINCT url) FROM documents"
        ).fetchone()
        statuses = dict(conn.execute("SELECT status, count(*) FROM feed_items GROUP BY status"))
    print(
        f"pages {len(pages)}: documents {documents} ({distinct} distinct URLs), "
        f"items {statuses}, pages fetched more than once: {sum(n > 1 for n in fetched)}"
    )
    rounds = [line for line in log.read_text().splitlines() if line.startswith("round ")]
    print(
        f"watcher stopped with SIGTERM: exit {code}; {len(rounds)} rounds, the last: {rounds[-1]}"
    )


def run_cli(argv: list[str]) -> None:
    from dyads.cli.main import main as dyads

    if dyads(argv) != 0:
        raise SystemExit(f"dyads {' '.join(argv)} failed")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--hosts", type=int, default=10)
    parser.add_argument("--feeds-per-host", type=int, default=5)
    parser.add_argument("--items", type=int, default=20, help="items per feed at the start")
    parser.add_argument("--new", type=int, default=200, help="items published while watching")
    parser.add_argument("--over", type=float, default=60.0, help="seconds to publish them over")
    parser.add_argument("--every", default="15s", help="dyads watch --every")
    parser.add_argument("--delay", type=float, default=0.25, help="DYADS_WATCH_HOST_DELAY")
    return parser.parse_args()


if __name__ == "__main__":
    main()
