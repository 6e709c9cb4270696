"""Statements both databases run the same way, written once."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Table, bindparam, update
from sqlalchemy.engine import Connection


def insert_ignore(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows``, leaving any row whose primary key is already stored as it is."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        conn.execute(pg_insert(table).on_conflict_do_nothing(), list(rows))
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        conn.execute(sqlite_insert(table).on_conflict_do_nothing(), list(rows))


def update_by_id(
    conn: Connection, table: Table, rows: Iterable[dict[str, Any]], *, columns: Sequence[str]
) -> None:
    """Set ``columns`` on each row identified by its ``row_id`` key, in one executemany."""
    params = [{"row_id": row["row_id"], **{f"new_{c}": row[c] for c in columns}} for row in rows]
    if not params:
        return
    statement = (
        update(table)
        .where(table.c.id == bindparam("row_id"))
        .values({c: bindparam(f"new_{c}") for c in columns})
    )
    conn.execute(statement, params)
