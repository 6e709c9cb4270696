"""Open a store: normalise its URL, configure the connection, apply the migrations.

``sqlite:///path`` (the default, from ``Settings.db`` / ``DYADS_DB``) and ``postgresql://...``
(mapped to the psycopg 3 driver) share one schema. A bare path is taken as a SQLite file.

A URL's password never leaves this module in clear: ``mask_url`` is what error messages,
logs and recorded run settings show instead.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyads.errors import StoreError

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

logger = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

# Execution option a connection sets to make SQLite take the write lock at BEGIN: a writer
# that read first and wrote second could fail with SQLITE_BUSY when another writer commits
# in between, instead of waiting its turn.
IMMEDIATE = "dyads_sqlite_immediate"

# How long a SQLite writer waits for another writer's batch to commit. A batch transaction
# holds the lock for well under a second on the evaluation corpus (50 articles); 60 s leaves
# room for slow disks and large batches without hanging forever on a stuck process.
SQLITE_BUSY_TIMEOUT_MS = 60_000

# Any fixed 64-bit number: the key of the PostgreSQL advisory lock that serialises
# migrations and batch writes of every dyads writer on one database.
PG_LOCK_KEY = 0x6479_6164_7300  # "dyads" in ASCII, shifted

# PostgreSQL connections kept open: ``dyads serve`` runs up to 16 reads at once (its
# ``SERVER_THREADS``), each holding one connection, plus the writers' thread and a loader.
# SQLAlchemy's default (5, overflow 10) made the 16th request wait on the pool, and
# overflow connections are closed after each use, so busy reads paid a new connection
# (~5 ms) again and again.
PG_POOL_SIZE = 20
PG_MAX_OVERFLOW = 10
# Seconds a pooled PostgreSQL connection is reused before it is replaced: under a server's
# or a proxy's idle timeout (often 30-60 min), so a connection is never found closed by the
# other side; each checkout is also tested first (``pool_pre_ping``), so a restarted
# database costs the next request a reconnect rather than an error.
PG_POOL_RECYCLE_S = 1800
# Seconds a new PostgreSQL connection may take: a database that is down fails a request
# quickly (the API answers 503) instead of holding a thread for the OS's TCP timeout.
PG_CONNECT_TIMEOUT_S = 5


def normalise_url(url: str) -> str:
    """The SQLAlchemy URL for ``url``: psycopg 3 for PostgreSQL, SQLite for a bare path."""
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if "://" not in url:
        return f"sqlite:///{url}"
    return url


def mask_url(url: str) -> str:
    """``url`` with its password replaced by ``***`` (unchanged when it has none or does
    not parse as a URL)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    if "://" not in url:
        return url
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        # not a URL SQLAlchemy reads: hide whatever sits between "user:" and "@"
        return _PASSWORD.sub(r"\1***@", url)
    if parsed.password is None:
        return url
    return parsed.render_as_string(hide_password=True)


# user:password@ in the authority part of a URL that ``make_url`` refuses
_PASSWORD = re.compile(r"(://[^:/@\s]*:)[^@\s]*@")


