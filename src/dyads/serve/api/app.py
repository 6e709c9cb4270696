"""``create_app(settings)``: the FastAPI application serving the API and the dashboard."""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI

import dyads.serve.api.feeds as feeds_api
from dyads.registry import CODE
from dyads.serve.api import actors, aggregates, articles, documents, dyads, events, health
from dyads.serve.api.cache import DEFAULT_ENTRIES, ReadCache
from dyads.serve.api.docs import install_docs
from dyads.serve.api.documents import PipelineHolder
from dyads.serve.api.errors import BodyLimit, TargetLimit, install_error_handlers
from dyads.serve.api.writes import WriteGate
from dyads.settings import Settings
from dyads.version import __version__

if TYPE_CHECKING:
    from sqlalchemy import Engine

logger = logging.getLogger(__name__)

DESCRIPTION = (
    "Political event data coded from news pages: PLOVER events with their actors, "
    "recipients, dates, places and the evidence sentences that report them. Reads are open; "
    "`POST /documents` needs an API key (`X-API-Key` or `Authorization: Bearer`)."
)


def create_app(
    settings: Settings | None = None,
    *,
    engine: Engine | None = None,
    stages: tuple[str, ...] = CODE,
    cache_entries: int = DEFAULT_ENTRIES,
) -> FastAPI:
    """The application over the store ``settings.db`` (or an already open ``engine``).

    ``stages`` is the pipeline ``POST /documents`` runs: cleaning and coding by default.
    ``cache_entries`` answers of list and aggregate reads are reused until the store
    changes (0 turns the cache off).
    """
    from dyads.serve.web.routes import install_web
    from dyads.store.engine import open_store

    settings = settings or Settings()
    if engine is None:
        engine = open_store(settings.db)
        if engine.dialect.name == "sqlite" and engine.url.database not in (None, "", ":memory:"):
            _map_sqlite_pages(engine)
    app = FastAPI(
        title="dyads",
        version=__version__,
        description=DESCRIPTION,
        lifespan=_lifespan,
        docs_url=None,  # install_docs serves them from local files, not from a CDN
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.pipeline = PipelineHolder(stages)
    # ``POST /documents`` waits in writer threads of its own (and codes in a child process),
    # so the read threads stay free
    app.state.writers = WriteGate(threads=WRITE_THREADS, queue=WRITE_QUEUE)
    app.state.cache = ReadCache(entries=cache_entries)
    for module in (events, articles, actors, dyads, aggregates, documents, health):
        app.include_router(module.router)
    app.include_router(feeds_api.router)
    install_error_handlers(app)
    install_docs(app)
    install_web(app)
    app.add_middleware(BodyLimit, max_bytes=settings.api_max_body_bytes)
    app.add_middleware(TargetLimit, max_bytes=MAX_TARGET_BYTES)
    logger.info("serving store %s", engine.url.render_as_string(hide_password=True))
    return app


# Read requests a worker process runs at once, each in a thread; the rest wait their turn
# in order. On SQLite a read is CPU work in this process under one interpreter lock: a
# second thread adds no CPU, only a contest for the lock that costs every request time
# (`python bench/api.py` with DYADS_SERVE_THREADS=2 against the default 1: a fifth more
# server CPU per request, p95 85 ms against 66-76). On PostgreSQL the server does the work
# and the threads mostly wait on the network. ``DYADS_SERVE_THREADS`` overrides both. Writes
# (``POST /documents``) have threads of their own.
THREADS_ENV = "DYADS_SERVE_THREADS"
SQLITE_THREADS = 1
WRITE_THREADS = 1
# ``POST /documents`` requests that may wait for the writer; one more is answered 503 with
# Retry-After. A short burst (a client posting a handful of pages at once) is stored
# without the client retrying, while a flood cannot pile up bodies (up to the body limit
# each) and open connections without end: at a tenth of a second to a minute a page, 8 in
# line is already more than a client should wait behind.
WRITE_QUEUE = 8
# Bytes of path and query string a request may carry (414 past it): the longest request
# the API or dashboard builds (every filter and a cursor) is under 1 kB; 8 kB is the
# request-line size common servers and proxies accept (nginx's default header buffer).
MAX_TARGET_BYTES = 8192
SERVER_THREADS = 16
# SQLite pages a connection reads straight from the file's memory map instead of copying
# them in with a system call each (address space only: the OS page cache holds the pages).
SQLITE_MMAP_BYTES = 1 << 30


def request_threads(engine: Engine) -> int:
    if THREADS_ENV in os.environ:
        return max(1, int(os.environ[THREADS_ENV]))
    return SQLITE_THREADS if engine.dialect.name == "sqlite" else SERVER_THREADS


def _map_sqlite_pages(engine: Engine) -> None:
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA mmap_size={SQLITE_MMAP_BYTES}")
        cursor.close()

    engine.pool.dispose()  # connections opened while migrating reopen with the map


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    import anyio.to_thread

    limiter = anyio.to_thread.current_default_thread_limiter()
    limiter.total_tokens = request_threads(app.state.engine)
    try:
        yield
    finally:
        app.state.pipeline.close()  # the coding process, if a POST started one


CACHE_ENV = "DYADS_SERVE_CACHE"


def create_app_from_env() -> FastAPI:
    """The factory each worker of ``dyads serve --workers N`` calls; options from the env."""
    entries = int(os.environ.get(CACHE_ENV, DEFAULT_ENTRIES))
    return create_app(Settings(), cache_entries=entries)
