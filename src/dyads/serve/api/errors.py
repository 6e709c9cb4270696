"""Every error the API returns has one JSON shape: ``{"error": {"code", "message"}}``.

What each error becomes::

    HTTPException, RequestValidationError    its status (401, 404, 413, 422, ...)
    QueryError                               422: a filter the store cannot answer
    └── MalformedCursor                      400: a cursor this API did not issue
    a database that cannot be reached        503 with Retry-After: a lost or refused
      (SQLAlchemy OperationalError,              connection, a read-only SQLite file on a
       InterfaceError, a DBAPIError that         write, a locked database; also as the
       invalidated its connection)               cause of a StoreError
    any other DyadsError                     500 with the first line of its message
    anything else                            500 "internal error" (details in the log)

Also here: the request-body limit, enforced on the declared ``Content-Length`` and again on
the bytes actually streamed (a client may send no length, or lie about it), and the limit
on the length of the request target (414).
"""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dyads.errors import DyadsError, QueryError
from dyads.store.engine import mask_url, scrub
from dyads.store.filters import MalformedCursor

logger = logging.getLogger(__name__)

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    414: "uri_too_long",
    422: "invalid_request",
    500: "internal_error",
    503: "unavailable",
}

# Seconds a client is told to wait after a 503: about what a database restart or a
# failover takes, and long enough that 20 polling clients do not hammer a recovering
# server (each retry of a dead database costs a connection attempt).
RETRY_AFTER_S = 5
# SQLite errors that mean "cannot write or read the file now" rather than a bug in a query
# (SQLite reports a syntax error or a missing table as OperationalError too).
SQLITE_UNAVAILABLE = (
    "readonly database",
    "database is locked",
    "unable to open database",
    "disk i/o error",
    "database or disk is full",
    "disk image is malformed",
)


def error_body(status: int, message: str) -> dict[str, Any]:
    return {"error": {"code": CODES.get(status, f"http_{status}"), "message": message}}


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> Any:
    return JSONResponse(error_body(status, message), status_code=status, headers=headers)


async def _http_error(_request: Request, exc: Exception) -> Any:
    assert isinstance(exc, StarletteHTTPException)
    return error_response(exc.status_code, str(exc.detail), getattr(exc, "headers", None))


async def _validation_error(_request: Request, exc: Exception) -> Any:
    assert isinstance(exc, RequestValidationError)
    parts = []
    for error in exc.errors()[:5]:  # the first few are enough to fix a request
        where = ".".join(str(p) for p in error.get("loc", ()))
        parts.append(f"{where}: {error.get('msg', 'invalid')}")
    return error_response(422, "; ".join(parts) or "invalid request")


async def _query_error(_request: Request, exc: Exception) -> Any:
    return error_response(400 if isinstance(exc, MalformedCursor) else 422, str(exc))


def database_unavailable(exc: BaseException) -> bool:
    """Whether ``exc`` (or the error that caused it) says the database cannot be reached
    or written now, rather than that a query is wrong."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, InterfaceError):
            return True
        if isinstance(seen, DBAPIError) and seen.connection_invalidated:
            return True
        if isinstance(seen, OperationalError):
            if not _is_sqlite(seen):
                return True  # PostgreSQL's OperationalError is about the connection
            return any(mark in str(seen.orig).lower() for mark in SQLITE_UNAVAILABLE)
        seen = seen.__cause__
    return False


def _is_sqlite(exc: DBAPIError) -> bool:
    return type(exc.orig).__module__.startswith("sqlite3")


def unavailable_response(request: Request, exc: BaseException) -> Any:
    """The 503 for a database that cannot be reached: which store, and why (its driver's
    first line, the password masked)."""
    url = request.app.state.engine.url.render_as_string(hide_password=False)
    store, reason = mask_url(url), scrub(_first_line(exc), url)
    logger.warning("database unavailable on %s %s: %s", request.method, request.url.path, reason)
    message = f"the database is unavailable ({store}): {reason}"
    return error_response(503, message, {"Retry-After": str(RETRY_AFTER_S)})


def _first_line(exc: BaseException) -> str:
    cause: BaseException = exc
    while isinstance(cause, DyadsError) and cause.__cause__ is not None:
        cause = cause.__cause__
    text = str(getattr(cause, "orig", None) or cause)
    return (text.strip().splitlines() or [type(cause).__name__])[0][:MESSAGE_CHARS]


async def _database_error(request: Request, exc: Exception) -> Any:
    if database_unavailable(exc):
        return unavailable_response(request, exc)
    return await _unexpected_error(request, exc)


async def _unexpected_error(request: Request, exc: Exception) -> Any:
    """Anything else: logged with its traceback, and a JSON 500 that tells nothing of the
    query or its parameters."""
    logger.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    return error_response(500, f"internal error ({type(exc).__name__})")


# A store error's message can carry SQL and parameters: the client gets its first line only.
MESSAGE_CHARS = 200


async def _dyads_error(request: Request, exc: Exception) -> Any:
    if database_unavailable(exc):
        return unavailable_response(request, exc)
    logger.warning("request failed: %s: %s", type(exc).__name__, exc)
    first_line = (str(exc).splitlines() or [""])[0][:MESSAGE_CHARS]
    return error_response(500, f"{type(exc).__name__}: {first_line}")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(QueryError, _query_error)
    app.add_exception_handler(DyadsError, _dyads_error)
    app.add_exception_handler(DBAPIError, _database_error)
    # Starlette's last resort answers plain text; this one answers the API's JSON shape
    app.add_exception_handler(Exception, _unexpected_error)


class BodyLimit:
    """Refuse request bodies over ``max_bytes`` with 413, declared or streamed."""

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            await self._refuse(send)
            return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    # FastAPI re-raises an HTTPException met while reading the body, so
                    # the handler above turns this into the JSON 413.
                    raise HTTPException(413, self._message())
            return message

        await self.app(scope, limited, send)

    def _message(self) -> str:
        return f"request body over the limit of {self.max_bytes} bytes"

    async def _refuse(self, send: Send) -> None:
        await send_json(send, 413, self._message())


class TargetLimit:
    """Refuse a request whose path and query string together exceed ``max_bytes`` with a
    JSON 414, before any route parses it."""

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            length = len(scope.get("raw_path") or scope["path"].encode()) + len(
                scope.get("query_string", b"")
            )
            if length > self.max_bytes:
                message = f"request target of {length} bytes, over the limit of {self.max_bytes}"
                await send_json(send, 414, message)
                return
        await self.app(scope, receive, send)


async def send_json(send: Send, status: int, message: str) -> None:
    """An error answered straight from ASGI middleware, in the API's JSON shape."""
    body = json.dumps(error_body(status, message)).encode("utf-8")
    headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
