"""Every error the API returns has one JSON shape: ``{"error": {"code", "message"}}``.

Also here: the request-body limit, enforced on the declared ``Content-Length`` and again on
the bytes actually streamed (a client may send no length, or lie about it).
"""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dyads.errors import DyadsError, QueryError

logger = logging.getLogger(__name__)

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    422: "invalid_request",
    500: "internal_error",
}


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
    return error_response(422, str(exc))


# A store error's message can carry SQL and parameters: the client gets its first line only.
MESSAGE_CHARS = 200


async def _dyads_error(_request: Request, exc: Exception) -> Any:
    logger.warning("request failed: %s: %s", type(exc).__name__, exc)
    first_line = (str(exc).splitlines() or [""])[0][:MESSAGE_CHARS]
    return error_response(500, f"{type(exc).__name__}: {first_line}")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(QueryError, _query_error)
    app.add_exception_handler(DyadsError, _dyads_error)


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
        body = json.dumps(error_body(413, self._message())).encode("utf-8")
        headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
