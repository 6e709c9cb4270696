from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from dyads.store.engine import MIGRATIONS, normalise_url, open_store
from dyads.store.schema import is_managed, metadata


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgresql://u@h:5432/db", "postgresql+psycopg://u@h:5432/db"),
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:///dyads.db", "sqlite:///dyads.db"),
        ("data/dyads.db", "sqlite:///data/dyads.db"),
    ],
)
def test_normalise_url_maps_drivers_and_paths(given: str, expected: str) -> None:
    assert normalise_url(given) == expected


def test_open_store_creates_every_table_and_the_fts_index(tmp_path: Path) -> None:
    engine = open_store(f"sqlite:///{tmp_path / 'nested' / 'store.db'}")
    names = set(inspect(engine).get_table_names())
    assert set(metadata.tables) <= names
    assert "articles_fts" in names
    engine.dispose()


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def test_open_store_twice_is_a_no_op_and_matches_the_metadata(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    open_store(url).dispose()
    engine = open_store(url)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": is_managed})
        assert compare_metadata(context, metadata) == []
        version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    assert version == ScriptDirectory.from_config(_alembic_config()).get_current_head()
    engine.dispose()


def test_open_store_in_memory_keeps_one_database(tmp_path: Path) -> None:
    engine = open_store("sqlite://")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM events")).scalar() == 0
    engine.dispose()
