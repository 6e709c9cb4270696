"""A flat view for SQL clients (R's DBI, a BI tool): ``events_flat``, one row per event
with the columns of the CSV export (``dyads export --format csv``).

Lists are joined with ``;`` in their stored order, the i-th actor name going with the i-th
actor country and sector, as in the CSV; ``article_id``, ``url`` and ``evidence`` are those
of the event's first mention (earliest published article first, then article id, sentence
and mention id: the order of the read side's event lists). Where the CSV has an empty cell
the view has NULL (no mode, no place, an event without recipients). ``date`` is a date,
the numbers are numbers (``confidence`` unrounded).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VIEW = "events_flat"


def _joined(dialect: str, value: str, source: str, order: str) -> str:
    """The ``;``-joined ``value`` of the rows of ``source`` in ``order``, in SQL.

    PostgreSQL orders inside ``string_agg``; SQLite 3.40 (Debian 12's) has no ORDER BY in
    ``group_concat``, which concatenates the rows of an ordered subquery in their order."""
    if dialect == "postgresql":
        return f"(SELECT string_agg({value}, ';' ORDER BY {order}) FROM {source})"
    ordered = f"SELECT {value} AS v FROM {source} ORDER BY {order}"
    return f"(SELECT group_concat(v, ';') FROM ({ordered}))"


def _side(dialect: str, role: str, column: str) -> str:
    source = (
        "event_actors ea JOIN actors ac ON ac.id = ea.actor_id"
        f" WHERE ea.event_id = e.id AND ea.role = '{role}'"
    )
    return _joined(dialect, f"coalesce(ac.{column}, '')", source, "ea.position")


def _contexts(dialect: str) -> str:
    if dialect == "postgresql":
        source = "jsonb_array_elements_text(e.contexts) WITH ORDINALITY AS c(value, n)"
        return _joined(dialect, "c.value", source, "c.n")
    return _joined(dialect, "c.value", "json_each(e.contexts) AS c", "c.key")


FIRST_MENTION = """(
    SELECT m.id FROM event_mentions m JOIN articles a ON a.id = m.article_id
    WHERE m.event_id = e.id
    ORDER BY a.published_date IS NULL, a.published_date, m.article_id, m.sentence_index, m.id
    LIMIT 1
)"""


def view_sql(dialect: str) -> str:
    sides = [
        f"{_side(dialect, role, column)} AS {role}_{plural}"
        for role in ("actor", "recipient")
        for column, plural in (("name", "names"), ("country", "countries"), ("sector", "sectors"))
    ]
    columns = [
        "e.id",
        "e.date",
        "e.date_method",
        "e.event",
        "e.mode",
        f"{_contexts(dialect)} AS contexts",
        *sides,
        "e.place_name AS place",
        "e.place_country",
        "e.place_lat AS lat",
        "e.place_lon AS lon",
        "e.cameo",
        "e.quad",
        "e.goldstein",
        "e.confidence",
        "e.num_mentions",
        "e.num_articles",
        "e.num_sources",
        "fm.article_id",
        "fa.url",
        "fm.sentence AS evidence",
    ]
    return (
        f"CREATE VIEW {VIEW} AS SELECT\n    "
        + ",\n    ".join(columns)
        + "\nFROM events e"
        + f"\nLEFT JOIN event_mentions fm ON fm.id = {FIRST_MENTION}"
        + "\nLEFT JOIN articles fa ON fa.id = fm.article_id"
    )


def upgrade() -> None:
    op.execute(view_sql(op.get_bind().dialect.name))


def downgrade() -> None:
    op.execute(f"DROP VIEW {VIEW}")
