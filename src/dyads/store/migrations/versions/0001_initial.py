"""The initial schema: documents, articles, stories, events and their mentions, runs.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out here rather than imported from ``schema.py``: a migration stays as it was
# when written, whatever the schema becomes later.
FTS_DOCUMENT = "to_tsvector('english', coalesce(title, '') || ' ' || coalesce(body, ''))"


def _json() -> sa.types.TypeEngine[Any]:
    return sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _id(name: str, length: int | None = 64, **kw: object) -> sa.Column[str]:
    return sa.Column(name, sa.String(length), nullable=False, **kw)  # type: ignore[arg-type]


def upgrade() -> None:
    _create_documents_and_articles()
    _create_events()
    _create_runs()
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _create_sqlite_fts()
    elif dialect == "postgresql":
        op.execute(f"CREATE INDEX ix_articles_fts ON articles USING GIN ({FTS_DOCUMENT})")


def _create_documents_and_articles() -> None:
    op.create_table(
        "documents",
        _id("id"),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("media_type", sa.String(64)),
        sa.Column("encoding", sa.String(32)),
        sa.Column("url", sa.Text()),
        sa.Column("fetched_at", sa.DateTime(timezone=True)),
        sa.Column("bytes", sa.Integer()),
        sa.Column("run_id", sa.String(64)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
    )
    op.create_table(
        "stories",
        _id("id", None),
        sa.Column("title", sa.Text()),
        _id("first_article_id", None),
        sa.Column("num_articles", sa.Integer(), nullable=False),
        sa.Column("num_sources", sa.Integer(), nullable=False),
        sa.Column("first_published", sa.String(40)),
        sa.PrimaryKeyConstraint("id", name="pk_stories"),
    )
    op.create_table(
        "articles",
        _id("id", None),
        _id("document_id"),
        _id("story_id", None),
        sa.Column("source", sa.Text()),
        sa.Column("url", sa.Text()),
        sa.Column("site", sa.String(255)),
        sa.Column("title", sa.Text()),
        sa.Column("published", sa.String(40)),
        sa.Column("published_date", sa.Date()),
        sa.Column("dateline_text", sa.Text()),
        sa.Column("dateline_place", sa.Text()),
        sa.Column("dateline_country", sa.String(16)),
        sa.Column("dateline_lat", sa.Float()),
        sa.Column("dateline_lon", sa.Float()),
        sa.Column("byline", sa.Text()),
        sa.Column("language", sa.String(16)),
        sa.Column("paragraphs", _json(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        _id("body_hash"),
        sa.Column("minhash", sa.LargeBinary()),
        sa.Column("method", sa.String(32)),
        sa.Column("confidence", sa.Float()),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name="fk_articles_document_id_documents"
        ),
        sa.ForeignKeyConstraint(["story_id"], ["stories.id"], name="fk_articles_story_id_stories"),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
    )
    for column in ("body_hash", "document_id", "published_date", "story_id"):
        op.create_index(f"ix_articles_{column}", "articles", [column])
    op.create_table(
        "boilerplate_blocks",
        _id("article_id", None),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("heading", sa.Text()),
        sa.Column("items", _json(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name="fk_boilerplate_blocks_article_id_articles"
        ),
        sa.PrimaryKeyConstraint("article_id", "position", name="pk_boilerplate_blocks"),
    )
    op.create_table(
        "article_bands",
        sa.Column("band", sa.Integer(), nullable=False),
        _id("bucket", 16),
        _id("article_id", None),
        _id("story_id", None),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name="fk_article_bands_article_id_articles"
        ),
        sa.PrimaryKeyConstraint("band", "bucket", "article_id", name="pk_article_bands"),
    )


def _create_events() -> None:
    op.create_table(
        "actors",
        _id("id"),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("country", sa.String(16)),
        sa.Column("sector", sa.String(16)),
        sa.Column("title", sa.Text()),
        sa.PrimaryKeyConstraint("id", name="pk_actors"),
    )
    op.create_index("ix_actors_country", "actors", ["country"])
    op.create_table(
        "events",
        _id("id"),
        _id("event", 32),
        sa.Column("mode", sa.String(32)),
        sa.Column("contexts", _json(), nullable=False),
        sa.Column("date", sa.Date()),
        _id("date_method", 16),
        sa.Column("place_name", sa.Text()),
        sa.Column("place_country", sa.String(16)),
        sa.Column("place_lat", sa.Float()),
        sa.Column("place_lon", sa.Float()),
        sa.Column("cameo", sa.String(8)),
        sa.Column("quad", sa.Integer()),
        sa.Column("goldstein", sa.Float()),
        sa.Column("confidence", sa.Float(), nullable=False),
        _id("story_id", None),
        _id("actor_key", 255),
        _id("recipient_key", 255),
        sa.Column("num_mentions", sa.Integer(), nullable=False),
        sa.Column("num_articles", sa.Integer(), nullable=False),
        sa.Column("num_sources", sa.Integer(), nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
        _id("coder", 64),
        _id("coder_version", 32),
        sa.ForeignKeyConstraint(["story_id"], ["stories.id"], name="fk_events_story_id_stories"),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
    )
    op.create_index("ix_events_date", "events", ["date"])
    op.create_index("ix_events_dyad", "events", ["event", "actor_key", "recipient_key", "date"])
    op.create_index("ix_events_story_id", "events", ["story_id"])
    op.create_table(
        "event_actors",
        _id("event_id"),
        _id("role", 16),
        _id("actor_id"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["actors.id"], name="fk_event_actors_actor_id_actors"
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name="fk_event_actors_event_id_events"
        ),
        sa.PrimaryKeyConstraint("event_id", "role", "actor_id", name="pk_event_actors"),
    )
    op.create_index("ix_event_actors_actor_id", "event_actors", ["actor_id"])
    op.create_table(
        "event_mentions",
        _id("id"),
        _id("event_id"),
        _id("article_id", None),
        _id("raw_event_id", None),
        sa.Column("site", sa.String(255)),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("paragraph", sa.Integer(), nullable=False),
        sa.Column("sentence_index", sa.Integer(), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.Column("trigger_start", sa.Integer()),
        sa.Column("trigger_end", sa.Integer()),
        sa.Column("actor_spans", _json(), nullable=False),
        sa.Column("recipient_spans", _json(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name="fk_event_mentions_article_id_articles"
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name="fk_event_mentions_event_id_events"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_event_mentions"),
    )
    op.create_index("ix_event_mentions_article_id", "event_mentions", ["article_id"])
    op.create_index("ix_event_mentions_event_id", "event_mentions", ["event_id"])


def _create_runs() -> None:
    op.create_table(
        "runs",
        _id("id"),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True)),
        sa.Column("command", sa.Text(), nullable=False),
        sa.Column("inputs", _json(), nullable=False),
        sa.Column("settings", _json(), nullable=False),
        sa.Column("stats", _json(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_runs"),
    )
    op.create_table(
        "rejections",
        _id("id"),
        _id("run_id"),
        sa.Column("source", sa.Text(), nullable=False),
        _id("stage", 32),
        _id("error", 128),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("document_id", sa.String(64)),
        sa.PrimaryKeyConstraint("id", name="pk_rejections"),
    )
    op.create_index("ix_rejections_run_id", "rejections", ["run_id"])


def _create_sqlite_fts() -> None:
    # External-content FTS5: the text lives once, in ``articles``; triggers keep the index
    # in step with every insert, update and delete.
    op.execute(
        "CREATE VIRTUAL TABLE articles_fts USING fts5("
        "title, body, content='articles', content_rowid='rowid')"
    )
    op.execute(
        "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
        "INSERT INTO articles_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body); "
        "END"
    )
    op.execute(
        "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
        "INSERT INTO articles_fts(articles_fts, rowid, title, body) "
        "VALUES ('delete', old.rowid, old.title, old.body); END"
    )
    op.execute(
        "CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN "
        "INSERT INTO articles_fts(articles_fts, rowid, title, body) "
        "VALUES ('delete', old.rowid, old.title, old.body); "
        "INSERT INTO articles_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body); "
        "END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS articles_fts_{trigger}")
        op.execute("DROP TABLE IF EXISTS articles_fts")
    for table in (
        "rejections",
        "runs",
        "event_mentions",
        "event_actors",
        "events",
        "actors",
        "article_bands",
        "boilerplate_blocks",
        "articles",
        "stories",
        "documents",
    ):
        op.drop_table(table)
