"""``dyads run`` end to end: reruns add nothing; a killed run resumed equals an unbroken one."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from dyads.cli.main import main
from dyads.store.engine import open_store
from tests.conftest import write_invented_news

pytestmark = pytest.mark.integration

CONTENT_TABLES = (
    "documents",
    "articles",
    "stories",
    "article_bands",
    "boilerplate_blocks",
    "events",
    "event_mentions",
    "event_actors",
    "actors",
    "rejections",
)
VOLATILE = {"run_id", "first_seen", "fetched_at"}


def table_contents(url: str) -> dict[str, list[tuple[Any, ...]]]:
    engine = open_store(url)
    out: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as conn:
        for table in CONTENT_TABLES:
            rows = conn.execute(text(f"SELECT * FROM {table}")).mappings().all()
            out[table] = sorted(
                tuple((k, repr(v)) for k, v in row.items() if k not in VOLATILE) for row in rows
            )
    engine.dispose()
    return out


def count(url: str, table: str) -> int:
    engine = open_store(url)
    with engine.connect() as conn:
        value = conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()
    engine.dispose()
    return int(value or 0)


def test_run_twice_adds_nothing_the_second_time(tmp_path: Path, store_url: str) -> None:
    news = write_invented_news(tmp_path / "news.jsonl", 30)
    args = ["run", str(news), "--db", store_url, "--stages", "clean", "--progress", "never"]
    assert main([*args, "--batch-size", "7"]) == 0
    first = table_contents(store_url)
    assert len(first["articles"]) == 30
    assert main(args) == 0
    assert table_contents(store_url) == first
    assert count(store_url, "runs") == 2


def sqlite_articles(path: Path) -> int:
    """Articles committed so far, read without migrating or locking anything."""
    with closing(sqlite3.connect(path, timeout=30)) as conn:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])


@pytest.mark.slow
@pytest.mark.parametrize(("stages", "documents"), [("clean", 300), ("clean,code", 80)])
def test_run_killed_mid_batch_then_resumed_equals_an_unbroken_run(
    tmp_path: Path, stages: str, documents: int
) -> None:
    news = write_invented_news(tmp_path / "news.jsonl", documents)
    killed = f"sqlite:///{tmp_path / 'killed.db'}"
    unbroken = f"sqlite:///{tmp_path / 'unbroken.db'}"
    open_store(killed).dispose()  # so the poll below reads a migrated store
    command = [sys.executable, "-m", "dyads.cli.main", "run", str(news), "--stages", stages]
    command += ["--batch-size", "4", "--progress", "never", "--db"]
    process = subprocess.Popen([*command, killed], stderr=subprocess.DEVNULL)
    stored = 0
    while process.poll() is None and stored == 0:
        stored = sqlite_articles(tmp_path / "killed.db")
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    partial = sqlite_articles(tmp_path / "killed.db")
    assert 0 < partial < documents, "the run ended before it could be killed mid-way"
    assert partial % 4 == 0  # only whole batches were committed
    subprocess.run([*command, killed], check=True, stderr=subprocess.DEVNULL)
    subprocess.run([*command, unbroken], check=True, stderr=subprocess.DEVNULL)
    assert table_contents(killed) == table_contents(unbroken)


def _ids(url: str, table: str) -> list[str]:
    engine = open_store(url)
    with engine.connect() as conn:
        ids = sorted(str(row[0]) for row in conn.execute(text(f"SELECT id FROM {table}")))
    engine.dispose()
    return ids


@pytest.mark.slow
def test_run_killed_on_postgresql_then_resumed_stores_what_an_unbroken_run_stores(
    tmp_path: Path, store_url: str
) -> None:
    """kill -9 of a run writing to PostgreSQL: the rerun completes it, and the store holds
    the documents, articles and events of an unbroken run (into SQLite), each once."""
    if not store_url.startswith("postgresql"):
        pytest.skip("the SQLite case is test_run_killed_mid_batch_then_resumed_...")
    news = write_invented_news(tmp_path / "news.jsonl", 200)
    unbroken = f"sqlite:///{tmp_path / 'unbroken.db'}"
    open_store(store_url).dispose()
    command = [sys.executable, "-m", "dyads.cli.main", "run", str(news), "--stages", "clean"]
    command += ["--batch-size", "4", "--progress", "never", "--db"]
    process = subprocess.Popen([*command, store_url], stderr=subprocess.DEVNULL)
    stored = 0
    while process.poll() is None and stored == 0:
        stored = count(store_url, "articles")
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    partial = count(store_url, "articles")
    assert 0 < partial < 200, "the run ended before it could be killed mid-way"
    subprocess.run([*command, store_url], check=True, stderr=subprocess.DEVNULL)
    subprocess.run([*command, unbroken], check=True, stderr=subprocess.DEVNULL)
    for table in ("documents", "articles", "stories", "boilerplate_blocks"):
        assert count(store_url, table) == count(unbroken, table), table
    assert _ids(store_url, "documents") == _ids(unbroken, "documents")
    assert _ids(store_url, "articles") == _ids(unbroken, "articles")


@pytest.mark.slow
def test_run_while_the_api_writes_loses_and_doubles_nothing(
    tmp_path: Path, api_client: Any, api_key: str, api_engine: Any
) -> None:
    """A ``dyads run`` into the store an API server writes to at the same time: every
    document of both is stored once."""
    url = api_engine.url.render_as_string(hide_password=False)
    before = count(url, "documents")
    news = write_invented_news(tmp_path / "news.jsonl", 40)
    command = [sys.executable, "-m", "dyads.cli.main", "run", str(news), "--stages", "clean"]
    process = subprocess.Popen(
        [*command, "--batch-size", "2", "--progress", "never", "--db", url],
        stderr=subprocess.DEVNULL,
    )
    posted = 0
    while process.poll() is None or posted < 3:
        content = f"LIMA - Chile and Peru signed fisheries accord number {posted} in Lima."
        body = {"kind": "text", "date": "2024-05-02", "content": content}
        answer = api_client.post("/documents", json=body, headers={"X-API-Key": api_key})
        assert answer.status_code in (200, 201), answer.text
        posted += 1
    assert process.wait() == 0
    assert count(url, "documents") == before + 40 + posted
    assert len(set(_ids(url, "documents"))) == count(url, "documents")
