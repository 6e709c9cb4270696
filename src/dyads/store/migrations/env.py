"""Alembic environment: migrations run on the connection ``open_store`` hands over.

Online only: a store is always migrated through a live connection (``open_store`` or
``alembic -x url=...``), so the same code path serves SQLite and PostgreSQL.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine
from sqlalchemy.engine import Connection

from dyads.store.schema import is_managed, metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        include_object=is_managed,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or context.config.get_main_option(
        "sqlalchemy.url"
    )
    if not url:
        raise RuntimeError("no database: pass -x url=... or use dyads.store.open_store")
    engine = create_engine(url)
    with engine.connect() as conn:
        _run(conn)
    engine.dispose()


run_online()
