"""``create_app(settings)``: the FastAPI application serving the API and the dashboard."""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING

from fastapi import FastAPI

from dyads import __version__
from dyads.registry import CODE
from dyads.serve.api import actors, articles, documents, dyads, events, health
from dyads.serve.api.cache import DEFAULT_ENTRIES, ReadCache
from dyads.serve.api.documents import PipelineHolder
from dyads.serve.api.errors import BodyLimit, install_error_handlers
from dyads.settings import Settings

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
    engine = engine if engine is not None else open_store(settings.db)
    app = FastAPI(title="dyads", version=__version__, description=DESCRIPTION)
    app.state.settings = settings
    app.state.engine = engine
    app.state.pipeline = PipelineHolder(stages)
    app.state.cache = ReadCache(entries=cache_entries)
    for module in (events, articles, actors, dyads, documents, health):
        app.include_router(module.router)
    install_error_handlers(app)
    install_web(app)
    app.add_middleware(BodyLimit, max_bytes=settings.api_max_body_bytes)
    logger.info("serving store %s", engine.url.render_as_string())
    return app


CACHE_ENV = "DYADS_SERVE_CACHE"


def create_app_from_env() -> FastAPI:
    """The factory each worker of ``dyads serve --workers N`` calls; options from the env."""
    entries = int(os.environ.get(CACHE_ENV, DEFAULT_ENTRIES))
    return create_app(Settings(), cache_entries=entries)
