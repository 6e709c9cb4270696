"""The store's schema: one SQLAlchemy Core ``MetaData`` for SQLite and PostgreSQL.

Ids are content hashes or hashes of stable fields, so a rerun and a second writer compute
the same id for the same thing and an insert of something already stored is a no-op.
Alembic migrations (``store/migrations``) create these tables; ``open_store`` applies them.

Tables (``*`` primary key, ``->`` reference)::

    documents         *id (sha256 of the document text), source, media_type, encoding, url,
                      fetched_at, bytes (UTF-8 size of the text), run_id (first run that stored
                      it), status ("stored")
    articles          *id (Article.id), document_id -> documents, story_id -> stories, source,
                      url, site, title, published (ISO text as the page gave it: a date or a
                      datetime), published_date (its date), dateline_text, dateline_place,
                      dateline_country, dateline_lat, dateline_lon, byline, language,
                      paragraphs (JSON list), body (paragraphs joined by a blank line: evidence
                      offsets index into it), body_hash (sha256 of the normalised body, exact
                      dedup), minhash (the MinHash signature, uint64 little-endian), method,
                      confidence, tone (-10..+10, ``dyads.clean.tone``; null for an article
                      stored before revision 0008 or not in English)
    boilerplate_blocks *article_id -> articles, *position, kind, heading, items (JSON list)
    stories           *id (the id of the story's first article), title, first_article_id,
                      num_articles, num_sources (distinct sites), first_published (ISO text)
    article_bands     *band, *bucket, *article_id, story_id: MinHash LSH buckets
    actors            *id (sha256 of name|country|sector|title), name, country, sector, title
    events            *id, event (PLOVER type), mode, contexts (JSON list), date, date_method,
                      place_name, place_country, place_lat, place_lon, cameo, quad, goldstein,
                      confidence, story_id -> stories, actor_key, recipient_key (sorted
                      distinct ISO-3 / IGO codes joined by ",", "" when none), num_mentions
                      (evidence sentences), num_articles (distinct articles), num_sources
                      (distinct sites), first_seen (when first stored), coder, coder_version
    event_actors      *event_id -> events, *role ("actor" | "recipient"), *actor_id -> actors,
                      position (0-based order within the role)
    event_mentions    *id, event_id -> events, article_id -> articles, raw_event_id (the
                      coder's id), site, sentence, paragraph (1-based), sentence_index,
                      start_char, end_char (sentence offsets into articles.body),
                      trigger_start, trigger_end, actor_spans, recipient_spans (JSON lists of
                      [start, end]), confidence
    runs              *id, started_at, finished_at, command, inputs (JSON), settings (JSON),
                      stats (JSON)
    rejections        *id (sha256 of source|stage|error|message|document_id), run_id (first run
                      that saw it), source, stage, error, message, document_id
    event_dyads       *event_id -> events, *actor_country, *recipient_country ("" when the
                      event has none on that side), date, quad, goldstein: one row per pair of
                      actor and recipient country of a canonical event (fixed when it is
                      created: events merge only with the same countries); what country and
                      dyad queries read, through its covering indexes
    event_partners    *event_id -> events, *country, *partner, date, quad, goldstein: for an
                      event with no recipient whose actors are of two or more countries (a
                      joint action: "Japan and South Korea agreed ..."), one row per ordered
                      pair of distinct actor countries; what dyad queries read besides
                      ``event_dyads``, so that such an event is between its actors
    shard_markers     *id (the shard id of a distributed run), source, run_id, completed_at,
                      stats (JSON): a finished shard, skipped by a rerun
    country_codes     *iso3, cown (Correlates of War number), gwn (Gleditsch-Ward number), fips
                      (FIPS 10-4): the codes of ``data/countries.tsv`` that ``events_flat``
                      shows beside each actor's ISO-3 code (written by migration 0008)
    api_keys          *prefix, name (unique), hash (sha256 of the secret), created_at, revoked_at
    feeds             *id (sha256 of the normalised URL), url (unique), name, every_seconds,
                      added_at, etag, last_modified (the validators of the last 200 answer),
                      content_hash (sha256 of its last body: an unchanged body is not parsed
                      again), last_fetch_at, next_fetch_at, last_status (HTTP status, null
                      when no answer came), last_error, last_new_items, errors_in_row,
                      items_total: the watched feeds and their health
    feed_items        *url_key (the normalised URL), feed_id (no reference: kept when the
                      feed is removed), url (as the feed gave it), title, published (ISO
                      text), document_id (sha256 of the page text, once fetched), status
                      ("pending", "fetched", "stored", "skipped", "dropped", "rejected",
                      "retry"), events, attempts, first_seen_at, done_at: every item a
                      watched feed listed; one in "fetched" was handed to the pipeline and is
                      done if its document is stored
    fetch_log         *id, feed_id, url, fetched_at, status, outcome ("new", "unchanged",
                      "not-modified", "error"), items, new_items, elapsed_ms, error

Full-text search over articles (created by the migration, not part of ``metadata``):

- SQLite: FTS5 table ``articles_fts(title, body)`` with external content ``articles``
  (``rowid`` = ``articles.rowid``), kept in sync by triggers. Query:
  ``SELECT a.* FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
  WHERE articles_fts MATCH :q ORDER BY articles_fts.rank``.
- PostgreSQL: a stored generated ``tsvector`` column ``articles.search`` (``PG_FTS_DOCUMENT``
  of the title and body, migration 0006) with a GIN index ``ix_articles_search``. Query:
  ``WHERE articles.search @@ plainto_tsquery('english', :q)``.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.dialects.postgresql import JSONB

# Constraint names fixed here so both databases and every migration agree on them.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)

Json = JSON().with_variant(JSONB(), "postgresql")
Hash = String(64)  # a sha256 hex digest
Code = String(16)  # an ISO-3 country code, an IGO code, a PLOVER sector, a role

# The document a PostgreSQL full-text query searches: what the generated column
# ``articles.search`` holds, computed once when an article is written.
PG_FTS_DOCUMENT = "to_tsvector('english', coalesce(title, '') || ' ' || coalesce(body, ''))"
PG_FTS_COLUMN = "articles.search"
SQLITE_FTS_TABLE = "articles_fts"

documents = Table(
    "documents",
    metadata,
    Column("id", Hash, primary_key=True),
    Column("source", Text, nullable=False),
    Column("media_type", String(64)),
    Column("encoding", String(32)),
    Column("url", Text),
    Column("fetched_at", DateTime(timezone=True)),
    Column("bytes", Integer),
    Column("run_id", Hash),
    Column("status", String(16), nullable=False),
)

stories = Table(
    "stories",
    metadata,
    Column("id", String, primary_key=True),
    Column("title", Text),
    Column("first_article_id", String, nullable=False),
    Column("num_articles", Integer, nullable=False),
    Column("num_sources", Integer, nullable=False),
    Column("first_published", String(40)),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String, primary_key=True),
    Column("document_id", Hash, ForeignKey("documents.id"), nullable=False, index=True),
    Column("story_id", String, ForeignKey("stories.id"), nullable=False, index=True),
    Column("source", Text),
    Column("url", Text),
    Column("site", String(255)),
    Column("title", Text),
    Column("published", String(40)),
    Column("published_date", Date, index=True),
    Column("dateline_text", Text),
    Column("dateline_place", Text),
    Column("dateline_country", Code),
    Column("dateline_lat", Float),
    Column("dateline_lon", Float),
    Column("byline", Text),
    Column("language", String(16)),
    Column("paragraphs", Json, nullable=False),
    Column("body", Text, nullable=False),
    Column("body_hash", Hash, nullable=False, index=True),
    Column("minhash", LargeBinary),
    Column("method", String(32)),
    Column("confidence", Float),
    Column("tone", Float),
)

boilerplate_blocks = Table(
    "boilerplate_blocks",
    metadata,
    Column("article_id", String, ForeignKey("articles.id"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("heading", Text),
    Column("items", Json, nullable=False),
)

article_bands = Table(
    "article_bands",
    metadata,
    Column("band", Integer, primary_key=True),
    Column("bucket", String(16), primary_key=True),
    Column("article_id", String, ForeignKey("articles.id"), primary_key=True),
    Column("story_id", String, nullable=False),
)

actors = Table(
    "actors",
    metadata,
    Column("id", Hash, primary_key=True),
    Column("name", Text, nullable=False),
    Column("country", Code, index=True),
    Column("sector", Code),
    Column("title", Text),
)

events = Table(
    "events",
    metadata,
    Column("id", Hash, primary_key=True),
    Column("event", String(32), nullable=False),
    Column("mode", String(32)),
    Column("contexts", Json, nullable=False),
    Column("date", Date),
    Column("date_method", String(16), nullable=False),
    Column("place_name", Text),
    Column("place_country", Code),
    Column("place_lat", Float),
    Column("place_lon", Float),
    Column("cameo", String(8)),
    Column("quad", Integer),
    Column("goldstein", Float),
    Column("confidence", Float, nullable=False),
    Column("story_id", String, ForeignKey("stories.id"), nullable=False, index=True),
    Column("actor_key", String(255), nullable=False),
    Column("recipient_key", String(255), nullable=False),
    Column("num_mentions", Integer, nullable=False),
    Column("num_articles", Integer, nullable=False),
    Column("num_sources", Integer, nullable=False),
    Column("first_seen", DateTime(timezone=True), nullable=False),
    Column("coder", String(64), nullable=False),
    Column("coder_version", String(32), nullable=False),
    Index("ix_events_dyad", "event", "actor_key", "recipient_key", "date"),
    Index("ix_events_date", "date"),
)

event_actors = Table(
    "event_actors",
    metadata,
    Column("event_id", Hash, ForeignKey("events.id"), primary_key=True),
    Column("role", String(16), primary_key=True),
    Column("actor_id", Hash, ForeignKey("actors.id"), primary_key=True, index=True),
    Column("position", Integer, nullable=False),
)

event_mentions = Table(
    "event_mentions",
    metadata,
    Column("id", Hash, primary_key=True),
    Column("event_id", Hash, ForeignKey("events.id"), nullable=False, index=True),
    Column("article_id", String, ForeignKey("articles.id"), nullable=False, index=True),
    Column("raw_event_id", String, nullable=False),
    Column("site", String(255)),
    Column("sentence", Text, nullable=False),
    Column("paragraph", Integer, nullable=False),
    Column("sentence_index", Integer, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("trigger_start", Integer),
    Column("trigger_end", Integer),
    Column("actor_spans", Json, nullable=False),
    Column("recipient_spans", Json, nullable=False),
    Column("confidence", Float, nullable=False),
)

runs = Table(
    "runs",
    metadata,
    Column("id", Hash, primary_key=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("command", Text, nullable=False),
    Column("inputs", Json, nullable=False),
    Column("settings", Json, nullable=False),
    Column("stats", Json, nullable=False),
)

rejections = Table(
    "rejections",
    metadata,
    Column("id", Hash, primary_key=True),
    Column("run_id", Hash, nullable=False, index=True),
    Column("source", Text, nullable=False),
    Column("stage", String(32), nullable=False),
    Column("error", String(128), nullable=False),
    Column("message", Text, nullable=False),
    Column("document_id", Hash),
)

event_dyads = Table(
    "event_dyads",
    metadata,
    Column("event_id", Hash, ForeignKey("events.id"), primary_key=True),
    Column("actor_country", Code, primary_key=True),
    Column("recipient_country", Code, primary_key=True),
    Column("date", Date),
    Column("quad", Integer),
    Column("goldstein", Float),
    # covering: a dyad's time series is one range scan of this index, no table reads
    Index(
        "ix_event_dyads_pair",
        "actor_country",
        "recipient_country",
        "date",
        "quad",
        "goldstein",
        "event_id",
    ),
    Index("ix_event_dyads_recipient", "recipient_country", "date", "event_id"),
    # one country as actor, newest first: an ``actor=`` page is a short range scan
    Index("ix_event_dyads_actor", "actor_country", "date", "event_id"),
)

event_partners = Table(
    "event_partners",
    metadata,
    Column("event_id", Hash, ForeignKey("events.id"), primary_key=True),
    Column("country", Code, primary_key=True),
    Column("partner", Code, primary_key=True),
    Column("date", Date),
    Column("quad", Integer),
    Column("goldstein", Float),
    # covering, like ``ix_event_dyads_pair``: a dyad's joint actions are one range scan
    Index("ix_event_partners_pair", "country", "partner", "date", "quad", "goldstein", "event_id"),
)

shard_markers = Table(
    "shard_markers",
    metadata,
    Column("id", Hash, primary_key=True),
    Column("source", Text, nullable=False),
    Column("run_id", Hash, nullable=False),
    Column("completed_at", DateTime(timezone=True), nullable=False),
    Column("stats", Json, nullable=False),
)

api_keys = Table(
    "api_keys",
    metadata,
    Column("prefix", String(16), primary_key=True),
    Column("name", String(128), nullable=False, unique=True),
    Column("hash", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True)),
)


feeds = Table(
    "feeds",
    metadata,
    Column("id", Hash, primary_key=True),
    Column("url", Text, nullable=False, unique=True),
    Column("name", String(128)),
    Column("every_seconds", Integer, nullable=False),
    Column("added_at", DateTime(timezone=True), nullable=False),
    Column("etag", Text),
    Column("last_modified", String(64)),
    Column("content_hash", Hash),
    Column("last_fetch_at", DateTime(timezone=True)),
    Column("next_fetch_at", DateTime(timezone=True), index=True),
    Column("last_status", Integer),
    Column("last_error", Text),
    Column("last_new_items", Integer, nullable=False),
    Column("errors_in_row", Integer, nullable=False),
    Column("items_total", Integer, nullable=False),
)

feed_items = Table(
    "feed_items",
    metadata,
    Column("url_key", Text, primary_key=True),
    # no foreign key: a removed feed's items stay seen, so adding it again refetches nothing
    Column("feed_id", Hash, nullable=False, index=True),
    Column("url", Text, nullable=False),
    Column("title", Text),
    Column("published", String(40)),
    Column("document_id", Hash, index=True),
    Column("status", String(16), nullable=False),
    Column("events", Integer, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("first_seen_at", DateTime(timezone=True), nullable=False),
    Column("done_at", DateTime(timezone=True)),
)

fetch_log = Table(
    "fetch_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("feed_id", Hash, nullable=False),
    Column("url", Text, nullable=False),
    Column("fetched_at", DateTime(timezone=True), nullable=False),
    Column("status", Integer),
    Column("outcome", String(16), nullable=False),
    Column("items", Integer, nullable=False),
    Column("new_items", Integer, nullable=False),
    Column("elapsed_ms", Integer, nullable=False),
    Column("error", Text),
    Index("ix_fetch_log_feed", "feed_id", "fetched_at"),
)

country_codes = Table(
    "country_codes",
    metadata,
    Column("iso3", String(3), primary_key=True),
    Column("cown", Integer),
    Column("gwn", Integer),
    Column("fips", String(2)),
)


def is_managed(obj: object, name: str | None, type_: str, reflected: bool, other: object) -> bool:
    """Whether Alembic should compare an object with ``metadata`` (its ``include_object``).

    The FTS5 table and its shadow tables are created by hand in the migration, and so are
    PostgreSQL's full-text column and the indexes only PostgreSQL has, which ``metadata``
    (one schema for both databases) does not describe.
    """
    if type_ == "table" and name is not None and name.startswith(SQLITE_FTS_TABLE):
        return False
    if type_ == "column" and name == "search":
        return False
    return not (type_ == "index" and name in PG_ONLY_INDEXES)


# Indexes migrations create on PostgreSQL alone (see ``is_managed``).
PG_ONLY_INDEXES = frozenset(
    {"ix_articles_fts", "ix_articles_search", "ix_event_mentions_sentence_trgm"}
)


ACTOR_ROLE = "actor"
RECIPIENT_ROLE = "recipient"
DOCUMENT_STORED = "stored"
