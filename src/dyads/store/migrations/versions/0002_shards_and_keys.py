"""Country pairs of events for indexed dyad queries, completion markers of distributed
shards, and API keys.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "event_dyads",
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("actor_country", sa.String(16), nullable=False),
        sa.Column("recipient_country", sa.String(16), nullable=False),
        sa.Column("date", sa.Date()),
        sa.Column("quad", sa.Integer()),
        sa.Column("goldstein", sa.Float()),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name="fk_event_dyads_event_id_events"),
        sa.PrimaryKeyConstraint(
            "event_id", "actor_country", "recipient_country", name="pk_event_dyads"
        ),
    )
    op.create_index(
        "ix_event_dyads_pair",
        "event_dyads",
        ["actor_country", "recipient_country", "date", "quad", "goldstein", "event_id"],
    )
    op.create_index(
        "ix_event_dyads_recipient", "event_dyads", ["recipient_country", "date", "event_id"]
    )
    _fill_event_dyads()
    op.create_table(
        "shard_markers",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("run_id", sa.String(64), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "stats", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False
        ),
        sa.PrimaryKeyConstraint("id", name="pk_shard_markers"),
    )
    op.create_table(
        "api_keys",
        sa.Column("prefix", sa.String(16), nullable=False),
        sa.Column("name", sa.String(128), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True)),
        sa.PrimaryKeyConstraint("prefix", name="pk_api_keys"),
        sa.UniqueConstraint("name", name="uq_api_keys_name"),
    )


def _fill_event_dyads() -> None:
    """Pairs for the events a store at revision 0001 already holds."""
    conn = op.get_bind()
    rows = conn.execute(
        sa.text("SELECT id, actor_key, recipient_key, date, quad, goldstein FROM events")
    )
    pairs = [
        {
            "event_id": row.id,
            "actor_country": actor,
            "recipient_country": recipient,
            "date": row.date,
            "quad": row.quad,
            "goldstein": row.goldstein,
        }
        for row in rows
        for actor in ([c for c in row.actor_key.split(",") if c] or [""])
        for recipient in ([c for c in row.recipient_key.split(",") if c] or [""])
    ]
    if pairs:
        conn.execute(
            sa.text(
                "INSERT INTO event_dyads (event_id, actor_country, recipient_country, date,"
                " quad, goldstein) VALUES (:event_id, :actor_country, :recipient_country,"
                " :date, :quad, :goldstein)"
            ),
            pairs,
        )


def downgrade() -> None:
    op.drop_table("api_keys")
    op.drop_table("shard_markers")
    op.drop_table("event_dyads")