def mask_secrets(value: Any) -> Any:
    """``value`` (settings as JSON: dicts, lists, strings) with every URL's password
    masked, so that recording or printing it gives no secret away."""
    if isinstance(value, str):
        return mask_url(value)
    if isinstance(value, Mapping):
        return {key: mask_secrets(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [mask_secrets(item) for item in value]
    return value


def scrub(message: str, url: str) -> str:
    """``message`` with the password of ``url`` (if any) replaced by ``***``: drivers'
    errors may quote a connection string."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        password = make_url(normalise_url(url)).password
    except (ArgumentError, ValueError):
        return _PASSWORD.sub(r"\1***@", message)
    message = message.replace(url, mask_url(url))
    if password:
        message = message.replace(str(password), "***")
    return message


def open_store(url: str, *, migrate: bool = True) -> Engine:
    """An engine on the store at ``url``, its schema created or migrated to the latest."""
    from sqlalchemy import create_engine
    from sqlalchemy.exc import SQLAlchemyError

    full = normalise_url(url)
    shown = mask_url(url)
    try:
        engine = create_engine(full, **_engine_options(full))
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise StoreError(f"cannot open store {shown}: {scrub(str(exc), url)}") from exc
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    if migrate:
        try:
            migrate_store(engine)
        except SQLAlchemyError as exc:
            engine.dispose()
            raise StoreError(f"cannot migrate store {shown}: {scrub(str(exc), url)}") from exc
    return engine


def _engine_options(full: str) -> dict[str, Any]:
    """``create_engine`` options for the normalised URL ``full``: the pool and timeouts."""
    if full.startswith("sqlite"):
        _prepare_sqlite_path(full)
        if full in ("sqlite://", "sqlite:///:memory:"):
            from sqlalchemy.pool import StaticPool

            return {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
        return {}
    if full.startswith("postgresql"):
        return {
            "pool_size": PG_POOL_SIZE,
            "max_overflow": PG_MAX_OVERFLOW,
            "pool_pre_ping": True,
            "pool_recycle": PG_POOL_RECYCLE_S,
            "connect_args": {"connect_timeout": PG_CONNECT_TIMEOUT_S},
        }
    return {"pool_pre_ping": True}


def migrate_store(engine: Engine) -> None:
    """Apply every Alembic migration not yet applied, under the writers' lock."""
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(config).get_current_head()
    if current_revision(engine) == head:
        return  # the common case: no lock taken, so opening a store never waits on a writer
    with engine.connect() as conn:
        conn.execution_options(**{IMMEDIATE: True})
        with conn.begin():
            lock_for_write(conn)
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
    logger.info("store %s migrated to %s", engine.url.render_as_string(hide_password=True), head)


def current_revision(engine: Engine) -> str | None:
    """The Alembic revision the store is at (None for an empty database)."""
    from alembic.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def lock_for_write(conn: Connection) -> None:
    """Serialise writers: PostgreSQL takes an advisory lock held until the transaction ends.

    SQLite needs nothing here: a connection with the ``IMMEDIATE`` option already holds the
    database's write lock from its BEGIN.
    """
    if conn.dialect.name == "postgresql":
        from sqlalchemy import text

        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_LOCK_KEY})


def _prepare_sqlite_path(url: str) -> None:
    from sqlalchemy.engine import make_url

    database = make_url(url).database
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)


def _configure_sqlite(engine: Engine) -> None:
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Leave transactions to the "begin" hook below instead of the driver's own guesses.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        # WAL lets readers (the query side, a progress poll) read while a batch is written.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get(IMMEDIATE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


# Seconds a command waits for a PostgreSQL server to answer before saying it cannot reach
# it: a server on the network answers in milliseconds, and without a limit a host that drops
# packets would hold the command for the system's TCP timeout (minutes).
CONNECT_TIMEOUT_S = 10


def open_store_checked(url: str, *, must_exist: bool) -> Engine:
    """``open_store`` for a command line: with ``must_exist``, a SQLite file that is not
    there is a ``StoreError`` instead of a new empty store (a mistyped path in a read would
    otherwise answer "no events"); a PostgreSQL server that cannot be reached is a
    ``StoreError`` saying so in one line, after at most ``CONNECT_TIMEOUT_S``."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import OperationalError

    full = make_url(normalise_url(url))
    if full.get_backend_name() == "sqlite":
        database = full.database or ""
        in_memory = database in ("", ":memory:") or database.startswith("file:")
        if must_exist and not in_memory and not Path(database).expanduser().is_file():
            raise StoreError(f"no store at {database} (dyads run creates one)")
    elif "connect_timeout" not in full.query:
        full = full.update_query_dict({"connect_timeout": str(CONNECT_TIMEOUT_S)})
    try:
        return open_store(full.render_as_string(hide_password=False))
    except StoreError as exc:
        cause = exc.__cause__
        if full.get_backend_name() != "postgresql" or not isinstance(cause, OperationalError):
            raise
        reason = str(cause.orig).split("\n", 1)[0]
        where = f"{full.host or 'localhost'}:{full.port or 5432}/{full.database or ''}"
        raise StoreError(f"cannot connect to PostgreSQL at {where}: {reason}") from exc
