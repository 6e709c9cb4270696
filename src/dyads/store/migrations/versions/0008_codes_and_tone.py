"""Country codes beside ISO-3, and an article's tone.

- ``articles.tone`` (nullable float, -10..+10, ``dyads.clean.tone``): articles stored
  before this revision keep NULL.
- ``country_codes`` (iso3, cown, gwn, fips): the Correlates of War, Gleditsch-Ward and
  FIPS 10-4 codes of each ISO-3 code of the package's ``data/countries.tsv``, written here
  from the table as it is when the revision runs; a later change of the table comes with
  a revision that rewrites the rows (a test compares the stored rows with the package's).
- ``events_flat`` is created again with the columns the CSV export appends: the actors'
  and recipients' ``cown``, ``gwn`` and ``fips`` (``;``-joined beside the ISO-3 codes,
  empty for an actor whose code has none, such as an IGO) and the first article's
  ``tone``. The columns of revision 0007 stay first and unchanged.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VIEW = "events_flat"
CODE_COLUMNS = ("cown", "gwn", "fips")


def _joined(dialect: str, value: str, source: str, order: str) -> str:
    """The ``;``-joined ``value`` of the rows of ``source`` in ``order`` (as revision 0007:
    SQLite 3.40 has no ORDER BY inside ``group_concat``, so it joins an ordered subquery)."""
    if dialect == "postgresql":
        return f"(SELECT string_agg({value}, ';' ORDER BY {order}) FROM {source})"
    ordered = f"SELECT {value} AS v FROM {source} ORDER BY {order}"
    return f"(SELECT group_concat(v, ';') FROM ({ordered}))"


def _side(dialect: str, role: str, value: str) -> str:
    """``value`` of each actor of ``role`` (``ac``: its ``actors`` row; ``cc``: its
    ``country_codes`` row, when ``value`` reads one), ``;``-joined in position order."""
    codes = " LEFT JOIN country_codes cc ON cc.iso3 = ac.country" if "cc." in value else ""
    source = (
        f"event_actors ea JOIN actors ac ON ac.id = ea.actor_id{codes}"
        f" WHERE ea.event_id = e.id AND ea.role = '{role}'"
    )
    return _joined(dialect, f"coalesce({value}, '')", source, "ea.position")


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


def view_sql(dialect: str, *, codes: bool = True) -> str:
    """The view of this revision, or (``codes=False``) the view of revision 0007."""
    sides = [
        f"{_side(dialect, role, 'ac.' + column)} AS {role}_{plural}"
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
    if codes:
        columns += [
            f"{_side(dialect, role, f'cast(cc.{column} AS text)')} AS {role}_{column}"
            for role in ("actor", "recipient")
            for column in CODE_COLUMNS
        ]
        columns.append("fa.tone")
    return (
        f"CREATE VIEW {VIEW} AS SELECT\n    "
        + ",\n    ".join(columns)
        + "\nFROM events e"
        + f"\nLEFT JOIN event_mentions fm ON fm.id = {FIRST_MENTION}"
        + "\nLEFT JOIN articles fa ON fa.id = fm.article_id"
    )


def _package_codes() -> list[dict[str, int | str | None]]:
    """The rows of ``country_codes``: every ISO-3 code of the package's countries table with
    the codes ``dyads.actors.tables.country_codes`` reads for it."""
    from importlib import resources

    from dyads.actors.tables import country_codes

    text = resources.files("dyads").joinpath("data", "countries.tsv").read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        codes = country_codes(line.split("\t", 1)[0])
        if codes is not None:
            rows.append(
                {"iso3": codes.iso3, "cown": codes.cown, "gwn": codes.gwn, "fips": codes.fips}
            )
    return rows


def upgrade() -> None:
    op.add_column("articles", sa.Column("tone", sa.Float(), nullable=True))
    table = op.create_table(
        "country_codes",
        sa.Column("iso3", sa.String(3), nullable=False),
        sa.Column("cown", sa.Integer()),
        sa.Column("gwn", sa.Integer()),
        sa.Column("fips", sa.String(2)),
        sa.PrimaryKeyConstraint("iso3", name="pk_country_codes"),
    )
    op.bulk_insert(table, _package_codes())
    op.execute(f"DROP VIEW {VIEW}")
    op.execute(view_sql(op.get_bind().dialect.name))


def downgrade() -> None:
    op.execute(f"DROP VIEW {VIEW}")
    op.execute(view_sql(op.get_bind().dialect.name, codes=False))
    op.drop_table("country_codes")
    op.drop_column("articles", "tone")
