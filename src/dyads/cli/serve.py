"""``dyads serve``: the REST API and the web dashboard over a store, under uvicorn."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any


def add_parser(sub: Any) -> None:
    parser = sub.add_parser(
        "serve",
        help="serve the REST API and the web dashboard",
        description=(
            "Serve the store over HTTP: the REST API (OpenAPI at /openapi.json, docs at /docs) "
            "and the dashboard (overview, dyad timelines, events with evidence, map)."
        ),
    )
    parser.add_argument("--db", help="store URL or SQLite path (default: $DYADS_DB or dyads.db)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on")
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="worker processes (default 1); each opens the store and serves requests",
    )
    parser.add_argument(
        "--cache",
        type=int,
        default=None,
        metavar="N",
        help="list and aggregate answers kept until the store changes (default 256; 0: off)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from dyads.cli.common import OK, USAGE, error_line
    from dyads.errors import StoreError
    from dyads.settings import Settings

    try:
        import uvicorn

        from dyads.serve.api.app import CACHE_ENV, create_app
        from dyads.serve.api.cache import DEFAULT_ENTRIES
    except ImportError as exc:
        sys.stderr.write(
            f"dyads: serve needs the 'serve' extra: pip install 'dyads[serve]' ({exc})\n"
        )
        return USAGE
    settings = Settings(db=args.db) if args.db else Settings()
    entries = DEFAULT_ENTRIES if args.cache is None else args.cache
    try:
        app = create_app(settings, cache_entries=entries)
    except StoreError as exc:
        sys.stderr.write(error_line("dyads serve", exc, db=settings.db))
        return USAGE
    options: dict[str, Any] = {"log_level": "warning", "access_log": False}
    if args.workers > 1:
        # Several processes need an import path to build their own app from: the factory
        # reads the store URL from the environment, as Settings() does.
        os.environ["DYADS_DB"] = settings.db
        os.environ[CACHE_ENV] = str(entries)
        target = "dyads.serve.api.app:create_app_from_env"
        uvicorn.run(
            target, factory=True, workers=args.workers, host=args.host, port=args.port, **options
        )
        return OK
    uvicorn.run(app, host=args.host, port=args.port, **options)
    return OK
