"""Migration 0006: PostgreSQL's stored full-text column and sentence trigrams; text=
answers the same on both backends."""

from __future__ import annotations

from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import inspect, text

from dyads.store.engine import MIGRATIONS
from dyads.store.filters import EventFilter
from dyads.store.query import query_events
from tests.conftest import fill_store

pytestmark = pytest.mark.integration


def _migrate(engine: Any, target: str, *, down: bool) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(config, target)


def test_store_migration_0006_round_trips_and_keeps_search(store_url: str) -> None:
    engine = fill_store(store_url)
    before = query_events(engine, filter=EventFilter(text="grain"))
    _migrate(engine, "0005", down=True)
    _migrate(engine, "head", down=False)
    columns = {c["name"] for c in inspect(engine).get_columns("articles")}
    assert ("search" in columns) == (engine.dialect.name == "postgresql")
    again = query_events(engine, filter=EventFilter(text="grain"))
    assert [s.event.id for s in again.items] == [s.event.id for s in before.items]
    assert before.items
    engine.dispose()


def test_store_postgresql_search_column_follows_new_articles(store_url: str) -> None:
    if not store_url.startswith("postgresql"):
        pytest.skip("the stored tsvector column is PostgreSQL's; SQLite keeps FTS5")
    engine = fill_store(store_url)
    with engine.connect() as conn:
        indexed = conn.execute(
            text("SELECT count(*) FROM articles WHERE search @@ plainto_tsquery('english', :q)"),
            {"q": "grain"},
        ).scalar()
        missing = "SELECT count(*) FROM articles WHERE search IS NULL"
        unindexed = conn.execute(text(missing)).scalar()
    assert indexed >= 1
    assert unindexed == 0
    engine.dispose()
