"""An index of event countries by actor and date, so a page of one country's events (as
actor) is read in order from an index range instead of sorting all of that country's events.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_event_dyads_actor", "event_dyads", ["actor_country", "date", "event_id"])


def downgrade() -> None:
    op.drop_index("ix_event_dyads_actor", table_name="event_dyads")
