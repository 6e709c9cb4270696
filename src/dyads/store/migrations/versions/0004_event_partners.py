"""Joint actions in dyad queries: the pairs of actor countries of events with no recipient
("Japan and South Korea agreed ..."), so that such an event is between its actors.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "event_partners",
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("country", sa.String(16), nullable=False),
        sa.Column("partner", sa.String(16), nullable=False),
        sa.Column("date", sa.Date()),
        sa.Column("quad", sa.Integer()),
        sa.Column("goldstein", sa.Float()),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name="fk_event_partners_event_id_events"
        ),
        sa.PrimaryKeyConstraint("event_id", "country", "partner", name="pk_event_partners"),
    )
    op.create_index(
        "ix_event_partners_pair",
        "event_partners",
        ["country", "partner", "date", "quad", "goldstein", "event_id"],
    )
    _fill_event_partners()


def _fill_event_partners() -> None:
    """Pairs for the joint actions a store at revision 0003 already holds (written out here
    rather than imported, so that this revision keeps doing what it did when written)."""
    conn = op.get_bind()
    rows = conn.execute(
        sa.text(
            "SELECT id, actor_key, date, quad, goldstein FROM events"
            " WHERE recipient_key = '' AND actor_key LIKE '%,%'"
        )
    )
    pairs = []
    for row in rows:
        codes = sorted({code for code in row.actor_key.split(",") if code})
        pairs += [
            {
                "event_id": row.id,
                "country": country,
                "partner": partner,
                "date": row.date,
                "quad": row.quad,
                "goldstein": row.goldstein,
            }
            for country in codes
            for partner in codes
            if partner != country
        ]
    if pairs:
        conn.execute(
            sa.text(
                "INSERT INTO event_partners (event_id, country, partner, date, quad, goldstein)"
                " VALUES (:event_id, :country, :partner, :date, :quad, :goldstein)"
            ),
            pairs,
        )


def downgrade() -> None:
    op.drop_table("event_partners")
