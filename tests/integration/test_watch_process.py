"""``dyads watch`` as a process: killed with SIGKILL mid-round and started again, every item
is stored once and no stored page is fetched again; SIGTERM stops it after the item in
hand; ``dyads feeds`` manages the list."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from dyads.cli.main import main
from dyads.store import open_store
from dyads.watch import state
from tests.feedsite import FeedSite, rss2, story

pytestmark = pytest.mark.integration

# Enough pages that a round lasts a few seconds at the spacing below, so that the process
# can be stopped while it is storing them.
PAGES = 60


def watch_command(db: str, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "dyads.cli.main",
        "watch",
        "--db",
        db,
        "--stages",
        "clean",
        *extra,
    ]


def watch_env() -> dict[str, str]:
    # 20 ms between requests to the one local host: the round takes seconds, not minutes
    return {**os.environ, "DYADS_WATCH_HOST_DELAY": "0.02"}


def stored_urls(path: Path) -> set[str]:
    """Documents committed so far, read without migrating or locking anything."""
    with closing(sqlite3.connect(path, timeout=30)) as conn:
        return {row[0] for row in conn.execute("SELECT url FROM documents")}


def wait_for_documents(process: subprocess.Popen[bytes], path: Path, least: int) -> None:
    deadline = time.monotonic() + 300  # a guard against a hung child, not a speed check
    while process.poll() is None and time.monotonic() < deadline:
        if len(stored_urls(path)) >= least:
            return
        time.sleep(0.02)


def site_with_pages(site: FeedSite) -> list[str]:
    items = [story(n) for n in range(PAGES)]
    site.publish(items)
    site.route("/rss.xml", body=rss2(site.base, items), etag='"one"')
    return [item.path for item in items]


@pytest.mark.slow
def test_watch_killed_mid_round_then_restarted_stores_every_item_once(
    feed_site: FeedSite, tmp_path: Path
) -> None:
    paths = site_with_pages(feed_site)
    db_path = tmp_path / "store.db"
    db = f"sqlite:///{db_path}"
    assert main(["feeds", "--db", db, "add", feed_site.url("/rss.xml"), "--name", "wire"]) == 0
    process = subprocess.Popen(
        watch_command(db, "--once"), env=watch_env(), stderr=subprocess.DEVNULL
    )
    wait_for_documents(process, db_path, 10)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    before = stored_urls(db_path)
    assert 10 <= len(before) < PAGES, "the round ended before it could be killed mid-way"

    # started again: the feed answers 304 and is not even due, yet nothing is lost
    subprocess.run(
        watch_command(db, "--once"), env=watch_env(), check=True, stderr=subprocess.DEVNULL
    )

    engine = open_store(db)
    assert state.item_counts(engine) == {"stored": PAGES}
    assert stored_urls(db_path) == {feed_site.url(path) for path in paths}
    with closing(sqlite3.connect(db_path)) as conn:
        [(documents, articles)] = conn.execute(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM articles)"
        ).fetchall()
    assert documents == articles == PAGES
    for path in paths:
        fetched = feed_site.count(path)
        if feed_site.url(path) in before:
            assert fetched == 1, f"{path} was stored before the kill and fetched again"
        else:
            assert fetched in (1, 2), f"{path} fetched {fetched} times"
    assert feed_site.count("/rss.xml") == 1  # the restart had no reason to poll the feed
    engine.dispose()


@pytest.mark.slow
def test_watch_sigterm_stops_after_the_item_in_hand(feed_site: FeedSite, tmp_path: Path) -> None:
    site_with_pages(feed_site)
    db_path = tmp_path / "store.db"
    db = f"sqlite:///{db_path}"
    assert main(["feeds", "--db", db, "add", feed_site.url("/rss.xml")]) == 0
    process = subprocess.Popen(
        watch_command(db), env=watch_env(), stderr=subprocess.PIPE, text=True
    )
    wait_for_documents(process, db_path, 5)
    process.send_signal(signal.SIGTERM)
    _, errors = process.communicate(timeout=120)
    assert process.returncode == 0, errors
    assert "stopping after the item in hand" in errors
    assert "stored  " in errors or "stored                 " in errors
    engine = open_store(db)
    counts = state.item_counts(engine)
    assert "fetched" not in counts  # the item in hand was finished and settled
    assert counts["stored"] == len(stored_urls(db_path))
    assert counts["stored"] + counts.get("pending", 0) == PAGES
    engine.dispose()


def test_feeds_cli_add_list_remove(
    feed_site: FeedSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'store.db'}"
    url = feed_site.url("/rss.xml")
    assert main(["feeds", "--db", db, "add", url, "--name", "wire", "--every", "15m"]) == 0
    assert main(["feeds", "--db", db, "add", url]) == 1  # watched already
    assert main(["feeds", "--db", db, "add", url, "--every", "soon"]) == 2  # not a duration
    capsys.readouterr()
    assert main(["feeds", "--db", db, "list"]) == 0
    listing = capsys.readouterr().out
    assert "wire" in listing and "15m" in listing and "never" in listing
    assert main(["feeds", "--db", db, "list", "--json"]) == 0
    assert '"every_seconds": 900' in capsys.readouterr().out
    assert main(["feeds", "--db", db, "remove", "wire"]) == 0
    assert main(["feeds", "--db", db, "remove", "wire"]) == 1
    assert main(["watch", "--db", db, "--once"]) == 2  # no feeds to watch


def test_watch_cli_once_prints_a_line_per_round(
    feed_site: FeedSite,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    items = [story(n) for n in range(3)]
    feed_site.publish(items)
    feed_site.route("/rss.xml", body=rss2(feed_site.base, items))
    monkeypatch.setenv("DYADS_WATCH_HOST_DELAY", "0")
    db = f"sqlite:///{tmp_path / 'store.db'}"
    assert main(["feeds", "--db", db, "add", feed_site.url("/rss.xml")]) == 0
    assert main(["watch", "--db", db, "--once", "--stages", "clean"]) == 0
    errors = capsys.readouterr().err
    assert "round 1 " in errors
    assert "feeds 1  new items 3  stored 3  events 0" in errors
    assert main(["feeds", "--db", db, "list"]) == 0
    out = capsys.readouterr().out
    assert "200" in out and "    3" in out
