"""``dyads serve``: the REST API and the web dashboard over a store, under uvicorn."""

from __future__ import annotations

import argparse
import os
import socket
import sys
from typing import Any

from dyads.cli.parser import add_db_option

# Connections the system queues before the server accepts them: uvicorn's own default.
LISTEN_BACKLOG = 2048


def add_parser(sub: Any) -> None:
    parser = sub.add_parser(
        "serve",
        help="serve the REST API and the web dashboard",
        description=(
            "Serve the store over HTTP: the REST API (OpenAPI at /openapi.json, docs at /docs) "
            "and the dashboard (overview, dyad timelines, events with evidence, map)."
        ),
    )
    add_db_option(parser)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument(
        "--port", type=int, default=8000, help="port to listen on (0: any free port)"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="worker processes; each opens the store and serves requests",
    )
    parser.add_argument(
        "--cache",
        type=int,
        default=None,
        metavar="N",
        help="list and aggregate answers kept until the store changes (default: 256; 0: off)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from dyads.cli.common import OK, USAGE, error_line
    from dyads.cli.query_options import fail
    from dyads.errors import StoreError
    from dyads.settings import Settings
    from dyads.store.engine import open_store_checked

    try:
        import uvicorn

        from dyads.serve.api.app import CACHE_ENV, create_app
        from dyads.serve.api.cache import DEFAULT_ENTRIES
    except ImportError as exc:
        return fail(f"serve needs the 'serve' extra: pip install 'dyads[serve]' ({exc})")
    if args.workers > 1 and args.port == 0:
        return fail("--port 0 (any free port) needs --workers 1")
    settings = Settings(db=args.db) if args.db else Settings()
    entries = DEFAULT_ENTRIES if args.cache is None else args.cache
    try:
        open_store_checked(settings.db, must_exist=True).dispose()
        app = create_app(settings, cache_entries=entries)
        sock = listen(args.host, args.port)
    except StoreError as exc:
        sys.stderr.write(error_line("dyads serve", exc, db=settings.db))
        return USAGE
    except OSError as exc:
        return fail(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}")
    options: dict[str, Any] = {"log_level": "warning", "access_log": False}
    announce(sock, db=settings.db)
    if args.workers > 1:
        # Several processes need an import path to build their own app from: the factory
        # reads the store URL from the environment, as Settings() does. uvicorn binds the
        # address itself, once the socket that checked it is closed.
        sock.close()
        os.environ["DYADS_DB"] = settings.db
        os.environ[CACHE_ENV] = str(entries)
        target = "dyads.serve.api.app:create_app_from_env"
        uvicorn.run(
            target, factory=True, workers=args.workers, host=args.host, port=args.port, **options
        )
        return OK
    uvicorn.Server(uvicorn.Config(app, **options)).run(sockets=[sock])
    return OK


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` (port 0: one the system picks), as uvicorn binds."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family=family, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        # listening at once: a client that reads the announced address may connect before
        # the app has started, and waits in the backlog instead of being refused
        sock.listen(LISTEN_BACKLOG)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def announce(sock: socket.socket, *, db: str) -> None:
    """One line on stderr: the address the server listens on and the store it serves."""
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    sys.stderr.write(
        f"dyads: serving {db} on http://{shown}:{port}/ (API docs at /docs); Ctrl-C stops\n"
    )
    sys.stderr.flush()
