from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from dyads.serve.api.cache import ReadCache, store_version
from dyads.store import open_store
from dyads.store.writer import StoreWriter
from tests.conftest import make_article


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    return open_store(str(tmp_path / "cache.db"))


def _write_article(engine: Engine, text: str) -> None:
    from dyads.records import CodedArticle

    writer = StoreWriter(engine)
    run_id = writer.start_run(command="tests", inputs=[], settings={})
    writer.write_batch([CodedArticle(article=make_article((text,)))], run_id=run_id)


def test_read_cache_reuses_an_answer_until_the_store_changes(engine: Engine) -> None:
    cache = ReadCache(entries=4)
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    assert cache.get(engine, "k", compute) == 1
    assert cache.get(engine, "k", compute) == 1
    _write_article(engine, "Officials from two capitals met on Monday.")
    assert cache.get(engine, "k", compute) == 2
    assert (cache.hits, cache.misses) == (1, 2)


def test_read_cache_keeps_at_most_its_entries(engine: Engine) -> None:
    cache = ReadCache(entries=2)
    for key in ("a", "b", "c"):
        cache.get(engine, key, lambda: 0)
    cache.get(engine, "a", lambda: 0)
    assert (cache.hits, cache.misses) == (0, 4)


def test_read_cache_with_no_entries_always_computes(engine: Engine) -> None:
    cache = ReadCache(entries=0)
    answers = iter(range(10))
    assert [cache.get(engine, "k", lambda: next(answers)) for _ in range(3)] == [0, 1, 2]


def test_store_version_counts_documents_and_rejections(engine: Engine) -> None:
    before = store_version(engine)
    _write_article(engine, "A delegation arrived for talks on Tuesday.")
    assert store_version(engine) == (before[0] + 1, before[1])
